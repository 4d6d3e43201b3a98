"use client";
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { TRoomSanctionRow } from "@/server/admin/list-room-sanctions";
import { Button } from "@/components/ui/button";
import { AdminNotice, type TAdminMessage } from "@/components/admin/admin-notice";
import { LabelledSelect } from "@/components/admin/labelled-field";
import { settle } from "@/lib/api/request";
import { failureCode, liftSanction, sanctionUser, type TRoomSanctions } from "@/lib/admin/client";
import { adminPoll, adminQueries } from "@/lib/admin/queries";

const NOTHING_YET: TRoomSanctions = { sanctions: [], chatters: [] };
const DURATIONS = [5, 15, 60, 24 * 60, 7 * 24 * 60] as const;

/** Mute or ban a viewer of this show for a chosen time (or until lifted), and lift what is in force. */
export function SanctionsPanel({ roomId }: { roomId: string }) {
  const t = useTranslations("admin.sanctions");
  const format = useFormatter();
  const id = useId();
  const queryClient = useQueryClient();
  const data = useQuery({ ...adminQueries.roomSanctions(roomId), ...adminPoll(3000) }).data ?? NOTHING_YET;
  // A sanction shows in this list and in the room's audit log: refresh every admin query, whatever the outcome.
  const onSettled = () => queryClient.invalidateQueries({ queryKey: adminQueries.all });
  const impose = useMutation({
    mutationFn: (v: { userId: string; type: "MUTE" | "BAN"; minutes?: number }) =>
      sanctionUser(roomId, v.userId, v.type, v.minutes),
    onSettled,
  });
  const liftOne = useMutation({
    mutationFn: (s: TRoomSanctionRow) => liftSanction(roomId, s.userId, s.type),
    onSettled,
  });
  const [userId, setUserId] = useState("");
  const [type, setType] = useState<"MUTE" | "BAN">("BAN");
  const [minutes, setMinutes] = useState<string>("60");
  const [message, setMessage] = useState<TAdminMessage | null>(null);

  const duration = (m: number) =>
    m < 60
      ? t("minutes", { count: m })
      : m < 24 * 60
        ? t("hours", { count: m / 60 })
        : t("days", { count: m / (24 * 60) });

  async function apply(e: FormEvent) {
    e.preventDefault();
    if (!userId) return;
    const res = await settle(
      impose.mutateAsync({ userId, type, minutes: minutes ? Number(minutes) : undefined }),
    );
    const name = data.chatters.find((c) => c.id === userId)?.name ?? userId;
    setMessage(
      res.ok
        ? { tone: "ok", text: t(type === "BAN" ? "banned" : "muted", { name }) }
        : { tone: "error", text: t("failed", { code: failureCode(res.error) }) },
    );
  }

  async function lift(s: TRoomSanctionRow) {
    const res = await settle(liftOne.mutateAsync(s));
    setMessage(
      res.ok
        ? { tone: "ok", text: t("lifted", { name: s.userName }) }
        : { tone: "error", text: t("failed", { code: failureCode(res.error) }) },
    );
  }

  return (
    <section
      aria-labelledby={`${id}-h`}
      className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${id}-h`} className="text-base font-black tracking-tight text-zinc-950">
        {t("heading")}
      </h2>
      <form onSubmit={(e) => void apply(e)} className="mt-3 flex flex-wrap items-end gap-2">
        <LabelledSelect label={t("viewer")} required value={userId} onChange={setUserId} className="min-w-44">
          <option value="">{data.chatters.length === 0 ? t("noChatters") : t("choose")}</option>
          {data.chatters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </LabelledSelect>
        <LabelledSelect label={t("type")} value={type} onChange={(v) => setType(v as "MUTE" | "BAN")}>
          <option value="MUTE">{t("mute")}</option>
          <option value="BAN">{t("ban")}</option>
        </LabelledSelect>
        <LabelledSelect label={t("for")} value={minutes} onChange={setMinutes}>
          {DURATIONS.map((m) => (
            <option key={m} value={String(m)}>
              {duration(m)}
            </option>
          ))}
          <option value="">{t("untilLifted")}</option>
        </LabelledSelect>
        <Button
          type="submit"
          disabled={impose.isPending || !userId}
          variant="danger"
          size="sm"
          className="h-9"
        >
          {t("apply")}
        </Button>
      </form>
      <AdminNotice message={message} placement="mt-3" />
      <h3 className="mt-4 text-xs font-bold tracking-wide text-zinc-600 uppercase">{t("inForce")}</h3>
      {data.sanctions.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600">{t("none")}</p>
      ) : (
        <ul className="mt-1 divide-y divide-zinc-100">
          {data.sanctions.map((s) => (
            <li
              key={`${s.userId}-${s.type}`}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <span>
                <span className="font-semibold text-zinc-950">{s.userName}</span>{" "}
                <span className="rounded bg-red-50 px-1.5 text-xs font-bold text-red-800">
                  {s.type === "BAN" ? t("ban") : t("mute")}
                </span>{" "}
                <span className="text-zinc-600">
                  {s.until
                    ? t("until", {
                        when: format.dateTime(new Date(s.until), { dateStyle: "short", timeStyle: "short" }),
                      })
                    : t("untilLifted")}
                  {s.byName && ` · ${t("by", { name: s.byName })}`}
                </span>
              </span>
              <Button
                onClick={() => void lift(s)}
                variant="secondary"
                size="sm"
                aria-label={t("liftFor", { name: s.userName, type: s.type === "BAN" ? t("ban") : t("mute") })}
              >
                {t("lift")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
