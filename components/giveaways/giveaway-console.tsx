"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { GIVEAWAY_ENTRY, type TGiveawayEntry, type TGiveawayView } from "@/lib/giveaways/giveaway-schemas";
import { cancelGiveaway, startGiveaway } from "@/lib/giveaways/client";
import { LiveItemConsole, type TEngageConsoleProps } from "@/components/engage/engage-console";
import { FieldError } from "@/components/engage/engage-fields";
import { StartForm, useStartForm, type TStartFormProps } from "@/components/engage/start-form";
import { GiveawayStatus } from "@/components/giveaways/giveaway-status";
import { useRoomGiveaways } from "@/components/giveaways/use-room-giveaways";

/**
 * The console's giveaways: start one (product, duration, who may enter), follow its entrant count and clock,
 * then the winner; the show's earlier giveaways with their results. Admins may cancel a running one with a
 * reason (audit log). Live state rides the staff chat panel's connection, like the rest of the console.
 */
export function GiveawayConsole(props: TEngageConsoleProps) {
  const { roomId } = props;
  const list = useRoomGiveaways(roomId);
  return (
    <LiveItemConsole
      kind="giveaway"
      list={list}
      {...props}
      cancel={async (id, reason) => (await cancelGiveaway(roomId, id, reason)).giveaway}
      StartForm={GiveawayStartForm}
      status={(shown, now) => <GiveawayStatus giveaway={shown} now={now} meId={null} />}
      earlier={(before) => <EarlierGiveaways list={before} />}
    />
  );
}

function EarlierGiveaways({ list }: { list: TGiveawayView[] }) {
  const t = useTranslations("giveaways");
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="earlier-giveaways">
      {list.map((g) => (
        <li key={g.id} className="flex justify-between gap-3">
          <span className="min-w-0 truncate">{g.productName}</span>
          <span className="shrink-0 text-zinc-700">
            {g.status === "ENDED"
              ? g.winner
                ? t("wonBy", { name: g.winner.name })
                : t("endedNoEntries")
              : t(`status.${g.status}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function GiveawayStartForm({ roomId, products, onStarted }: TStartFormProps<TGiveawayView>) {
  const t = useTranslations("giveaways");
  const form = useStartForm("giveaways", products);
  const [entry, setEntry] = useState<TGiveawayEntry>("ANY");
  const submit = () =>
    form.run(async () => onStarted((await startGiveaway(roomId, { ...form.start, entry })).giveaway));

  return (
    <StartForm form={form} submit={submit} buttonClassName="sm:col-span-2">
      <fieldset aria-describedby={form.errors.entry ? "giveaway-entry-error" : undefined}>
        <legend className="mb-1 text-sm font-semibold text-zinc-800">{t("who")}</legend>
        {GIVEAWAY_ENTRY.map((value) => (
          <label key={value} className="flex items-center gap-2 py-0.5 text-sm text-zinc-800">
            <input
              type="radio"
              name="giveaway-entry"
              value={value}
              checked={entry === value}
              onChange={() => setEntry(value)}
              className="accent-brand-700 size-4"
            />
            {t(`whoOptions.${value}`)}
          </label>
        ))}
        <FieldError id="giveaway-entry-error" text={form.errors.entry} />
      </fieldset>
    </StartForm>
  );
}
