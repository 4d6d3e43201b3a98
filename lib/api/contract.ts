import { oc } from "@orpc/contract";
import { z } from "zod";
import { route } from "@/lib/api/contract-kit";
import { productsContract } from "@/lib/commerce/products.contract";
import { ordersContract } from "@/lib/commerce/orders.contract";
import { showContract } from "@/lib/commerce/show.contract";
import { moderationContract } from "@/lib/chat/moderation.contract";
import { remindersContract } from "@/lib/reminders/reminders.contract";
import { notificationsContract } from "@/lib/reminders/notifications.contract";
import { meContract } from "@/lib/session/me.contract";
import { auctionsContract } from "@/lib/auctions/auctions.contract";
import { giveawaysContract } from "@/lib/giveaways/giveaways.contract";
import { liveContract } from "@/lib/media/live.contract";
import { replayContract } from "@/lib/media/replay.contract";
import { chatNodesContract } from "@/lib/chat/nodes.contract";
import { chatTicketContract } from "@/lib/chat/ticket.contract";
import { adminContract } from "@/lib/admin/admin.contract";
import { sessionContract } from "@/lib/session/session.contract";
import { routeFilesContract } from "@/lib/api/route-files.contract";

/** `GET /api/openapi.json`: this document, generated from the contracts below. */
const openapiContract = route
  .get("/openapi.json", "This API as an OpenAPI 3.1 document.", { tags: ["meta"] })
  .output(z.looseObject({ openapi: z.string() }));

/**
 * The REST API, one contract per feature (lib/<feature>/*.contract.ts): paths, statuses and the zod schemas
 * of every request and response, each feature under its OpenAPI tag. The server implements it (server/api/router.ts); the browser may import
 * the same schemas.
 */
export const apiContract = {
  products: oc.tag("products").router(productsContract),
  orders: oc.tag("orders").router(ordersContract),
  show: oc.tag("show").router(showContract),
  moderation: oc.tag("chat moderation").router(moderationContract),
  reminders: oc.tag("reminders").router(remindersContract),
  notifications: oc.tag("notifications").router(notificationsContract),
  me: oc.tag("session").router(meContract),
  auctions: oc.tag("auctions").router(auctionsContract),
  giveaways: oc.tag("giveaways").router(giveawaysContract),
  live: oc.tag("live").router(liveContract),
  replay: oc.tag("live").router(replayContract),
  chatNodes: oc.tag("chat").router(chatNodesContract),
  chatTicket: oc.tag("chat").router(chatTicketContract),
  admin: oc.tag("admin").router(adminContract),
  session: oc.tag("session").router(sessionContract),
  openapi: openapiContract,
};

/** What /api/openapi.json describes: the served contract and the endpoints answered outside oRPC. */
export const documentedContract = { ...apiContract, elsewhere: routeFilesContract };
