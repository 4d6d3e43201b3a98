import type { TOrderView } from "@/lib/commerce/order-types";
import type { TPayOrderRequest } from "@/lib/commerce/order-schemas";
import type { TCheckoutRequest, TCheckoutResponse } from "@/lib/commerce/checkout.types";
import type {
  TCreateProductRequest,
  TProductView,
  TUpdateProductRequest,
} from "@/lib/commerce/product-schemas";
import type { TDealView, TPinRequest, TShowSales, TStartDealRequest } from "@/lib/commerce/show-schemas";

/** An API refusal as the browser sees it. */
export class CommerceApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** The cart lines a checkout refusal names (`error.productIds`). */
    readonly productIds: string[] = [],
  ) {
    super(message);
  }
}

/** One JSON call to the web tier; a refusal (or no network) throws CommerceApiError with its code and fields. */
export async function apiCall<T>(
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
    error?: { code: string; message: string; fields?: Record<string, string>; productIds?: string[] };
  } | null;
  if (!res.ok) {
    throw new CommerceApiError(
      res.status,
      json?.error?.code ?? "HTTP_" + res.status,
      json?.error?.message ?? "Something went wrong.",
      json?.error?.fields,
      json?.error?.productIds,
    );
  }
  return json as T;
}

/** Checks out the whole cart as one order (every line reserved or none); the key makes a retry safe. */
export function checkout(input: TCheckoutRequest) {
  return apiCall<TCheckoutResponse>("POST", "/api/checkout", input);
}

export function payOrder(orderId: string, input: TPayOrderRequest) {
  return apiCall<{ order: TOrderView }>("POST", `/api/orders/${encodeURIComponent(orderId)}/pay`, input);
}

export function cancelOrder(orderId: string) {
  return apiCall<{ order: TOrderView }>("POST", `/api/orders/${encodeURIComponent(orderId)}/cancel`);
}

export function listMyOrders() {
  return apiCall<{ orders: TOrderView[] }>("GET", "/api/orders");
}

// The seller's side: running a show and keeping a catalog (docs/COMMERCE.md).

const room = (roomId: string, rest = "") => `/api/rooms/${encodeURIComponent(roomId)}${rest}`;

export function pinProduct(roomId: string, productId: string | null) {
  return apiCall<{ roomId: string; pinnedProductId: string | null }>("POST", room(roomId, "/pin"), {
    productId,
  } satisfies TPinRequest);
}

export function startDeal(roomId: string, input: TStartDealRequest) {
  return apiCall<{ deal: TDealView }>("POST", room(roomId, "/deals"), input);
}

export function stopDeal(roomId: string, productId: string) {
  return apiCall<{ ok: true }>("DELETE", room(roomId, `/deals/${encodeURIComponent(productId)}`));
}

export function listDeals(roomId: string) {
  return apiCall<{ deals: TDealView[] }>("GET", room(roomId, "/deals"));
}

export function getSales(roomId: string, viewers: number | null) {
  return apiCall<TShowSales>("GET", room(roomId, `/sales${viewers === null ? "" : `?viewers=${viewers}`}`));
}

export function setAnnouncePurchases(roomId: string, announcePurchases: boolean) {
  return apiCall<{ announcePurchases: boolean }>("PATCH", room(roomId, "/sales"), { announcePurchases });
}

export function createProduct(input: TCreateProductRequest) {
  return apiCall<{ product: TProductView }>("POST", "/api/products", input);
}

export function updateProduct(productId: string, input: TUpdateProductRequest) {
  return apiCall<{ product: TProductView }>("PATCH", `/api/products/${encodeURIComponent(productId)}`, input);
}

export type TUploadedImage = { url: string; width: number; height: number; bytes: number; type: string };

/** Uploads a product image (JPEG, PNG or WebP up to 5 MB); the server answers a resized WebP. */
export async function uploadImage(file: File): Promise<TUploadedImage> {
  const form = new FormData();
  form.set("file", file);
  let res: Response;
  try {
    res = await fetch("/api/uploads", { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new CommerceApiError(0, "NETWORK", "You seem to be offline. Check your connection and try again.");
  }
  const json = (await res.json().catch(() => null)) as {
    image?: TUploadedImage;
    error?: { code: string; message: string };
  } | null;
  if (!res.ok || !json?.image) {
    throw new CommerceApiError(
      res.status,
      json?.error?.code ?? `HTTP_${res.status}`,
      json?.error?.message ?? "The upload failed.",
    );
  }
  return json.image;
}
