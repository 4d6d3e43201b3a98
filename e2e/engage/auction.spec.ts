/**
 * A live auction in the browser against the whole system (web, master, two slaves), with the show's chat
 * separated: two shoppers pinned to different slaves outbid each other from the viewer page, the seller
 * starts it and follows the bid history in the console, the winner is sent to pay, an admin cancels the next
 * one with a reason, and the replay of the ended show lists both with every bid. A show of its own, so no
 * other spec sees these auctions.
 */
import { expect, test } from "@playwright/test";
import { DEMO } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { openOn } from "../support/chat-nodes";
import { cancelWithReason, engageScene, openViewerAndAdmin, openViewersAndConsole } from "./engage-show";
import { anonymous, apiSignIn, stockOf } from "../commerce/api";

test.describe.configure({ mode: "serial" });

const scene = engageScene({ title: "Auction e2e", product: "Auction lamp", priceMinor: 50_000 });

test("the API refuses bad auctions with clear codes", async ({ request, playwright, baseURL }) => {
  const { show, seller, productId } = scene;
  const shopper = await apiSignIn(request, DEMO.shopper.email);
  const url = `/api/rooms/${show.id}/auctions`;
  const good = { productId, startPriceMinor: 10_000, minIncrementMinor: 1000, durationSeconds: 60 };
  const anon = await anonymous(playwright, baseURL);
  expect((await anon.post(url, { data: good })).status()).toBe(401);
  expect((await request.post(url, { headers: shopper.headers, data: good })).status()).toBe(403);
  for (const [data, field] of [
    [{ ...good, startPriceMinor: 0 }, "startPriceMinor"],
    [{ ...good, minIncrementMinor: 1.5 }, "minIncrementMinor"],
    [{ ...good, durationSeconds: 5 }, "durationSeconds"],
    [{ ...good, extra: true }, "_"],
  ] as const) {
    const res = await request.post(url, { headers: seller.headers, data });
    expect(res.status(), JSON.stringify(data)).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields?: Record<string, string> } };
    expect(body.error.code).toBe("INVALID");
    if (field !== "_") expect(body.error.fields?.[field]).toBeTruthy();
  }
  const notInShow = await request.post(url, {
    headers: seller.headers,
    data: { ...good, productId: "nope" },
  });
  expect(((await notInShow.json()) as { error: { code: string } }).error.code).toBe("PRODUCT_NOT_IN_SHOW");
  const cancel = await request.post(`${url}/nope/cancel`, {
    headers: seller.headers,
    data: { reason: "because" },
  });
  expect(cancel.status()).toBe(403);
  expect((await anon.get(`${url}/nope/bids`)).status()).toBe(404);
  expect((await anon.get(url)).status()).toBe(200);
});

test("two shoppers on different slaves outbid each other across chat groups; the winner is sent to pay", async ({
  browser,
}) => {
  const { show, productName, nodes } = scene;
  // Three signed-in browsers, a 60 s clock and two axe runs: ~120 s seen at load 15 with another suite running.
  test.setTimeout(240_000);
  const { a, b, console } = await openViewersAndConsole(browser, nodes, show.slug, DEMO.shopper2.email);

  // Before: the viewer page shows no auction; the console offers to start one.
  await expect(a.page.getByTestId("auction-panel")).toHaveCount(0);
  const auctions = console.page.getByTestId("auction-console");
  await expect(auctions.getByText("No auctions in this show yet.", { exact: false })).toBeVisible();
  await auctions.getByLabel("Starting bid (KRW)").fill("10000");
  await auctions.getByLabel("Minimum raise (KRW)").fill("1000");
  // 60 s: room for both shoppers to bid on a loaded machine before the clock runs out.
  await auctions.getByLabel("Duration").selectOption("60");
  await auctions.getByRole("button", { name: "Start auction" }).click();
  await expect(auctions.getByTestId("auction-status")).toHaveAttribute("data-status", "RUNNING");

  // Running: both viewers see it live, on different slaves, in separate chat groups.
  const panelA = a.page.getByTestId("auction-panel");
  const panelB = b.page.getByTestId("auction-panel");
  await expect(panelA.getByText(productName)).toBeVisible();
  await expect(panelB.getByText("No bids yet. Be the first!")).toBeVisible();
  await expectAccessible(a.page, "viewer page with a running auction");

  // A bids the suggested minimum with the keyboard.
  await panelA.getByLabel("Your bid").press("Enter");
  await expect(panelA.getByRole("status")).toHaveText("Your bid of ₩10,000 leads.");
  await expect(panelB.getByTestId("auction-leader")).toHaveText(`${DEMO.shopper.name} is the highest bidder`);
  // B's form followed the new minimum; a lower typed bid is refused with the floor.
  await expect(panelB.getByLabel("Your bid")).toHaveValue("11000");
  await panelB.getByLabel("Your bid").fill("10500");
  await panelB.getByRole("button", { name: "Bid" }).click();
  await expect(panelB.getByRole("alert")).toHaveText("Someone bid first: bid at least ₩11,000.");
  await panelB.getByLabel("Your bid").fill("15000");
  await panelB.getByRole("button", { name: "Bid" }).click();
  await expect(panelB.getByTestId("auction-leader")).toHaveText("You are the highest bidder");
  await expect(panelA.getByTestId("auction-leader")).toHaveText(
    `${DEMO.shopper2.name} is the highest bidder`,
  );
  await expect(panelA.getByTestId("auction-price")).toHaveText("₩15,000");

  // The console's history has both bids, newest first.
  const history = auctions.getByTestId("bid-history");
  await expect(history.locator("li")).toHaveCount(2);
  await expect(history.locator("li").first()).toContainText(`${DEMO.shopper2.name}₩15,000`);
  await expectAccessible(console.page, "console with a running auction");

  // Ended (at the 60 s clock, or 10 s after a late bid): exactly one winner, told to pay.
  await expect(panelB.getByTestId("auction-status")).toHaveAttribute("data-status", "ENDED", {
    timeout: 75_000,
  });
  await expect(panelB.getByTestId("auction-leader")).toHaveText("You won it for ₩15,000!");
  await expect(panelA.getByTestId("auction-leader")).toHaveText(`Sold to ${DEMO.shopper2.name} for ₩15,000`);
  await expect(panelA.getByRole("link", { name: "Pay for your win" })).toHaveCount(0);
  await panelB.getByRole("link", { name: "Pay for your win" }).click();
  await expect(b.page).toHaveURL("/orders");
  await expect(b.page.getByText(productName).first()).toBeVisible();

  // Phones: the auction is the first thing in the Products tab, with nothing wider than the screen.
  await a.page.setViewportSize({ width: 390, height: 844 });
  await expect(panelA).toBeVisible();
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await Promise.all([a.context.close(), b.context.close(), console.context.close()]);
});

test("an admin cancels a running auction with a reason; viewers see it and the unit goes back", async ({
  browser,
  request,
}) => {
  const { show, seller, productId, nodes } = scene;
  test.setTimeout(90_000);
  const stockBefore = await stockOf(request, productId);
  const { viewer, admin } = await openViewerAndAdmin(browser, nodes, show.slug, DEMO.shopper.email);
  const started = await request.post(`/api/rooms/${show.id}/auctions`, {
    headers: seller.headers,
    data: { productId, startPriceMinor: 20_000, minIncrementMinor: 500, durationSeconds: 120 },
  });
  expect(started.status()).toBe(201);
  const panel = viewer.page.getByTestId("auction-panel");
  await expect(panel.getByTestId("auction-status")).toHaveAttribute("data-status", "RUNNING");
  const auctions = admin.page.getByTestId("auction-console");
  await cancelWithReason(auctions, "Cancel auction", "Wrong product photo");
  await expect(panel.getByText("Cancelled: Wrong product photo")).toBeVisible();
  await expect(auctions.getByText("Earlier auctions")).toBeVisible();
  const stockAfter = await stockOf(request, productId);
  expect(stockAfter).toBe(stockBefore);
  await Promise.all([viewer.context.close(), admin.context.close()]);
});

test("the replay of the ended show lists its auctions with the winner and every bid", async ({ browser }) => {
  const { show, nodes } = scene;
  // Going live with the synthetic camera, ending the show and a replay page: ~60 s seen under load.
  test.setTimeout(150_000);
  const [n1, n2] = nodes;
  const studio = await openOn(browser, n2, DEMO.seller.email, `/studio/${show.slug}`);
  await expect(studio.page.getByTestId("studio-preview")).toHaveJSProperty("readyState", 4, {
    timeout: 15_000,
  });
  await studio.page.getByRole("button", { name: "Go live" }).click();
  await expect(studio.page.getByText("You are live.")).toBeVisible({ timeout: 30_000 });
  await studio.page.getByRole("button", { name: "End show" }).click();
  await studio.page.getByRole("dialog").getByRole("button", { name: "End show" }).click();
  await expect(studio.page.getByText("The show has ended.")).toBeVisible({ timeout: 20_000 });

  const viewer = await openOn(browser, n1, DEMO.shopper.email, `/live/${show.slug}`);
  const replay = viewer.page.getByTestId("auction-replay");
  await expect(replay.getByRole("heading", { name: "Auctions in this show" })).toBeVisible();
  const results = replay.getByTestId("auction-results").locator("li");
  await expect(results).toHaveCount(2);
  // Newest first: the cancelled one, then the one Alex won.
  await expect(results.nth(0)).toContainText("Cancelled: Wrong product photo");
  const won = results.nth(1);
  await expect(won).toContainText(`Sold to ${DEMO.shopper2.name} for ₩15,000`);
  // Its bids open with the keyboard, newest first, each with bidder, amount and time.
  await won.locator("summary").focus();
  await viewer.page.keyboard.press("Enter");
  const bids = won.getByTestId("bid-history").locator("li");
  await expect(bids).toHaveCount(2);
  await expect(bids.nth(0)).toContainText(`${DEMO.shopper2.name}₩15,000`);
  await expect(bids.nth(1)).toContainText(`${DEMO.shopper.name}₩10,000`);
  await expect(bids.nth(0).locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expectAccessible(viewer.page, "replay with the auction history");
  await Promise.all([viewer.context.close(), studio.context.close()]);
});
