/**
 * A giveaway in the browser against the whole system (web, master, two slaves), with the show's chat
 * separated: the seller starts it from the console, two shoppers pinned to different slaves enter from the
 * viewer page and both see the count, the clock runs out and everyone sees the same winner, who finds the
 * free order in their orders. Then a CHATTERS giveaway refuses a shopper until they chat, and an admin
 * cancels it with a reason. A show of its own, so no other spec sees these giveaways.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { anonymous, apiSignIn, stockOf, type TErrorBody } from "../commerce/api";
import { cancelWithReason, engageScene, openViewerAndAdmin, openViewersAndConsole } from "./engage-show";

test.describe.configure({ mode: "serial" });

const scene = engageScene({ title: "Giveaway e2e", product: "Giveaway mug", priceMinor: 30_000 });

const panelOf = (page: Page) => page.getByTestId("giveaway-panel");

test("the API refuses bad giveaways with clear codes", async ({ request, playwright, baseURL }) => {
  const { show, seller, productId } = scene;
  const shopper = await apiSignIn(request, DEMO.shopper.email);
  const url = `/api/rooms/${show.id}/giveaways`;
  const good = { productId, durationSeconds: 60, entry: "ANY" };
  const anon = await anonymous(playwright, baseURL);
  expect((await anon.post(url, { data: good })).status()).toBe(401);
  expect((await request.post(url, { headers: shopper.headers, data: good })).status()).toBe(403);
  for (const [data, field] of [
    [{ ...good, durationSeconds: 5 }, "durationSeconds"],
    [{ ...good, entry: "EVERYONE" }, "entry"],
    [{ ...good, extra: true }, "_"],
  ] as const) {
    const res = await request.post(url, { headers: seller.headers, data });
    expect(res.status(), JSON.stringify(data)).toBe(400);
    const body = (await res.json()) as TErrorBody;
    expect(body.error.code).toBe("INVALID");
    if (field !== "_") expect(body.error.fields?.[field]).toBeTruthy();
  }
  const notInShow = await request.post(url, {
    headers: seller.headers,
    data: { ...good, productId: "nope" },
  });
  expect(((await notInShow.json()) as TErrorBody).error.code).toBe("PRODUCT_NOT_IN_SHOW");
  const cancel = await request.post(`${url}/nope/cancel`, {
    headers: seller.headers,
    data: { reason: "because" },
  });
  expect(cancel.status()).toBe(403);
  const list = await anon.get(url);
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual({ giveaways: [], entered: [] });
});

test("two shoppers on different slaves enter; everyone sees the same winner, who gets the free order", async ({
  browser,
}) => {
  const { show, productName, nodes } = scene;
  // Three signed-in browsers, a 60 s clock and two axe runs on a loaded 2-core machine.
  test.setTimeout(240_000);
  const {
    a,
    b,
    console: studio,
  } = await openViewersAndConsole(browser, nodes, show.slug, DEMO.shopper2.email);

  // Before: no card for viewers; the console offers to start one.
  await expect(panelOf(a.page)).toHaveCount(0);
  const console = studio.page.getByTestId("giveaway-console");
  await expect(console.getByText("No giveaways in this show yet.", { exact: false })).toBeVisible();
  // 60 s: room for three browsers to enter on a loaded machine before the clock runs out.
  await console.getByLabel("Duration").selectOption("60");
  await console.getByRole("radio", { name: "Anyone signed in" }).check();
  await console.getByRole("button", { name: "Start giveaway" }).click();
  await expect(console.getByTestId("giveaway-status")).toHaveAttribute("data-status", "RUNNING");

  // Running: both viewers see it, on different slaves, in separate chat groups.
  const panelA = panelOf(a.page);
  const panelB = panelOf(b.page);
  await expect(panelA.getByText(productName)).toBeVisible();
  await expect(panelB.getByText("Anyone signed in can enter.")).toBeVisible();
  await expect(panelB.getByTestId("giveaway-entrants")).toHaveText("No entries yet");

  // A enters with the keyboard, B with a click; each sees the other's entry in the count.
  await panelA.getByRole("button", { name: "Enter the giveaway" }).focus();
  await a.page.keyboard.press("Enter");
  await expect(panelA.getByRole("status")).toHaveText(
    "You are in! The winner is drawn when the clock runs out.",
  );
  await expect(panelA.getByRole("button", { name: "Enter the giveaway" })).toHaveCount(0);
  await panelB.getByRole("button", { name: "Enter the giveaway" }).click();
  for (const panel of [panelA, panelB, console])
    await expect(panel.getByTestId("giveaway-entrants")).toHaveText("2 entered");
  await expectAccessible(a.page, "viewer page with a giveaway entered");
  await expectAccessible(studio.page, "console with a running giveaway");

  // The clock runs out: one winner, the same for everyone, drawn among the two.
  for (const panel of [panelA, panelB])
    await expect(panel.getByTestId("giveaway-status")).toHaveAttribute("data-status", "ENDED", {
      timeout: 75_000,
    });
  const aWon = (await panelA.getByTestId("giveaway-winner").textContent()) === "You won! It is yours, free.";
  const [winner, loser] = aWon ? [a, b] : [b, a];
  const winnerName = aWon ? DEMO.shopper.name : DEMO.shopper2.name;
  await expect(panelOf(winner.page).getByTestId("giveaway-winner")).toHaveText("You won! It is yours, free.");
  await expect(panelOf(loser.page).getByTestId("giveaway-winner")).toHaveText(`${winnerName} won!`);
  await expect(console.getByTestId("giveaway-winner")).toHaveText(`${winnerName} won!`);
  await expect(panelOf(loser.page).getByRole("link", { name: "See your free order" })).toHaveCount(0);

  // Phones: the card is in the Products tab, with nothing wider than the screen.
  await loser.page.setViewportSize({ width: 390, height: 844 });
  await expect(panelOf(loser.page)).toBeVisible();
  expect(await loser.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The winner's free order: paid, at zero.
  await panelOf(winner.page).getByRole("link", { name: "See your free order" }).click();
  await expect(winner.page).toHaveURL(/\/orders#order-/);
  const orderId = new URL(winner.page.url()).hash.slice("#order-".length);
  const order = winner.page.locator(`[data-order-id="${orderId}"]`);
  await expect(order).toContainText(productName);
  await expect(order).toContainText("₩0");
  await expect(order).toContainText("Paid");

  await Promise.all([a.context.close(), b.context.close(), studio.context.close()]);
});

test("a giveaway for chatters refuses a shopper until they chat; an admin cancels it with a reason", async ({
  browser,
  request,
}) => {
  const { show, seller, productId, productName, nodes } = scene;
  test.setTimeout(150_000);
  const stockBefore = await stockOf(request, productId);
  const { viewer, admin } = await openViewerAndAdmin(browser, nodes, show.slug, DEMO.shopper2.email);
  const started = await request.post(`/api/rooms/${show.id}/giveaways`, {
    headers: seller.headers,
    data: { productId, durationSeconds: 300, entry: "CHATTERS" },
  });
  expect(started.status()).toBe(201);

  const panel = panelOf(viewer.page);
  await expect(panel.getByText("Only viewers who chatted in this show can enter.")).toBeVisible();
  await panel.getByRole("button", { name: "Enter the giveaway" }).click();
  await expect(panel.getByRole("alert")).toHaveText(
    "Only viewers who chatted in this show can enter: say something in the chat, then press Enter again.",
  );
  await expectAccessible(viewer.page, "viewer page with a refused giveaway entry");

  const chat = viewer.page.getByRole("region", { name: "Live chat" });
  await chat.getByRole("textbox", { name: "Send a message" }).fill("Hello from the giveaway test");
  await chat.getByRole("textbox", { name: "Send a message" }).press("Enter");
  await expect(chat.getByRole("log", { name: "Chat messages" })).toContainText(
    "Hello from the giveaway test",
  );
  await panel.getByRole("button", { name: "Enter the giveaway" }).click();
  await expect(panel.getByRole("status")).toHaveText(
    "You are in! The winner is drawn when the clock runs out.",
  );
  await expect(panel.getByTestId("giveaway-entrants")).toHaveText("1 entered");

  // An admin cancels from the console; a reason is required, and the viewer sees it.
  const console = admin.page.getByTestId("giveaway-console");
  await cancelWithReason(console, "Cancel giveaway", "Wrong product photo");
  await expect(panel.getByText("Cancelled: Wrong product photo")).toBeVisible();
  await expect(console.getByTestId("earlier-giveaways")).toContainText(`${productName}`);
  expect(await stockOf(request, productId)).toBe(stockBefore);
  await Promise.all([viewer.context.close(), admin.context.close()]);
});
