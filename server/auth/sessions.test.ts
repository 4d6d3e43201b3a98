import "@/server/commerce/test/fresh-db";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createSession, deleteSession, userFromToken } from "@/server/auth/sessions";
import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import { makeUser } from "@/server/commerce/test/fixtures";
import { testingPostgres } from "@/server/test/fresh-database";

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

const DAY = 24 * 60 * 60 * 1000;

describe("sessions (read in one statement, written through Prisma)", () => {
  it("knows the user of a live session, and nobody for an unknown, oversized or ended token", async () => {
    const user = await makeUser("SELLER");
    const { token } = await createSession(user.id);
    expect(await userFromToken(token)).toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      role: "SELLER",
    });
    expect(await userFromToken("not-a-token")).toBeNull();
    expect(await userFromToken("x".repeat(201))).toBeNull();
    expect(await userFromToken(undefined)).toBeNull();
    expect(await deleteSession(token)).toMatchObject({ userId: user.id });
    expect(await userFromToken(token)).toBeNull();
  });

  it("refuses a disabled account at once, and takes it back when re-enabled", async () => {
    const user = await makeUser();
    const { token } = await createSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await userFromToken(token)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: null } });
    expect(await userFromToken(token)).toMatchObject({ id: user.id });
  });

  it("deletes an expired session when it is used", async () => {
    const user = await makeUser();
    const { token } = await createSession(user.id);
    const [session] = await db.session.findMany({ where: { userId: user.id } });
    await db.session.update({ where: { id: session!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await userFromToken(token)).toBeNull();
    expect(await db.session.count({ where: { id: session!.id } })).toBe(0);
  });

  it.skipIf(testingPostgres())(
    "takes an unreadable expiry (SQLite text) as expired, not as forever",
    async () => {
      const user = await makeUser();
      const { token } = await createSession(user.id);
      await db.$executeRaw`UPDATE "Session" SET "expiresAt" = 'not a date' WHERE "userId" = ${user.id}`;
      expect(await userFromToken(token)).toBeNull();
    },
  );

  it("slides the expiry of a session last seen more than a day ago", async () => {
    const user = await makeUser();
    const { token } = await createSession(user.id);
    const [session] = await db.session.findMany({ where: { userId: user.id } });
    const old = new Date(Date.now() - 2 * DAY);
    await db.session.update({
      where: { id: session!.id },
      data: { lastSeenAt: old, expiresAt: new Date(Date.now() + DAY) },
    });
    expect(await userFromToken(token)).toMatchObject({ id: user.id });
    const after = await db.session.findUniqueOrThrow({ where: { id: session!.id } });
    expect(after.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
  });
});
