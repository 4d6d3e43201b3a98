/**
 * Reminders against the whole system: a signed-out shopper presses "Remind me" on an upcoming show, signs in
 * and comes back to set it; the seller sees the count in the studio and goes live from the console; the
 * shopper, on another page of the site and without reloading, gets the bell's notification and a browser
 * notification (turned on from the bell), follows it to the show, and marks it read. On a phone-sized screen.
 * The API's refusals of bad input are checked over HTTP. A show of its own, created here.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO, uniqueEmail } from "../support/auth";
import { expectAccessible } from "../support/axe";
import { apiSignIn, newShopper, type TErrorBody } from "../commerce/api";
import { createShowInStudio } from "../support/studio";

test.describe.configure({ mode: "serial" });

const PHONE = { width: 390, height: 844 };
const PASSWORD = "e2e-password-1";

/** The studio form's earliest start plus a few minutes, as its datetime-local value (wall-clock arithmetic). */
function soonAfter(min: string, minutes: number): string {
  return new Date(Date.parse(`${min}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

function createShow(page: Page): Promise<{ slug: string; title: string }> {
  return createShowInStudio(page, "Reminders e2e", async () => {
    const startsAt = page.getByLabel("Starts at");
    // Soonest first on the home page's "Upcoming" shelf, whatever other specs scheduled.
    await startsAt.fill(soonAfter((await startsAt.getAttribute("min")) ?? "", 5));
  });
}

/** Records every browser notification the page shows (the real one is still shown). */
function spyOnNotifications(): void {
  const Real = window.Notification;
  const shown: { title: string; tag?: string }[] = [];
  (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
  class Spy extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push({ title, tag: options?.tag });
    }
  }
  window.Notification = Spy;
}

test("the API refuses bad input with clear codes, and answers an unchanged list with 304", async ({
  request,
}) => {
  const rooms = (await (await request.get("/api/rooms")).json()) as { id: string; slug: string }[];
  const demo = rooms.find((r) => r.slug === "demo-live")!;
  const code = async (res: { status(): number; json(): Promise<unknown> }) => ({
    status: res.status(),
    code: ((await res.json()) as TErrorBody).error.code,
  });

  expect(await code(await request.put(`/api/rooms/${demo.id}/reminder`))).toEqual({
    status: 401,
    code: "UNAUTHENTICATED",
  });
  expect(await code(await request.get("/api/notifications"))).toEqual({
    status: 401,
    code: "UNAUTHENTICATED",
  });

  const shopper = await newShopper(request);
  const headers = shopper.headers;
  expect(await code(await request.put("/api/rooms/no-such-show/reminder", { headers }))).toEqual({
    status: 404,
    code: "NOT_FOUND",
  });
  for (const query of ["limit=0", "limit=51", "limit=abc", "limit=2.5", "since=1"]) {
    const res = await request.get(`/api/notifications?${query}`, { headers });
    expect(await code(res), query).toEqual({ status: 400, code: "INVALID" });
  }
  const bodies: [unknown, string][] = [
    [{}, "ids"],
    [{ ids: [] }, "ids"],
    [{ all: false }, "all"],
    [{ all: true, ids: ["x"] }, "ids"],
    [{ ids: ["not an id"] }, "ids.0"],
    [{ all: true, extra: 1 }, "_"],
  ];
  for (const [data, field] of bodies) {
    const res = await request.post("/api/notifications/read", { headers, data });
    expect(res.status(), JSON.stringify(data)).toBe(400);
    const body = (await res.json()) as TErrorBody;
    expect(body.error.code).toBe("INVALID");
    expect(Object.keys(body.error.fields ?? {}), JSON.stringify(data)).toContain(field);
  }
  const notJson = await request.post("/api/notifications/read", {
    headers: { ...headers, "content-type": "application/json" },
    data: "{not json",
  });
  expect(await code(notJson)).toEqual({ status: 400, code: "INVALID" });

  // Set twice is once; only the show's seller (or an ADMIN) sees the count.
  expect((await request.put(`/api/rooms/${demo.id}/reminder`, { headers })).status()).toBe(200);
  const put = await request.put(`/api/rooms/${demo.id}/reminder`, { headers });
  expect(await put.json()).toEqual({ roomId: demo.id, reminded: true });
  expect(await (await request.get(`/api/rooms/${demo.id}/reminder`, { headers })).json()).toEqual({
    roomId: demo.id,
    reminded: true,
  });
  const seller = await apiSignIn(request, DEMO.seller.email);
  const staffView = (await (
    await request.get(`/api/rooms/${demo.id}/reminder`, { headers: seller.headers })
  ).json()) as { reminderCount: number };
  expect(staffView.reminderCount).toBeGreaterThanOrEqual(1);
  const del = await request.delete(`/api/rooms/${demo.id}/reminder`, { headers });
  expect(await del.json()).toEqual({ roomId: demo.id, reminded: false });

  const first = await request.get("/api/notifications", { headers });
  expect(await first.json()).toEqual({ notifications: [], unread: 0 });
  const again = await request.get("/api/notifications", {
    headers: { ...headers, "if-none-match": first.headers()["etag"] ?? "" },
  });
  expect(again.status()).toBe(304);
  expect(
    await (await request.post("/api/notifications/read", { headers, data: { all: true } })).json(),
  ).toEqual({
    unread: 0,
  });
});

test("a shopper asks to be reminded, the seller goes live, and the bell rings on another page", async ({
  browser,
  request,
}) => {
  // Two browsers, a go-live with the synthetic camera, a 15 s poll and four axe runs: ~250 s seen at load 22.
  test.setTimeout(420_000);
  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  const show = await createShow(sellerPage);

  // A shopper of their own, so the bell starts empty whatever other specs did.
  const email = uniqueEmail("remind");
  const signup = await request.post("/api/users", {
    data: { email, password: PASSWORD, name: "Reminded Shopper" },
  });
  expect(signup.status()).toBe(201);
  const shopper = {
    headers: { authorization: `Bearer ${((await signup.json()) as { token: string }).token}` },
  };

  const context = await browser.newContext({ viewport: PHONE, permissions: ["notifications"] });
  await context.addInitScript(spyOnNotifications);
  const page = await context.newPage();

  // Signed out, "Remind me" on the upcoming show's page leads to sign in and back.
  await page.goto(`/live/${show.slug}`);
  await page.getByRole("link", { name: `Remind me when “${show.title}” goes live` }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/live/${show.slug}`);
  await page.getByRole("button", { name: `Remind me when “${show.title}” goes live` }).click();
  await expect(page.getByRole("button", { name: /^Reminder set for/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Reminder set." })).toHaveCount(1);
  await expectAccessible(page, "the upcoming show's page with a reminder set");

  // The home page's card knows it too.
  await page.goto("/#upcoming");
  const card = page.getByRole("listitem").filter({ hasText: show.title });
  await expect(
    card.getByRole("button", { name: `Reminder set for “${show.title}”: press to cancel it` }),
  ).toBeVisible();

  // The bell: empty, keyboard-operable; browser notifications turned on from it, on a phone-sized screen.
  const bell = page.getByRole("button", { name: "Notifications", exact: true });
  await bell.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("region", { name: "Notifications" });
  await expect(panel.getByText("No notifications yet")).toBeVisible();
  await expect(panel).toBeFocused();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  await panel.getByRole("button", { name: "Turn on" }).click();
  await expect(panel.getByText("Browser notifications are on")).toBeVisible();
  await expectAccessible(page, "the home page with the notification panel open");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();

  // The seller sees how many asked, then goes live.
  await sellerPage.goto("/studio");
  await expect(
    sellerPage.getByRole("row").filter({ hasText: show.title }).getByTestId("studio-reminders"),
  ).toHaveText("1");
  await sellerPage.goto(`/studio/${show.slug}`);
  await expect(sellerPage.getByTestId("console-reminders")).toHaveText("1 viewer asked to be reminded");
  await expectAccessible(sellerPage, "the seller's console with its reminder count");

  // The shopper waits on another page of the site; nothing reloads it from here on.
  await page.goto("/orders");
  await expect(bell).toBeVisible();
  const loads: string[] = [];
  page.on("load", () => loads.push(page.url()));

  await expect(sellerPage.getByTestId("studio-preview")).toHaveJSProperty("readyState", 4, {
    timeout: 20_000,
  });
  await sellerPage.getByRole("button", { name: "Go live" }).click();
  await expect(sellerPage.getByText("You are live.")).toBeVisible({ timeout: 30_000 });

  // Within one poll (15 s) of the first segment: the badge, the list, and one browser notification.
  const ringing = page.getByRole("button", { name: "Notifications (1 unread)" });
  await expect(ringing).toBeVisible({ timeout: 60_000 });
  expect(loads).toEqual([]);
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications,
      ),
    )
    .toEqual([expect.objectContaining({ title: `${show.title} is live now` })]);
  await ringing.click();
  const item = panel.getByRole("link", { name: new RegExp(`^${show.title} is live now`) });
  await expect(item).toBeVisible();
  await expectAccessible(page, "the orders page with a notification in the bell");
  await panel.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  await item.click();
  await expect(page).toHaveURL(`/live/${show.slug}`);

  // Live now: a reminder is refused with a clear code, and the page offers none.
  const rooms = (await (await request.get(`/api/rooms/${show.slug}`)).json()) as { id: string };
  const late = await request.put(`/api/rooms/${rooms.id}/reminder`, { headers: shopper.headers });
  expect(late.status()).toBe(409);
  expect(((await late.json()) as TErrorBody).error.code).toBe("SHOW_LIVE");
  await expect(page.getByRole("button", { name: /^Remind me/ })).toHaveCount(0);

  // Leave the media node as found: end the show (over the API: the console's dialog costs time we need less).
  await sellerContext.close();
  const seller = await apiSignIn(request, DEMO.seller.email);
  const ended = await request.delete(`/api/rooms/${rooms.id}/live`, { headers: seller.headers });
  expect([200, 409]).toContain(ended.status());
  await context.close();
});
