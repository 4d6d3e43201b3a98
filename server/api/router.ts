import "server-only";
import { api } from "@/server/api/base";
import { products } from "@/server/api/products";
import { orders } from "@/server/api/orders";
import { show } from "@/server/api/show";
import { moderation } from "@/server/api/moderation";
import { reminders } from "@/server/api/reminders";
import { notifications } from "@/server/api/notifications";
import { me } from "@/server/api/me";
import { auctions } from "@/server/api/auctions";
import { giveaways } from "@/server/api/giveaways";
import { live } from "@/server/api/live";
import { replay } from "@/server/api/replay";
import { chatNodes } from "@/server/api/chat-nodes";
import { chatTicket } from "@/server/api/chat-ticket";
import { adminApi } from "@/server/api/admin";
import { session } from "@/server/api/session";
import { openapi } from "@/server/api/openapi";

/** The contract (lib/api/contract.ts), implemented: one module per feature. */
export const router = api.router({
  products,
  orders,
  show,
  moderation,
  reminders,
  notifications,
  me,
  auctions,
  giveaways,
  live,
  replay,
  chatNodes,
  chatTicket,
  admin: adminApi,
  session,
  openapi,
});
