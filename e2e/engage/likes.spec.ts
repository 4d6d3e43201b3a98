/**
 * Hearts in the browser against the whole system: two shoppers pinned to different slaves of a separated
 * show tap the heart, each sees the other's taps in the room total, and the seller's console counts them.
 * A show of its own, so the counts start at zero and no other spec taps along.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/axe";
import { chatNodes, type TChatNode } from "../support/chat-nodes";
import { newSeparatedShow, openViewersAndConsole } from "./engage-show";

test.describe.configure({ mode: "serial" });

let show = { id: "", slug: "" };
let nodes: [TChatNode, TChatNode];

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(90_000);
  show = await newSeparatedShow(browser, request, "Hearts e2e");
  nodes = await chatNodes(request);
});

test("taps on two slaves add up for everyone, across chat groups, and on the seller's console", async ({
  browser,
}) => {
  // Three signed-in browsers and an axe run: ~100 s seen at load 8 with the suite's other worker running.
  test.setTimeout(180_000);
  const { a, b, console: seller } = await openViewersAndConsole(browser, nodes, show.slug, null);
  await expect(seller.page.getByTestId("console-likes")).toHaveText(/No hearts yet/);

  const heartA = a.page.getByRole("button", { name: /^Send a heart/ });
  const heartB = b.page.getByRole("button", { name: /^Send a heart/ });
  await expect(heartA).toHaveAccessibleName("Send a heart (0 hearts so far)");
  // Keyboard taps (Enter, Space) on one slave; a guest clicks on the other.
  await heartA.focus();
  await a.page.keyboard.press("Enter");
  await a.page.keyboard.press("Space");
  await a.page.keyboard.press("Enter");
  await heartB.click();
  await heartB.click();

  for (const page of [a.page, b.page])
    await expect(page.getByTestId("like-total")).toHaveText("5", { timeout: 10_000 });
  await expect(seller.page.getByTestId("console-likes")).toHaveText(/5 hearts from viewers/);
  await expectAccessible(a.page, "viewer page with the heart button");

  // A reload starts from the saved total (the master writes it every 2 s).
  await expect(async () => {
    await b.page.reload();
    await expect(b.page.getByTestId("like-total")).toHaveText("5", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // Phones: the heart stays on the video and inside the screen.
  await a.page.setViewportSize({ width: 390, height: 844 });
  await expect(heartA).toBeInViewport();
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await Promise.all([a.context.close(), b.context.close(), seller.context.close()]);
});
