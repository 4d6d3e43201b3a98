"use client";
import { useSyncExternalStore } from "react";
import { useQuery } from "@tanstack/react-query";
import type { TMeResponse, TMeUser } from "@/lib/session/me.types";
import { meQuery } from "@/lib/session/queries";

/**
 * Who is looking: the `["me"]` query (lib/session/queries.ts). The cached pages are rendered for a guest:
 * until the answer arrives, components show what the server gave them (a guest on a cached page, the real
 * user on a page rendered per request).
 */
const noSubscription = () => () => {};

/** The `GET /api/me` answer, or null while it has not arrived (and during hydration, to match the server's HTML). */
export function useMe(): TMeResponse | null {
  const { data } = useQuery(meQuery);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return hydrated ? (data ?? null) : null;
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
