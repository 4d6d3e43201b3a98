import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { signIn } from "./auth";

export type TChatNode = { nodeId: string; url: string };

/** The suite's chat slaves in a fixed order; the e2e system runs two. */
export async function chatNodes(request: APIRequestContext): Promise<[TChatNode, TChatNode]> {
  const nodes = ((await (await request.get("/api/chat/nodes")).json()) as TChatNode[]).sort((a, b) =>
    a.nodeId.localeCompare(b.nodeId),
  );
  expect(nodes.length, "the e2e system runs two slaves").toBeGreaterThanOrEqual(2);
  return [nodes[0]!, nodes[1]!];
}

/**
 * A browser context whose chat (and so its bids, entries and hearts) always lands on `node`, signed in as
 * `email` (null: a guest), on `path` once its chat is connected there.
 */
export async function openOn(
  browser: Browser,
  node: TChatNode,
  email: string | null,
  path: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.route("**/api/rooms/*/chat-node*", (route) => route.fulfill({ json: node }));
  const page = await context.newPage();
  if (email) await signIn(page, email, undefined, path);
  await page.goto(path);
  const room = page.locator("section[data-room-id]");
  await expect(room).toHaveAttribute("data-status", "connected", { timeout: 15_000 });
  await expect(room).toHaveAttribute("data-node-id", node.nodeId);
  return { context, page };
}
