import type { Probe } from "@/server/hostile/probe";
import type { Rng } from "@/server/hostile/rng";

/** Accounts the suite signs in through the API (the seeded demo ones, and its own). */
export type TAccount = { id: string; token: string; email: string; name: string; role: string };

/** What every case of the suite shares: the probe, the seeded generator, accounts and the rows to aim at. */
export type THostileContext = {
  probe: Probe;
  rng: Rng;
  accounts: { admin: TAccount; seller: TAccount; shopper: TAccount; shopper2: TAccount };
  /** The demo show that the demo source keeps LIVE (HLS, chat). */
  liveRoomId: string;
  /** demo-live (SCHEDULED), where the chat cases talk. */
  chatRoomId: string;
  /** A show of the seller that only the generated REST inputs touch, with its own products. */
  fuzzRoomId: string;
  fuzzProductIds: string[];
  /** A user that the generated admin calls may change. */
  fuzzUserId: string;
  slaveUrls: string[];
};

/** The API's `{ error: { code } }`, or "" when the body is something else. */
export function errorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === "string" ? code : "";
  } catch {
    return "";
  }
}

export function json<T>(body: string): T | null {
  try {
    return JSON.parse(body) as T;
  } catch {
    return null;
  }
}
