/** Order statuses, mirrored from the Prisma enum so browser code needs no Prisma import. */
export type TOrderStatus = "PENDING_PAYMENT" | "PAID" | "CANCELLED" | "EXPIRED" | "FAILED";

/** An order as the API returns it. Dates are ISO strings; money is integer minor units. */
export type TOrderView = {
  id: string;
  productId: string;
  roomId: string | null;
  quantity: number;
  status: TOrderStatus;
  unitPriceMinor: number;
  totalMinor: number;
  currency: string;
  expiresAt: string;
  createdAt: string;
  paidAt: string | null;
  failureReason: string | null;
  product: { name: string; imageUrl: string | null };
};

/** `product:update` of the chat contract, plus the fields the product panel needs to render a deal. */
export type TProductUpdate = {
  roomId: string;
  productId: string;
  stock: number;
  /** The price a buyer pays right now in this room (the deal price while the deal runs). */
  price: number;
  priceMinor: number;
  currency: string;
  deal: { priceMinor: number; endsAt: string; limitPerBuyer: number | null } | null;
  archived: boolean;
};
