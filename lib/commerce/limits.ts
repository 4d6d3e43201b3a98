/** Bounds shared by the browser forms and the server's validation. */
export const MAX_ORDER_QUANTITY = 99;
export const MAX_PRICE_MINOR = 1_000_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const MIN_DEAL_SECONDS = 10;
export const MAX_DEAL_SECONDS = 24 * 60 * 60;
/** Products per checkout: a live-show cart is a handful; 20 bounds the work of one reservation. */
export const MAX_CART_LINES = 20;
