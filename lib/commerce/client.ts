import type { TOrderView } from "@/lib/commerce/order-types";
import type { TPayOrderRequest } from "@/lib/commerce/order-schemas";

/** An API refusal as the browser sees it. */
export class CommerceApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function call<T>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    throw new CommerceApiError(0, "NETWORK", "You seem to be offline. Check your connection and try again.");
  }
  const json = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; fields?: Record<string, string> };
  } | null;
  if (!res.ok) {
    throw new CommerceApiError(
      res.status,
      json?.error?.code ?? "HTTP_" + res.status,
      json?.error?.message ?? "Something went wrong.",
      json?.error?.fields,
    );
  }
  return json as T;
}

/** Places (or, with the same key, finds) an order; the server decides the price. */
export function placeOrder(
  input: { productId: string; quantity: number; roomId?: string },
  idempotencyKey: string,
) {
  return call<{ order: TOrderView }>("POST", "/api/orders", input, { "idempotency-key": idempotencyKey });
}

export function payOrder(orderId: string, input: TPayOrderRequest) {
  return call<{ order: TOrderView }>("POST", `/api/orders/${encodeURIComponent(orderId)}/pay`, input);
}

export function cancelOrder(orderId: string) {
  return call<{ order: TOrderView }>("POST", `/api/orders/${encodeURIComponent(orderId)}/cancel`);
}

export function listMyOrders() {
  return call<{ orders: TOrderView[] }>("GET", "/api/orders");
}
