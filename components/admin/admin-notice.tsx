import { cx } from "@/components/ui/cx";

/** What an admin action reports back: success is announced politely, a failure as an alert. */
export type TAdminMessage = { tone: "ok" | "error"; text: string };

/** The result line above (or below, in a form) an admin table or panel. */
export function AdminNotice({
  message,
  placement = "mb-3",
}: {
  message: TAdminMessage | null;
  placement?: "mb-3" | "mt-3";
}) {
  if (!message) return null;
  return (
    <p
      role={message.tone === "ok" ? "status" : "alert"}
      className={cx(
        "rounded-lg px-3 py-2 text-sm",
        placement,
        message.tone === "ok" ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800",
      )}
    >
      {message.text}
    </p>
  );
}
