/**
 * The browser's one way to call the web tier (and the only `fetch` in components/ and lib/, which lint
 * enforces): JSON in and out, the page's session cookie, and every refusal or lost connection thrown as one
 * ApiRequestError carrying the contract's `{ error: { code, message, fields?, productIds? } }`.
 */

/** What a person reads when the request never reached the server. */
export const OFFLINE_MESSAGE = "You seem to be offline. Check your connection and try again.";
const FALLBACK_MESSAGE = "Something went wrong.";

/** A refused request (status 4xx/5xx) or, with status 0 and code NETWORK, one that never got an answer. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's own sentence, "" when it gave none. */
    readonly detail: string,
    readonly fields: Record<string, string> = {},
    /** The cart lines a checkout refusal names (`error.productIds`). */
    readonly productIds: string[] = [],
  ) {
    super(detail || (status === 0 ? OFFLINE_MESSAGE : FALLBACK_MESSAGE));
    this.name = "ApiRequestError";
  }
}

type TRequestOptions = {
  /** Sent as JSON, or as is when it is FormData (an upload). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

type TErrorBody = {
  error?: { code?: unknown; message?: unknown; fields?: unknown; productIds?: unknown };
} | null;

function toError(status: number, json: unknown): ApiRequestError {
  const error = (json as TErrorBody)?.error;
  const fields: Record<string, string> = {};
  if (error?.fields && typeof error.fields === "object") {
    for (const [k, v] of Object.entries(error.fields as Record<string, unknown>))
      if (typeof v === "string") fields[k] = v;
  }
  return new ApiRequestError(
    status,
    typeof error?.code === "string" ? error.code : `HTTP_${status}`,
    typeof error?.message === "string" ? error.message : "",
    fields,
    Array.isArray(error?.productIds) ? error.productIds.filter((id) => typeof id === "string") : [],
  );
}

/** The whole answer (status, headers, parsed body) for the callers that read headers or a 304. */
export async function exchange<T>(
  method: string,
  url: string,
  { body, headers = {}, signal }: TRequestOptions = {},
): Promise<{ status: number; headers: Headers; data: T }> {
  const form = typeof FormData !== "undefined" && body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      signal,
      headers: { ...(body === undefined || form ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch (err) {
    // An abort is the caller's own doing: let it through as is.
    if (signal?.aborted) throw err;
    throw new ApiRequestError(0, "NETWORK", "");
  }
  const json = res.status === 304 ? null : ((await res.json().catch(() => null)) as unknown);
  if (!res.ok && res.status !== 304) throw toError(res.status, json);
  return { status: res.status, headers: res.headers, data: json as T };
}

/** One JSON call; resolves to the answer's body, throws ApiRequestError on a refusal or no network. */
export async function request<T>(method: string, url: string, options?: TRequestOptions): Promise<T> {
  return (await exchange<T>(method, url, options)).data;
}

/** A call's outcome as a value, for handlers that branch on it rather than catch. */
export type TSettled<T> = { ok: true; data: T } | { ok: false; error: ApiRequestError };

export async function settle<T>(call: Promise<T>): Promise<TSettled<T>> {
  try {
    return { ok: true, data: await call };
  } catch (err) {
    if (err instanceof ApiRequestError) return { ok: false, error: err };
    throw err;
  }
}
