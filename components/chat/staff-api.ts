"use client";
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import type { TChatSettings, TChatSettingsPatch } from "@/lib/chat/settings";

/** Why a moderation call failed, in terms the panel can word: HTTP status, contract code, field messages. */
export type TStaffFailure =
  | { kind: "http"; status: number; code: string; message: string; fields?: Record<string, string> }
  | { kind: "network" };
export type TStaffResult<T> = { ok: true; data: T } | { ok: false; failure: TStaffFailure };

async function call<T>(method: string, url: string, body?: unknown): Promise<TStaffResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, failure: { kind: "network" } };
  }
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: json as T };
  const error = (
    json as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | null
  )?.error;
  return {
    ok: false,
    failure: {
      kind: "http",
      status: res.status,
      code: error?.code ?? "",
      message: error?.message ?? "",
      fields: error?.fields,
    },
  };
}

const room = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`;

/** The contract's moderation endpoints, called with the page's session cookie. */
export const staffApi = {
  settings: (roomId: string) => call<{ chat: TChatSettings }>("GET", room(roomId)),
  patchSettings: (roomId: string, patch: Partial<TChatSettingsPatch>) =>
    call<TChatSettings & { pushed?: boolean }>("PATCH", `${room(roomId)}/chat`, patch),
  postNotice: (roomId: string, text: string) =>
    call<{ pushed?: boolean }>("POST", `${room(roomId)}/notices`, { text }),
  deleteMessage: (roomId: string, messageId: string) =>
    call<{ pushed?: boolean }>("DELETE", `${room(roomId)}/messages/${encodeURIComponent(messageId)}`),
  sanction: (roomId: string, userId: string, type: "MUTE" | "BAN", minutes?: number) =>
    call<{ sanction: { until: string | null }; pushed?: boolean }>("POST", `${room(roomId)}/sanctions`, {
      userId,
      type,
      ...(minutes ? { minutes } : {}),
    }),
  lift: (roomId: string, userId: string) =>
    call<{ pushed?: boolean }>("DELETE", `${room(roomId)}/sanctions/${encodeURIComponent(userId)}`),
};

/** Turns a failure into a sentence that says what to do next. */
export function useDescribeFailure() {
  const t = useTranslations("chat.staff.error");
  return useCallback(
    (failure: TStaffFailure): string => {
      if (failure.kind === "network") return t("network");
      if (failure.status === 401) return t("unauthenticated");
      if (failure.status === 403) return t("forbidden");
      if (failure.status === 404) return t("notFound");
      if (failure.status === 400 || failure.status === 413) {
        const detail = failure.fields ? Object.values(failure.fields).join("; ") : failure.message;
        return t("invalid", { detail: detail || failure.code });
      }
      return t("server");
    },
    [t],
  );
}
