/**
 * Active or standby: a master with a lease (lease.ts) takes slaves and answers /internal/* only while it
 * holds it. A standby refuses slaves with `STANDBY` (they try the next master URL) and answers /internal/*
 * with 503 `STANDBY` (the control client tries the next URL); /health says `active: false`.
 */
import type { ExtendedError, Socket } from "socket.io";
import type { TMasterContext } from "@/server/chat/master/context";
import { LeaseKeeper, type TMasterLease } from "@/server/chat/master/lease";
import { RoomDirectory } from "@/server/chat/master/rooms";

export type TMasterRole = {
  active: boolean;
  /** Lease backend; "none" = a lone master without a lease (tests, embedded start), always active. */
  backend: "postgres" | "sqlite" | "none";
  holder: string;
  /** When this master last became active (ms), or null. */
  activeSince: number | null;
};

export const STANDBY = "STANDBY";
const STANDBY_MESSAGE =
  "This chat master is on standby (another master holds the lease): connect to the active one.";

export const loneMaster = (holder: string): TMasterRole => ({
  active: true,
  backend: "none",
  holder,
  activeSince: Date.now(),
});

/** io.use(): a standby takes no slaves. */
export function refuseWhileStandby(ctx: TMasterContext) {
  return (_socket: Socket, next: (err?: ExtendedError) => void): void => {
    if (ctx.role.active) return next();
    const err: ExtendedError = new Error(STANDBY);
    err.data = { code: STANDBY, message: STANDBY_MESSAGE };
    next(err);
  };
}

/** The reply for /internal/* on a standby. */
export const standbyReply = () => ({
  status: 503,
  body: { error: { code: STANDBY, message: STANDBY_MESSAGE } },
});

/** Follows the lease: becomes active when it is taken, and on losing it drops every slave so they move on. */
export function followLease(ctx: TMasterContext, lease: TMasterLease): LeaseKeeper {
  ctx.role.active = false;
  ctx.role.backend = lease.backend;
  const keeper: LeaseKeeper = new LeaseKeeper(lease, (held) => {
    ctx.role.active = held;
    ctx.role.activeSince = held ? Date.now() : null;
    if (held) {
      // Settings may have changed under another master: start from the DB, not from what we knew before.
      ctx.rooms = new RoomDirectory();
      ctx.dirty.clear();
      ctx.log.info({ holder: ctx.role.holder, backend: lease.backend }, "master lease taken: active");
      return;
    }
    ctx.log.warn(
      { holder: ctx.role.holder, backend: lease.backend },
      "master lease lost: standby, dropping slaves",
    );
    ctx.io.disconnectSockets(true);
  });
  keeper.start();
  return keeper;
}
