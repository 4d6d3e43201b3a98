"use client";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { TRoomState, TSeparationMode } from "@/lib/chat/protocol";
import type { TChatSettings, TChatSettingsPatch } from "@/lib/chat/settings";
import { cx } from "@/components/ui/cx";
import { CloseIcon } from "@/components/chat/chat-icons";
import { settle } from "@/lib/api/request";
import { patchChatSettings } from "@/lib/chat/staff-client";
import { chatQueries } from "@/lib/chat/queries";
import { useDescribeFailure } from "@/components/chat/use-describe-failure";

export const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60] as const;
const SEPARATION_MODES: TSeparationMode[] = ["OFF", "ON", "AUTO"];

type TField = "slowMode" | "freeze" | "words" | "separation";

/** The compact submit of the inline forms (add a word, save the AUTO threshold). */
const smallSubmit =
  "h-8 rounded-lg border border-zinc-300 bg-white px-3 text-xs font-semibold text-zinc-900 shadow-sm hover:bg-zinc-50 disabled:cursor-not-allowed disabled:text-zinc-500";

/**
 * One setting: its heading and help (worded under the field's own key), the control, and its save error.
 * While it saves, every control in it is disabled (the fieldset's own `disabled`).
 */
function Section({
  field,
  children,
  error,
  saving,
}: {
  field: TField;
  children: ReactNode;
  error?: string | null;
  saving?: boolean;
}) {
  const t = useTranslations("chat.staff");
  const title = t(`${field}.heading`);
  const help = t(`${field}.help`);
  return (
    <fieldset
      className="border-b border-zinc-100 px-4 py-4 last:border-b-0"
      disabled={saving}
      aria-busy={saving || undefined}
    >
      <legend className="float-left flex w-full items-center justify-between text-sm font-bold text-zinc-950">
        {title}
        {saving && <span className="text-xs font-medium text-zinc-600">{t("saving")}</span>}
      </legend>
      <p className="clear-both mb-2.5 pt-0.5 text-xs text-zinc-600">{help}</p>
      {children}
      {error && (
        <p role="alert" className="mt-2 rounded-md bg-red-50 px-2.5 py-1.5 text-xs font-medium text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * A row of radio buttons drawn as a segmented control (arrow keys move between them, as radios do);
 * disabled with its Section while that saves.
 */
function Segmented<T extends string | number>({
  value,
  options,
  label,
  onChange,
}: {
  value: T;
  options: readonly T[];
  label: (v: T) => string;
  onChange: (v: T) => void;
}) {
  const name = useId();
  return (
    <div className="flex rounded-lg bg-zinc-100 p-0.5">
      {options.map((o) => (
        <label
          key={String(o)}
          className={cx(
            "has-[:focus-visible]:outline-brand-600 relative flex-1 cursor-pointer rounded-md px-2 py-1.5 text-center text-xs font-semibold transition-colors has-[:focus-visible]:outline-2",
            o === value ? "bg-white text-zinc-950 shadow-sm" : "text-zinc-700 hover:text-zinc-950",
            "has-disabled:cursor-wait",
          )}
        >
          <input
            type="radio"
            name={name}
            value={String(o)}
            checked={o === value}
            onChange={() => onChange(o)}
            className="sr-only"
          />
          {label(o)}
        </label>
      ))}
    </div>
  );
}

/**
 * Chat settings for the room's seller and admins: slow mode, pause, blocked words and chat groups. Each
 * change is a PATCH of the contract; `room:state` from the chat tier keeps the controls in step with
 * changes made elsewhere (another moderator, AUTO separation). Reusable in the admin room console.
 */
export function ChatSettingsForm({ roomId, state }: { roomId: string; state: TRoomState | null }) {
  const t = useTranslations("chat.staff");
  const describe = useDescribeFailure();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Partial<Record<TField, string | null>>>({});
  const [warning, setWarning] = useState<string | null>(null);
  const [word, setWord] = useState("");
  const [threshold, setThreshold] = useState("");
  const wordId = useId();
  const thresholdId = useId();

  // Full settings (blocked words, AUTO threshold) come from the REST API, re-read whenever the tier says they changed.
  const query = useQuery({
    ...chatQueries.settings(roomId, state?.settingsUpdatedAt),
    placeholderData: keepPreviousData,
  });
  const settings = query.data ?? null;
  const loadError = query.error && !settings ? describe(query.error) : null;
  // The threshold box starts from the saved value, and follows it when it changes.
  const [thresholdOf, setThresholdOf] = useState<number | null>(null);
  if (settings && settings.autoSeparateAbove !== thresholdOf) {
    setThresholdOf(settings.autoSeparateAbove);
    setThreshold(String(settings.autoSeparateAbove));
  }
  const saveMutation = useMutation({
    mutationFn: ({ patch }: { field: TField; patch: Partial<TChatSettingsPatch> }) =>
      patchChatSettings(roomId, patch),
    onSuccess: ({ pushed, ...next }) => {
      queryClient.setQueriesData<TChatSettings>({ queryKey: chatQueries.allSettings(roomId) }, next);
      setWarning(pushed === false ? t("notPushed") : null);
    },
  });
  const saving = saveMutation.isPending ? saveMutation.variables.field : null;
  const section = (field: TField) => ({ field, error: errors[field], saving: saving === field });

  // The live values of room:state win over our last read (they are newer).
  const live: TChatSettings | null =
    settings && state
      ? {
          ...settings,
          slowModeSeconds: state.slowModeSeconds,
          frozen: state.frozen,
          separation: state.separation,
        }
      : settings;

  async function save(field: TField, patch: Partial<TChatSettingsPatch>): Promise<boolean> {
    setErrors((e) => ({ ...e, [field]: null }));
    const res = await settle(saveMutation.mutateAsync({ field, patch }));
    if (!res.ok) setErrors((e) => ({ ...e, [field]: describe(res.error) }));
    return res.ok;
  }

  if (!live) {
    return (
      <div className="p-4 text-sm text-zinc-600" role={loadError ? "alert" : "status"}>
        {loadError ?? t("saving")}
      </div>
    );
  }

  const slowChoices = (SLOW_MODE_CHOICES as readonly number[]).includes(live.slowModeSeconds)
    ? SLOW_MODE_CHOICES
    : [...SLOW_MODE_CHOICES, live.slowModeSeconds].sort((a, b) => a - b);

  async function addWord(e: FormEvent) {
    e.preventDefault();
    const w = word.trim();
    if (!w || !live) return;
    if (await save("words", { blockedWords: [...live.blockedWords, w] })) setWord("");
  }

  async function saveThreshold(e: FormEvent) {
    e.preventDefault();
    const n = Number(threshold);
    if (!Number.isInteger(n) || n < 2) {
      setErrors((x) => ({ ...x, separation: t("error.invalid", { detail: "≥ 2" }) }));
      return;
    }
    await save("separation", { autoSeparateAbove: n });
  }

  return (
    <div className="text-sm">
      {warning && (
        <p
          role="status"
          className="mx-4 mt-3 rounded-md bg-amber-50 px-2.5 py-1.5 text-xs font-medium text-amber-900"
        >
          {warning}
        </p>
      )}
      <Section {...section("slowMode")}>
        <Segmented
          value={live.slowModeSeconds}
          options={slowChoices}
          label={(s) => (s === 0 ? t("slowMode.off") : t("slowMode.seconds", { seconds: s }))}
          onChange={(s) => void save("slowMode", { slowModeSeconds: s })}
        />
      </Section>

      <Section {...section("freeze")}>
        <button
          type="button"
          role="switch"
          aria-checked={live.frozen}
          onClick={() => void save("freeze", { frozen: !live.frozen })}
          className="inline-flex items-center gap-2.5 rounded-full text-sm font-semibold text-zinc-900 disabled:cursor-wait"
        >
          <span
            className={cx(
              "relative inline-flex h-6 w-11 shrink-0 rounded-full transition-colors",
              live.frozen ? "bg-red-700" : "bg-zinc-400",
            )}
          >
            <span
              className={cx(
                "absolute top-0.5 size-5 rounded-full bg-white shadow transition-transform",
                live.frozen ? "translate-x-5.5" : "translate-x-0.5",
              )}
            />
          </span>
          <span className="sr-only">{t("freeze.heading")}: </span>
          {live.frozen ? t("freeze.on") : t("freeze.off")}
        </button>
      </Section>

      <Section {...section("words")}>
        {live.blockedWords.length === 0 ? (
          <p className="mb-2 text-xs text-zinc-600 italic">{t("words.none")}</p>
        ) : (
          <ul className="mb-2 flex flex-wrap gap-1.5">
            {live.blockedWords.map((w) => (
              <li
                key={w}
                className="inline-flex items-center gap-0.5 rounded-full bg-zinc-100 py-0.5 pr-0.5 pl-2.5 text-xs font-semibold text-zinc-800"
              >
                {w}
                <button
                  type="button"
                  aria-label={t("words.remove", { word: w })}
                  onClick={() =>
                    void save("words", { blockedWords: live.blockedWords.filter((x) => x !== w) })
                  }
                  className="inline-flex size-5 items-center justify-center rounded-full text-zinc-600 hover:bg-zinc-300 hover:text-zinc-900"
                >
                  <CloseIcon className="size-3" />
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(e) => void addWord(e)} className="flex gap-2">
          <label htmlFor={wordId} className="sr-only">
            {t("words.label")}
          </label>
          <input
            id={wordId}
            value={word}
            maxLength={50}
            onChange={(e) => setWord(e.target.value)}
            placeholder={t("words.placeholder")}
            className="focus:border-brand-600 h-8 min-w-0 flex-1 rounded-lg border border-zinc-300 px-2.5 text-base placeholder:text-zinc-600 sm:text-sm"
          />
          <button type="submit" disabled={word.trim() === ""} className={smallSubmit}>
            {t("words.add")}
          </button>
        </form>
      </Section>

      <Section {...section("separation")}>
        <Segmented
          value={live.separation}
          options={SEPARATION_MODES}
          label={(m) => t(`separation.${m}`)}
          onChange={(m) => void save("separation", { separation: m })}
        />
        {live.separation === "AUTO" && (
          <form onSubmit={(e) => void saveThreshold(e)} className="mt-2.5 flex items-center gap-2">
            <label htmlFor={thresholdId} className="text-xs font-medium text-zinc-700">
              {t("separation.threshold")}
            </label>
            <input
              id={thresholdId}
              type="number"
              inputMode="numeric"
              min={2}
              value={threshold}
              onChange={(e) => setThreshold(e.target.value)}
              className="focus:border-brand-600 h-8 w-24 rounded-lg border border-zinc-300 px-2 text-base tabular-nums sm:text-sm"
            />
            <span className="text-xs text-zinc-600">{t("separation.thresholdUnit")}</span>
            <button
              type="submit"
              disabled={threshold === String(live.autoSeparateAbove)}
              className={cx("ml-auto", smallSubmit)}
            >
              {t("separation.save")}
            </button>
          </form>
        )}
        {state && (
          <p className="mt-2.5 text-xs text-zinc-700" data-testid="separation-state">
            {t("separation.state", { separated: String(state.separated), count: state.groupCount })}
          </p>
        )}
      </Section>
    </div>
  );
}
