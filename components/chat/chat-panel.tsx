"use client";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TMessage } from "@/lib/chat/protocol";
import { cx } from "@/components/ui/cx";
import { tabStateClass, useTabs } from "@/components/ui/tabs";
import { ChatBubbleIcon, CloseIcon, EyeIcon, GroupsIcon, MegaphoneIcon } from "@/components/chat/chat-icons";
import { ChatComposer } from "@/components/chat/chat-composer";
import { ChatMessage, type TStaffView } from "@/components/chat/chat-message";
import { ChatSettingsForm } from "@/components/chat/chat-settings-form";
import { GroupChip } from "@/components/chat/group-chip";
import type { TModerationAction } from "@/components/chat/message-actions";
import { MessageList } from "@/components/chat/message-list";
import { NoticeForm } from "@/components/chat/notice-form";
import { staffApi } from "@/lib/chat/staff-client";
import { useDescribeFailure } from "@/components/chat/use-describe-failure";
import { useChatRoom } from "@/components/chat/use-chat-room";

export type TChatPanelProps = { roomId: string; mode?: "viewer" | "staff" };

type TTab = "messages" | "settings";
const STAFF_TABS: readonly TTab[] = ["messages", "settings"];
type TFeedback = { tone: "ok" | "error"; text: string; undo?: () => void };
type TSanctionMark = { type: "MUTE" | "BAN"; until: string | null };

/**
 * The live chat of a show. `viewer`: the viewer page's panel (one chat group when the room is separated).
 * `staff`: the seller's console and admins, who see every group, moderate each message and set the rules.
 */
export function ChatPanel({ roomId, mode = "viewer" }: TChatPanelProps) {
  const t = useTranslations("chat");
  const pathname = usePathname();
  const { messages, state, status, nodeId, me, restriction, send } = useChatRoom();
  const staffMode = mode === "staff";
  const headingId = useId();
  const [dismissedNotice, setDismissedNotice] = useState<string | null>(null);
  const [tab, setTab] = useState<TTab>("messages");

  const exempt = staffMode || me?.role === "ADMIN" || me?.role === "SELLER";
  const latestNotice = useMemo(() => {
    for (let i = messages.length - 1; i >= 0; i--)
      if (messages[i]?.kind === "notice") return messages[i] ?? null;
    return null;
  }, [messages]);
  const pinned = latestNotice && latestNotice.id !== dismissedNotice ? latestNotice : null;

  const staff = useStaffTools(roomId, state?.groups.map((g) => g.nodeId) ?? [], me?.id ?? null);
  const renderMessage = useCallback(
    (m: TMessage) => <ChatMessage key={m.id} message={m} staff={staffMode ? staff.viewOf(m) : undefined} />,
    [staffMode, staff],
  );

  const connected = status === "connected";
  const signInHref = `/login?next=${encodeURIComponent(pathname || "/")}`;

  const list = (
    <MessageList
      messages={messages}
      renderMessage={renderMessage}
      label={t("log")}
      empty={
        <div className="flex h-full flex-col items-center justify-center gap-2 px-6 text-center text-sm text-zinc-600">
          {status === "closed" ? (
            <p>{t("unavailable")}</p>
          ) : status === "connecting" ? (
            <p className="flex items-center gap-2">
              <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-amber-500" />
              {t("connecting")}
            </p>
          ) : (
            <>
              <ChatBubbleIcon className="size-8 text-zinc-400" />
              <p>{staffMode ? t("emptyStaff") : t("empty")}</p>
            </>
          )}
        </div>
      }
    />
  );

  return (
    <section
      aria-labelledby={headingId}
      data-room-id={roomId}
      data-mode={mode}
      data-node-id={nodeId ?? undefined}
      data-status={status}
      className="flex h-full min-h-72 flex-col overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-zinc-200 px-4 py-3">
        <h2 id={headingId} className="mr-auto text-base font-black tracking-tight text-zinc-950">
          {staffMode ? t("staffHeading") : t("heading")}
        </h2>
        {state && (
          <p
            className="inline-flex items-center gap-1 text-xs font-semibold text-zinc-700 tabular-nums"
            data-testid="chat-viewers"
          >
            <EyeIcon className="size-4 text-zinc-600" />
            {t("viewers", { count: state.viewers })}
          </p>
        )}
        {state && !staffMode && state.separated && state.groupCount > 0 && (
          <GroupChip index={state.groupIndex} count={state.groupCount} />
        )}
        {state && staffMode && state.groupCount > 1 && (
          <p
            className={cx(
              "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold",
              state.separated ? "bg-brand-50 text-brand-800" : "bg-zinc-100 text-zinc-700",
            )}
            title={state.separated ? t("staff.separatedNow") : undefined}
          >
            <GroupsIcon className="size-3.5" />
            {t("staff.groups", { count: state.groupCount })}
            {state.separated && <span className="sr-only">: {t("staff.separatedNow")}</span>}
          </p>
        )}
      </header>

      <div role="status" className="empty:hidden">
        {status === "reconnecting" && (
          <p className="flex items-center gap-2 border-b border-amber-100 bg-amber-50 px-4 py-1 text-xs font-medium text-amber-900">
            <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-amber-600" />
            {t("reconnecting")}
          </p>
        )}
        {staffMode && connected && state?.degraded && (
          <p className="border-b border-amber-100 bg-amber-50 px-4 py-1 text-xs font-medium text-amber-900">
            {t("degraded")}
          </p>
        )}
      </div>

      {staffMode && <StaffTabs tab={tab} onChange={setTab} baseId={headingId} />}

      <div
        hidden={staffMode && tab !== "messages"}
        className="flex min-h-0 flex-1 flex-col"
        id={`${headingId}-messages`}
      >
        {pinned && (
          <div
            className="bg-brand-700 relative mx-3 mt-3 mb-1 flex gap-2.5 rounded-xl px-3 py-2.5 pr-9 text-white shadow-sm"
            data-testid="pinned-notice"
          >
            <MegaphoneIcon className="mt-0.5 size-4 shrink-0" />
            <div className="min-w-0">
              <p className="text-brand-100 text-[11px] font-bold tracking-wide uppercase">
                {t("notice")} · {pinned.user.name}
              </p>
              <p className="line-clamp-3 text-sm break-words whitespace-pre-wrap">{pinned.text}</p>
            </div>
            <button
              type="button"
              onClick={() => setDismissedNotice(pinned.id)}
              aria-label={t("dismissNotice")}
              className="text-brand-100 absolute top-1.5 right-1.5 inline-flex size-7 items-center justify-center rounded-md hover:bg-white/15 hover:text-white"
            >
              <CloseIcon />
            </button>
          </div>
        )}
        {staffMode && staff.feedback && (
          <div
            className={cx(
              "mx-3 mt-3 flex items-center gap-2 rounded-lg px-3 py-2 text-xs font-medium",
              staff.feedback.tone === "ok" ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800",
            )}
          >
            <p role={staff.feedback.tone === "ok" ? "status" : "alert"} className="min-w-0 flex-1">
              {staff.feedback.text}
            </p>
            {staff.feedback.undo && (
              <button
                type="button"
                onClick={staff.feedback.undo}
                className="font-bold underline underline-offset-2"
              >
                {t("staff.undo")}
              </button>
            )}
            <button
              type="button"
              onClick={staff.clearFeedback}
              aria-label={t("staff.dismiss")}
              className="rounded p-0.5 hover:bg-black/5"
            >
              <CloseIcon className="size-3.5" />
            </button>
          </div>
        )}
        {list}
        <ChatComposer
          me={me}
          exempt={exempt}
          state={state}
          restriction={restriction}
          connected={connected}
          signInHref={signInHref}
          onSend={send}
        />
      </div>

      {staffMode && (
        <div
          hidden={tab !== "settings"}
          className="min-h-0 flex-1 overflow-y-auto"
          id={`${headingId}-settings`}
        >
          <NoticeForm roomId={roomId} />
          <ChatSettingsForm roomId={roomId} state={state} />
        </div>
      )}
    </section>
  );
}

function StaffTabs({
  tab: current,
  onChange,
  baseId,
}: {
  tab: TTab;
  onChange: (t: TTab) => void;
  baseId: string;
}) {
  const t = useTranslations("chat");
  const tabProps = useTabs({
    order: STAFF_TABS,
    selected: current,
    select: onChange,
    ids: (key) => ({ tab: `${baseId}-tab-${key}`, panel: `${baseId}-${key}` }),
  });
  return (
    <div role="tablist" aria-label={t("staff.tabsLabel")} className="flex border-b border-zinc-200 px-2">
      {STAFF_TABS.map((key) => (
        <button
          key={key}
          {...tabProps(key)}
          className={cx(
            "-mb-px border-b-2 px-3 py-2 text-sm font-semibold transition-colors",
            tabStateClass(current === key),
          )}
        >
          {key === "messages" ? t("staff.tabMessages") : t("staff.tabSettings")}
        </button>
      ))}
    </div>
  );
}

/** Per-message moderation for staff: the REST calls, what each did ("Jisoo is muted…" with Undo), and group labels. */
function useStaffTools(roomId: string, groupIds: string[], myId: string | null) {
  const t = useTranslations("chat");
  const describe = useDescribeFailure();
  const [feedback, setFeedback] = useState<TFeedback | null>(null);
  const [marks, setMarks] = useState<Record<string, TSanctionMark>>({});
  const timer = useRef<number | null>(null);
  const groupKey = groupIds.join(",");

  const show = useCallback((f: TFeedback | null) => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    setFeedback(f);
    if (f?.tone === "ok") timer.current = window.setTimeout(() => setFeedback(null), 8000);
  }, []);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );

  const onAction = useCallback(
    async (m: TMessage, a: TModerationAction): Promise<boolean> => {
      const name = m.user.name;
      const lift = async () => {
        const res = await staffApi.lift(roomId, m.user.id);
        if (!res.ok) return show({ tone: "error", text: describe(res.error) });
        setMarks(({ [m.user.id]: _gone, ...rest }) => rest);
        show({ tone: "ok", text: t("staff.done.lift", { name }) });
      };
      if (a.type === "delete") {
        const res = await staffApi.deleteMessage(roomId, m.id);
        if (!res.ok) {
          show({ tone: "error", text: describe(res.error) });
          return false;
        }
        show({ tone: "ok", text: t("staff.done.delete", { name }) });
        return true;
      }
      if (a.type === "lift") {
        await lift();
        return true;
      }
      const type = a.type === "mute" ? "MUTE" : "BAN";
      const res = await staffApi.sanction(roomId, m.user.id, type, a.type === "mute" ? a.minutes : undefined);
      if (!res.ok) {
        show({ tone: "error", text: describe(res.error) });
        return false;
      }
      setMarks((prev) => ({ ...prev, [m.user.id]: { type, until: res.data.sanction?.until ?? null } }));
      show({
        tone: "ok",
        text:
          a.type === "mute"
            ? t("staff.done.mute", { name, minutes: a.minutes })
            : t("staff.done.ban", { name }),
        undo: () => void lift(),
      });
      return true;
    },
    [roomId, describe, show, t],
  );

  const viewOf = useCallback(
    (m: TMessage): TStaffView => {
      const index = groupKey.split(",").indexOf(m.nodeId);
      const mark = marks[m.user.id];
      const active = mark && (mark.until === null || Date.parse(mark.until) > Date.now()) ? mark.type : null;
      return {
        groupLabel: index >= 0 ? t("groupLabel", { index: index + 1 }) : m.nodeId,
        authorIsStaff: m.user.role !== "SHOPPER" || m.user.id === myId,
        sanction: active,
        onAction,
      };
    },
    [groupKey, marks, myId, onAction, t],
  );

  return useMemo(() => ({ viewOf, feedback, clearFeedback: () => show(null) }), [viewOf, feedback, show]);
}
