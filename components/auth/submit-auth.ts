/** What the session and sign-up endpoints answer on failure. */
export type TAuthFailure = { code: string; message: string; fields: Record<string, string> };

/** Posts JSON to an auth endpoint; null on success, else the contract's error (or a network failure). */
export async function postAuth(url: string, body: unknown): Promise<TAuthFailure | null> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return { code: "NETWORK", message: "", fields: {} };
  }
  if (res.ok) return null;
  const json = (await res.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown; fields?: unknown };
  } | null;
  const error = json?.error;
  const fields: Record<string, string> = {};
  if (error?.fields && typeof error.fields === "object") {
    for (const [k, v] of Object.entries(error.fields as Record<string, unknown>))
      if (typeof v === "string") fields[k] = v;
  }
  return {
    code: typeof error?.code === "string" ? error.code : `HTTP_${res.status}`,
    message: typeof error?.message === "string" ? error.message : "",
    fields,
  };
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PASSWORD_MIN = 8;
