import "server-only";
import { api, signedIn } from "@/server/api/base";
import { clientAddress } from "@/server/auth/client-address";
import { clearedSessionCookie, isHttps, sessionCookie } from "@/server/auth/cookie";
import { currentUser, requestToken } from "@/server/auth/request";
import { signOut } from "@/server/auth/sign-out";
import { signIn } from "@/server/users/sign-in";
import { signUp } from "@/server/users/sign-up";
import { listUsers } from "@/server/users/list-users";

type TOpened = Awaited<ReturnType<typeof signIn>>;

/** `{ token, user }` with the session cookie, as the route files answered a sign-in or a sign-up. */
function signedInAnswer({ token, expiresAt, user }: TOpened, req: Request) {
  return {
    headers: { "set-cookie": sessionCookie(token, expiresAt, isHttps(req)) },
    body: { token, user },
  };
}

/** lib/session/session.contract.ts, served. */
export const session = {
  signIn: api.session.signIn.handler(async ({ input, context }) =>
    signedInAnswer(await signIn(input.body, clientAddress(context.req)), context.req),
  ),
  current: api.session.current.handler(async () => {
    const user = await currentUser();
    return { user: user ? { id: user.id, name: user.name, role: user.role } : null };
  }),
  signOut: api.session.signOut.handler(async () => {
    await signOut(await requestToken());
    return { headers: { "set-cookie": clearedSessionCookie() }, body: { ok: true as const } };
  }),
  signUp: api.session.signUp.handler(async ({ input, context }) =>
    signedInAnswer(await signUp(input.body, clientAddress(context.req)), context.req),
  ),
  // The first `q` of the URL, as searchParams.get read it, cut at 100 characters (never refused).
  users: api.session.users
    .use(signedIn("ADMIN"))
    .handler(async ({ context }) =>
      listUsers((new URL(context.req.url).searchParams.get("q") ?? "").slice(0, 100)),
    ),
};
