"use client";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/api/query-client";

/** One TanStack Query cache per browser tab, shared by every component under the root layout. */
export function QueryProvider({ children }: { children: ReactNode }) {
  // A state initializer, not a module constant: the server renders each request with a cache of its own.
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
