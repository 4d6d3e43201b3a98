import { removeDbFiles } from "@/server/commerce/test/fresh-db";
import bcrypt from "bcryptjs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { apiErrorOf } from "@/server/test/api-error";
import { resetAuthThrottle } from "@/server/security/auth-throttle";
import { signIn } from "@/server/users/sign-in";
import { signUp } from "@/server/users/sign-up";

afterAll(async () => {
  await db.$disconnect();
  removeDbFiles();
});

beforeEach(() => {
  Object.assign(process.env, {
    SIGNIN_FAILURES_PER_ACCOUNT: "3",
    SIGNIN_FAILURES_PER_ADDRESS: "5",
    SIGNUP_LIMIT_PER_HOUR: "2",
  });
  resetAuthThrottle();
});

const n = () => Math.random().toString(36).slice(2, 10);

describe("failed sign-ins are throttled per account and per address", () => {
  it("pauses an account after its failures, even with the right password, and tells when to retry", async () => {
    const email = `victim-${n()}@test.onair`;
    await signUp({ email, password: "correct-horse", name: "Victim" }, "10.0.0.1");
    for (let i = 0; i < 3; i++) {
      expect((await apiErrorOf(signIn({ email, password: `guess-${i}` }, `10.0.1.${i}`))).code).toBe(
        "INVALID_CREDENTIALS",
      );
    }
    const limited = await apiErrorOf(signIn({ email, password: "correct-horse" }, "10.0.2.1"));
    expect(limited.status).toBe(429);
    expect(limited.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers?.["Retry-After"])).toBeGreaterThan(0);
    // Case does not give another account's worth of guesses.
    expect((await apiErrorOf(signIn({ email: email.toUpperCase(), password: "x" }, "10.0.2.2"))).code).toBe(
      "RATE_LIMITED",
    );
  });

  it("pauses an address that guesses across many accounts (credential stuffing)", async () => {
    for (let i = 0; i < 5; i++) {
      await apiErrorOf(signIn({ email: `nobody-${n()}@test.onair`, password: "password1" }, "10.9.9.9"));
    }
    const limited = await apiErrorOf(
      signIn({ email: `nobody-${n()}@test.onair`, password: "password1" }, "10.9.9.9"),
    );
    expect(limited.code).toBe("RATE_LIMITED");
    // Another address is not affected.
    expect(
      (await apiErrorOf(signIn({ email: `nobody-${n()}@test.onair`, password: "password1" }, "10.9.9.10")))
        .code,
    ).toBe("INVALID_CREDENTIALS");
  });

  it("a correct password clears the account's count", async () => {
    const email = `forgetful-${n()}@test.onair`;
    await signUp({ email, password: "correct-horse", name: "Forgetful" }, "10.0.3.1");
    await apiErrorOf(signIn({ email, password: "wrong-1" }, "10.0.3.2"));
    await apiErrorOf(signIn({ email, password: "wrong-2" }, "10.0.3.2"));
    await signIn({ email, password: "correct-horse" }, "10.0.3.2");
    await apiErrorOf(signIn({ email, password: "wrong-3" }, "10.0.3.3"));
    await apiErrorOf(signIn({ email, password: "wrong-4" }, "10.0.3.3"));
    await expect(signIn({ email, password: "correct-horse" }, "10.0.3.4")).resolves.toMatchObject({
      user: { name: "Forgetful" },
    });
  });
});

describe("sign-ups per address per hour (SIGNUP_LIMIT_PER_HOUR)", () => {
  it("refuses the address's third sign-up in the hour with 429, and creates no account", async () => {
    await signUp({ email: `a-${n()}@test.onair`, password: "password1", name: "A" }, "10.1.1.1");
    await signUp({ email: `b-${n()}@test.onair`, password: "password1", name: "B" }, "10.1.1.1");
    const email = `c-${n()}@test.onair`;
    const limited = await apiErrorOf(signUp({ email, password: "password1", name: "C" }, "10.1.1.1"));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers?.["Retry-After"])).toBeGreaterThan(60);
    expect(await db.user.count({ where: { email } })).toBe(0);
    await expect(signUp({ email, password: "password1", name: "C" }, "10.1.1.2")).resolves.toBeTruthy();
  });
});

describe("passwords: argon2id, every byte counts", () => {
  it("stores argon2id, and a password differing only after byte 72 does not sign in", async () => {
    const email = `long-${n()}@test.onair`;
    const long = "p".repeat(72);
    await signUp({ email, password: `${long}-one`, name: "Long" }, "10.2.0.1");
    const stored = await db.user.findUniqueOrThrow({ where: { email } });
    expect(stored.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect((await apiErrorOf(signIn({ email, password: `${long}-two` }, "10.2.0.2"))).code).toBe(
      "INVALID_CREDENTIALS",
    );
    await expect(signIn({ email, password: `${long}-one` }, "10.2.0.2")).resolves.toBeTruthy();
  });

  it("a bcrypt hash still signs in once and is replaced by argon2id", async () => {
    const email = `old-${n()}@test.onair`;
    await db.user.create({
      data: { email, name: "Old", role: "SHOPPER", passwordHash: await bcrypt.hash("old-password", 10) },
    });
    await signIn({ email, password: "old-password" }, "10.3.0.1");
    const after = await db.user.findUniqueOrThrow({ where: { email } });
    expect(after.passwordHash.startsWith("$argon2id$")).toBe(true);
    await expect(signIn({ email, password: "old-password" }, "10.3.0.1")).resolves.toBeTruthy();
  });
});
