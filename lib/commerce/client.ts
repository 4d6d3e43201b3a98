import { request } from "@/lib/api/request";
import type { TOrderView } from "@/lib/commerce/order-types";
import type { TPayOrderRequest } from "@/lib/commerce/order-schemas";
import type { TCheckoutRequest, TCheckoutResponse } from "@/lib/commerce/checkout.types";
import type {
  TCreateProductRequest,
  TProductView,
  TUpdateProductRequest,
} from "@/lib/commerce/product-schemas";
import type { TDealView, TPinRequest, TShowSales, TStartDealRequest } from "@/lib/commerce/show-schemas";

/** Checks out the whole cart as one order (every line reserved or none); the key makes a retry safe. */
export function checkout(input: TCheckoutRequest) {
  return request<TCheckoutResponse>("POST", "/api/checkout", { body: input });
}

export function payOrder(orderId: string, input: TPayOrderRequest) {
  return request<{ order: TOrderView }>("POST", `/api/orders/${encodeURIComponent(orderId)}/pay`, {
    body: input,
  });
}

export function cancelOrder(orderId: string) {
  return request<{ order: TOrderView }>("POST", `/api/orders/${encodeURIComponent(orderId)}/cancel`);
}

export function listMyOrders() {
  return request<{ orders: TOrderView[] }>("GET", "/api/orders");
}

// The seller's side: running a show and keeping a catalog (docs/COMMERCE.md).

const room = (roomId: string, rest = "") => `/api/rooms/${encodeURIComponent(roomId)}${rest}`;

export function pinProduct(roomId: string, productId: string | null) {
  return request<{ roomId: string; pinnedProductId: string | null }>("POST", room(roomId, "/pin"), {
    body: { productId } satisfies TPinRequest,
  });
}

export function startDeal(roomId: string, input: TStartDealRequest) {
  return request<{ deal: TDealView }>("POST", room(roomId, "/deals"), { body: input });
}

export function stopDeal(roomId: string, productId: string) {
  return request<{ ok: true }>("DELETE", room(roomId, `/deals/${encodeURIComponent(productId)}`));
}

export function listDeals(roomId: string) {
  return request<{ deals: TDealView[] }>("GET", room(roomId, "/deals"));
}

export function getSales(roomId: string, viewers: number | null) {
  return request<TShowSales>("GET", room(roomId, `/sales${viewers === null ? "" : `?viewers=${viewers}`}`));
}

export function setAnnouncePurchases(roomId: string, announcePurchases: boolean) {
  return request<{ announcePurchases: boolean }>("PATCH", room(roomId, "/sales"), {
    body: { announcePurchases },
  });
}

/** The seller's own catalog, archived products included. */
export function listMyProducts() {
  return request<{ products: TProductView[] }>("GET", "/api/products?archived=1");
}

export function createProduct(input: TCreateProductRequest) {
  return request<{ product: TProductView }>("POST", "/api/products", { body: input });
}

export function updateProduct(productId: string, input: TUpdateProductRequest) {
  return request<{ product: TProductView }>("PATCH", `/api/products/${encodeURIComponent(productId)}`, {
    body: input,
  });
}

export type TUploadedImage = { url: string; width: number; height: number; bytes: number; type: string };

/** Uploads a product image (JPEG, PNG or WebP up to 5 MB); the server answers a resized WebP. */
export async function uploadImage(file: File): Promise<TUploadedImage> {
  const form = new FormData();
  form.set("file", file);
  return (await request<{ image: TUploadedImage }>("POST", "/api/uploads", { body: form })).image;
}
