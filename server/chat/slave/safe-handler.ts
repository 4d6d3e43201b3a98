import type { z } from "zod";
import type { ClientToServerEvents } from "@/lib/chat/events";
import type { TChatError } from "@/lib/chat/protocol";
import type { TClientSocket, TSlaveContext } from "@/server/chat/slave/context";

export type TAckFn = (res: unknown) => void;
type TRawSocket = { on(event: string, listener: (...args: unknown[]) => void): void };

/** More events than this per second from one socket is abuse: the socket is dropped, the node keeps going. */
const MAX_EVENTS_PER_SECOND = 40;

/**
 * Registers a client event so that nothing a client sends can throw: the payload arrives as `unknown`,
 * a missing ack becomes a no-op, and a failure answers INTERNAL instead of escaping.
 */
export function onClientEvent(
  ctx: TSlaveContext,
  socket: TClientSocket,
  event: keyof ClientToServerEvents,
  handler: (payload: unknown, ack: TAckFn) => Promise<void>,
): void {
  (socket as unknown as TRawSocket).on(event, (...args: unknown[]) => {
    if (overLimit(socket)) {
      ctx.log.warn({ socketId: socket.id, userId: socket.data.user?.id }, "event flood: disconnecting");
      socket.disconnect(true);
      return;
    }
    const last = args[args.length - 1];
    const ack: TAckFn = typeof last === "function" ? (res) => void (last as TAckFn)(res) : () => undefined;
    const payload = typeof args[0] === "function" ? undefined : args[0];
    handler(payload, ack).catch((err: unknown) => {
      ctx.log.error({ err, event, socketId: socket.id }, "client event failed");
      ack({ ok: false, error: { code: "INTERNAL", message: "Something went wrong. Please try again." } });
    });
  });
}

const windows = new WeakMap<TClientSocket, { start: number; count: number }>();
function overLimit(socket: TClientSocket): boolean {
  const now = Date.now();
  const w = windows.get(socket);
  if (!w || now - w.start >= 1000) {
    windows.set(socket, { start: now, count: 1 });
    return false;
  }
  w.count += 1;
  return w.count > MAX_EVENTS_PER_SECOND;
}

export function fail(code: TChatError["code"], message: string, extra: Partial<TChatError> = {}) {
  return { ok: false as const, error: { code, message, ...extra } };
}

/** A zod failure as the contract's INVALID, naming each bad field. */
export function invalid(error: z.ZodError) {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  return fail("INVALID", "The request is not valid.", { fields });
}

type TUser = NonNullable<TClientSocket["data"]["user"]>;
type THandler = (ctx: TSlaveContext, socket: TClientSocket, payload: unknown, ack: TAckFn) => Promise<void>;

/** A client event's handler that gets its payload parsed by `schema`: a bad one is answered INVALID. */
export function clientHandler<S extends z.ZodType>(
  schema: S,
  handle: (ctx: TSlaveContext, socket: TClientSocket, input: z.infer<S>, ack: TAckFn) => Promise<void>,
): THandler {
  return async (ctx, socket, payload, ack) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return ack(invalid(parsed.error));
    return handle(ctx, socket, parsed.data, ack);
  };
}

/** `clientHandler` for signed-in users only: anyone else is answered UNAUTHENTICATED, `signIn` saying why. */
export function userHandler<S extends z.ZodType>(
  schema: S,
  signIn: string,
  handle: (
    ctx: TSlaveContext,
    socket: TClientSocket,
    input: z.infer<S>,
    user: TUser,
    ack: TAckFn,
  ) => Promise<void>,
): THandler {
  return clientHandler(schema, async (ctx, socket, input, ack) => {
    const user = socket.data.user;
    if (!user) return ack(fail("UNAUTHENTICATED", signIn));
    return handle(ctx, socket, input, user, ack);
  });
}
