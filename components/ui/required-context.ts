"use client";
import { createContext, useContext } from "react";

/**
 * A context that has no value outside its provider: its hook throws there (a wiring mistake, not a state to
 * render), so callers never handle null. `hook` and `provider` name them in that error.
 */
export function requiredContext<T>(hook: string, provider: string) {
  const Context = createContext<T | null>(null);
  const use = (): T => {
    const value = useContext(Context);
    if (value === null) throw new Error(`${hook}() needs a <${provider}> around it`);
    return value;
  };
  return { Provider: Context.Provider, use };
}
