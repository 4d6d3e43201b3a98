"use client";
import { useSyncExternalStore } from "react";
import type { TMeResponse, TMeUser } from "@/lib/session/me.types";
import { request } from "@/lib/api/request";

/**
 * Who is looking, asked once per page load (`GET /api/me`) and shared by every component that needs it.
 * The cached pages are rendered for a guest: until the answer arrives, components show what the server
 * gave them (a guest on a cached page, the real user on a page rendered per request).
 */
let me: TMeResponse | null = null;

/**
 * Our own server's answer, checked by hand: zod in the header would put its JIT probe (`Function("")`,
 * refused by the CSP and reported as a violation) on every page.
 */
function asMe(json: unknown): TMeResponse {
  const body = json as Partial<TMeResponse> | null;
  const user = body?.user;
  const ids = body?.remindedRoomIds;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) throw new Error("me: bad reminders");
  if (user !== null && (typeof user?.id !== "string" || typeof user.name !== "string"))
    throw new Error("me: bad user");
  return { user: user ?? null, remindedRoomIds: ids };
}
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function load(): void {
  if (loading) return;
  const attempt = request<unknown>("GET", "/api/me")
    .then((json) => {
      me = asMe(json);
      listeners.forEach((l) => l());
    })
    .catch(() => {
      // Keep what the server rendered; the next component that subscribes asks again.
      loading = null;
    });
  loading = attempt;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  load();
  return () => listeners.delete(listener);
}

/** After sign-in or sign-out: forget the answer and ask again. */
export function refreshMe(): void {
  me = null;
  loading = null;
  listeners.forEach((l) => l());
  if (listeners.size > 0) load();
}

/** The `GET /api/me` answer, or null while it has not arrived (and during hydration). */
export function useMe(): TMeResponse | null {
  return useSyncExternalStore(
    subscribe,
    () => me,
    () => null,
  );
}

/** The signed-in user: `/api/me`'s once known, else what the server rendered. */
export function useMeUser(serverUser: TMeUser | null): TMeUser | null {
  const answer = useMe();
  return answer ? answer.user : serverUser;
}

/** The signed-in user's id: `/api/me`'s once known, else what the server rendered. */
export function useMeId(serverMeId: string | null): string | null {
  const answer = useMe();
  return answer ? (answer.user?.id ?? null) : serverMeId;
}

/** Whether someone is signed in: `/api/me`'s answer once known, else what the server rendered. */
export function useSignedIn(serverSignedIn: boolean): boolean {
  const answer = useMe();
  return answer ? answer.user !== null : serverSignedIn;
}

/** A reminder set or taken back on this page: every other button of the same show follows. */
export function noteReminder(roomId: string, on: boolean): void {
  if (!me) return;
  const others = me.remindedRoomIds.filter((id) => id !== roomId);
  me = { ...me, remindedRoomIds: on ? [roomId, ...others] : others };
  listeners.forEach((l) => l());
}
