/**
 * Chat in the browser, against the whole system (web, master, two slaves). Each browser context is pinned to
 * one slave by answering its chat-node request, so "different slaves" is a fact the test checks, not luck.
 * Absence is proven by order, never by waiting: a later message from the seller travels the same path an
 * unwanted message would have taken, so once it has arrived the unwanted one would have too.
 */
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { chatNodes, openOn, type TChatNode } from "../support/chat-nodes";

test.describe.configure({ mode: "serial" });

const SLUG = "demo-live";
const LIVE = `/live/${SLUG}`;
const run = Date.now().toString(36);
let roomId = "";
let nodes: [TChatNode, TChatNode];
let adminToken = "";

async function tokenOf(request: APIRequestContext, email: string): Promise<string> {
  const res = await request.post("/api/session", { data: { email, password: DEMO_PASSWORD } });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { token: string }).token;
}

async function patchChat(request: APIRequestContext, body: Record<string, unknown>) {
  const res = await request.patch(`/api/rooms/${roomId}/chat`, {
    data: body,
    headers: { authorization: `Bearer ${adminToken}` },
  });
  expect(res.status(), await res.text()).toBe(200);
}

const viewerChat = (page: Page) => page.getByRole("region", { name: "Live chat" });
const staffChat = (page: Page) => page.getByRole("region", { name: "Chat moderation" });
const log = (panel: Locator) => panel.getByRole("log", { name: "Chat messages" });
const input = (panel: Locator) => panel.getByRole("textbox", { name: "Send a message" });

async function expectConnectedTo(panel: Locator, node: TChatNode) {
  await expect(panel).toHaveAttribute("data-status", "connected");
  await expect(panel).toHaveAttribute("data-node-id", node.nodeId);
}

async function say(panel: Locator, text: string) {
  await input(panel).fill(text);
  await input(panel).press("Enter");
  await expect(log(panel)).toContainText(text);
  await expect(input(panel)).toHaveValue("");
}

test.beforeAll(async ({ request }) => {
  const room = (await (await request.get(`/api/rooms/${SLUG}`)).json()) as { id: string };
  roomId = room.id;
  nodes = await chatNodes(request);
  adminToken = await tokenOf(request, DEMO.admin.email);
  await patchChat(request, { separation: "OFF", slowModeSeconds: 0, frozen: false, blockedWords: [] });
});

test.afterAll(async ({ request }) => {
  // Leave the demo show as seeded for the other specs.
  await patchChat(request, {
    separation: "AUTO",
    autoSeparateAbove: 1000,
    slowModeSeconds: 0,
    frozen: false,
    blockedWords: [],
  });
});

test("two shoppers on different slaves chat; separation ON from the staff panel splits them, the seller still reaches both", async ({
  browser,
}) => {
  test.setTimeout(360_000); // four browsers and axe: 2.0 min in a whole local run, 4.0 min at load 17
  const [n1, n2] = nodes;
  const a = await openOn(browser, n1, DEMO.shopper.email, LIVE);
  const b = await openOn(browser, n2, DEMO.shopper2.email, LIVE);
  const seller = await openOn(browser, n2, DEMO.seller.email, `/studio/${SLUG}`);
  const admin = await openOn(browser, n1, DEMO.admin.email, `/studio/${SLUG}`);
  const chatA = viewerChat(a.page);
  const chatB = viewerChat(b.page);
  const chatSeller = staffChat(seller.page);
  const chatAdmin = staffChat(admin.page);

  // Really on different slaves.
  await expectConnectedTo(chatA, n1);
  await expectConnectedTo(chatB, n2);
  await expectConnectedTo(chatSeller, n2);
  await expectConnectedTo(chatAdmin, n1);

  // One room across both slaves: each sees the other's message, with the sender's name.
  await say(chatA, `hello from A ${run}`);
  await expect(log(chatB)).toContainText(`${DEMO.shopper.name}: hello from A ${run}`);
  await say(chatB, `hello from B ${run}`);
  await expect(log(chatA)).toContainText(`${DEMO.shopper2.name}: hello from B ${run}`);
  await expect(chatA.getByRole("button", { name: /Chat group/ })).toHaveCount(0);

  // The admin turns separation ON in the staff panel.
  await chatAdmin.getByRole("tab", { name: "Settings" }).click();
  const groups = chatAdmin.getByRole("group", { name: "Chat groups" });
  await groups.getByText("On", { exact: true }).click();
  await expect(groups.getByRole("radio", { name: "On" })).toBeChecked();
  await expect(chatAdmin.getByTestId("separation-state")).toHaveText("Split into 2 groups now");

  // Each viewer is told, discreetly, which group they are in; the tooltip says why.
  const chipA = chatA.getByRole("button", { name: "Chat group 1 of 2" });
  await expect(chipA).toBeVisible();
  await expect(chatB.getByRole("button", { name: "Chat group 2 of 2" })).toBeVisible();
  await chipA.focus();
  await expect(a.page.getByRole("tooltip")).toBeVisible();
  await expect(chipA).toHaveAccessibleDescription(/split their chat into groups/);

  // After the split: each shopper's message stays in its group; staff see both, labelled with the group.
  await say(chatA, `A after split ${run}`);
  await say(chatB, `B after split ${run}`);
  const sellerLog = log(chatSeller);
  await expect(sellerLog.locator("li", { hasText: `A after split ${run}` })).toContainText("Group 1");
  await expect(sellerLog.locator("li", { hasText: `B after split ${run}` })).toContainText("Group 2");

  // The seller's message reaches both groups. It left after both shoppers' messages reached the seller's
  // slave, so anything relayed across groups would have arrived before it.
  await say(chatSeller, `seller to everyone ${run}`);
  const sellerLine = (panel: Locator) => log(panel).locator("li", { hasText: `seller to everyone ${run}` });
  await expect(sellerLine(chatA)).toContainText("Seller");
  await expect(sellerLine(chatB)).toContainText("Seller");
  await expect(log(chatA)).not.toContainText(`B after split ${run}`);
  await expect(log(chatB)).not.toContainText(`A after split ${run}`);

  // Axe on the viewer page with chat connected, separated, with messages and the group chip.
  await a.page.keyboard.press("Escape");
  await expectAccessible(a.page, "/live/demo-live with chat connected");

  await patchChat(a.page.request, { separation: "OFF" });
  await Promise.all([a.context.close(), b.context.close(), seller.context.close(), admin.context.close()]);
});

test("refusals read as a person would want them; moderation reaches the viewer", async ({ browser }) => {
  test.setTimeout(360_000); // four browsers and axe: 2.0 min in a whole local run, 4.0 min at load 17
  const [n1, n2] = nodes;
  const viewer = await openOn(browser, n1, DEMO.shopper.email, LIVE);
  const seller = await openOn(browser, n2, DEMO.seller.email, `/studio/${SLUG}`);
  const guest = await openOn(browser, n2, null, LIVE);
  const chat = viewerChat(viewer.page);
  const staff = staffChat(seller.page);
  await expectConnectedTo(chat, n1);
  await expectConnectedTo(staff, n2);

  // Guests read along and are offered a way in that comes back here.
  await expectConnectedTo(viewerChat(guest.page), n2);
  await expect(viewerChat(guest.page).getByRole("link", { name: "Sign in to chat" })).toHaveAttribute(
    "href",
    `/login?next=${encodeURIComponent(`/live/${SLUG}`)}`,
  );
  await expect(viewerChat(guest.page).getByRole("textbox")).toHaveCount(0);

  // Too long: the counter and the reason, and Send stays off.
  await input(chat).fill("x".repeat(503));
  await expect(
    chat.getByText("Messages can be up to 500 characters. Remove 3 characters to send."),
  ).toBeVisible();
  await expect(chat.getByRole("button", { name: "Send" })).toBeDisabled();

  // Slow mode, set from the staff panel after a message: the next one is refused with a countdown.
  await say(chat, `first in slow mode ${run}`);
  await staff.getByRole("tab", { name: "Settings" }).click();
  const slow = staff.getByRole("group", { name: "Slow mode" });
  await slow.getByText("30 s", { exact: true }).click();
  await expect(slow.getByRole("radio", { name: "30 s" })).toBeChecked();
  await expect(chat.getByText("Slow mode · 30 s")).toBeVisible();
  await input(chat).fill("second, too soon");
  await input(chat).press("Enter");
  await expect(
    chat.getByRole("status").filter({ hasText: /^Slow mode: you can send again in \d+ s$/ }),
  ).toBeVisible();
  await slow.getByText("Off", { exact: true }).click();
  await expect(chat.getByText("Slow mode · 30 s")).toBeHidden();

  // Blocked word: refused, the text stays for editing.
  const words = staff.getByRole("group", { name: "Blocked words" });
  await words.getByRole("textbox", { name: "Word to block" }).fill("spoiler");
  await words.getByRole("button", { name: "Add" }).click();
  await expect(words.getByRole("button", { name: "Remove blocked word spoiler" })).toBeVisible();
  await input(chat).fill("huge spoiler here");
  await input(chat).press("Enter");
  await expect(
    chat.getByText("Your message has a word this show doesn't allow. Edit it and try again."),
  ).toBeVisible();
  await expect(input(chat)).toHaveValue("huge spoiler here");
  await words.getByRole("button", { name: "Remove blocked word spoiler" }).click();
  await expect(words.getByText("No blocked words.")).toBeVisible();

  // Paused by the host: the box is disabled and says so.
  await staff.getByRole("switch", { name: /Pause chat/ }).click();
  await expect(staff.getByRole("switch", { name: /Pause chat/ })).toHaveAttribute("aria-checked", "true");
  await expect(input(chat)).toBeDisabled();
  await expect(input(chat)).toHaveAttribute("placeholder", "Chat is paused by the host");
  await expect(chat.getByRole("status").filter({ hasText: "Chat is paused by the host" })).toHaveCount(1);
  await staff.getByRole("switch", { name: /Pause chat/ }).click();
  await expect(input(chat)).toBeEnabled();

  // A notice is pinned at the top of the viewer's chat, and can be dismissed.
  await staff.getByRole("textbox", { name: "Post a notice" }).fill(`Free shipping tonight ${run}`);
  await staff.getByRole("button", { name: "Post notice" }).click();
  await expect(staff.getByText("Notice posted to every viewer.")).toBeVisible();
  const pinned = chat.getByTestId("pinned-notice");
  await expect(pinned).toContainText(`Free shipping tonight ${run}`);
  await pinned.getByRole("button", { name: "Dismiss notice" }).click();
  await expect(pinned).toBeHidden();

  // Moderation from the message's own menu, by keyboard: delete, then mute and lift.
  await staff.getByRole("tab", { name: "Messages" }).click();
  const line = log(staff).locator("li", { hasText: `first in slow mode ${run}` });
  await line.getByRole("button", { name: `Moderate message from ${DEMO.shopper.name}` }).focus();
  await seller.page.keyboard.press("Enter");
  await line.getByRole("button", { name: "Mute 5 min" }).click();
  await expect(staff.getByText(`${DEMO.shopper.name} is muted for 5 min.`)).toBeVisible();
  await expect(input(chat)).toBeDisabled();
  await expect(input(chat)).toHaveAttribute("placeholder", /^You are muted until \d{1,2}:\d{2}/);
  await staff.getByRole("button", { name: "Undo" }).click();
  await expect(staff.getByText(`${DEMO.shopper.name} can chat again.`)).toBeVisible();
  await expect(input(chat)).toBeEnabled();

  await expect(log(chat)).toContainText(`first in slow mode ${run}`);
  await line.getByRole("button", { name: `Moderate message from ${DEMO.shopper.name}` }).click();
  await line.getByRole("button", { name: "Delete message" }).click();
  await expect(log(staff)).not.toContainText(`first in slow mode ${run}`);
  await expect(log(chat)).not.toContainText(`first in slow mode ${run}`);
  await expect(log(viewerChat(guest.page))).not.toContainText(`first in slow mode ${run}`);

  await expectAccessible(seller.page, "/studio/demo-live with the staff chat");
  await staff.getByRole("tab", { name: "Settings" }).click();
  await expectAccessible(seller.page, "/studio/demo-live with the chat settings");

  await Promise.all([viewer.context.close(), seller.context.close(), guest.context.close()]);
});
