import { z } from "zod";
import { fromDateTimeLocalValue } from "@/lib/format";
import { isTimeZone } from "@/lib/i18n/config";

/** Error messages are catalog keys under `showForm.errors`, translated where the form renders them. */
export const ZShowInput = z.object({
  title: z.string().trim().min(3, "titleTooShort").max(100, "titleTooLong"),
  description: z.string().trim().max(2000, "descriptionTooLong"),
  scheduledAt: z.string().trim().min(1, "scheduleRequired"),
  timeZone: z.string().refine(isTimeZone, "scheduleInvalid"),
  productIds: z
    .array(z.string().min(1).max(40))
    .max(30, "tooManyProducts")
    .refine((ids) => new Set(ids).size === ids.length, "duplicateProducts"),
});
export type TShowInput = z.infer<typeof ZShowInput>;

export type TShowFormState = {
  status: "idle" | "error";
  /** A form-level message (already translated). */
  message?: string;
  /** Field name → translated message. */
  fields?: Partial<Record<"title" | "description" | "scheduledAt" | "productIds", string>>;
};

/** Reads the show form's FormData into the shape ZShowInput validates. */
export function showInputFromForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    title: text("title"),
    description: text("description"),
    scheduledAt: text("scheduledAt"),
    timeZone: text("timeZone") || "UTC",
    productIds: form.getAll("productIds").filter((v): v is string => typeof v === "string"),
  };
}

/** Validates the form: either the input with its schedule resolved, or error keys by field. */
export function parseShowInput(
  raw: Record<string, unknown>,
  now: Date,
  options: { requireFuture: boolean },
): { ok: true; input: TShowInput; scheduledAt: Date } | { ok: false; errors: Record<string, string> } {
  const parsed = ZShowInput.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === "timeZone" ? "scheduledAt" : String(issue.path[0] ?? "_");
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const scheduledAt = fromDateTimeLocalValue(parsed.data.scheduledAt, parsed.data.timeZone);
  if (!scheduledAt) return { ok: false, errors: { scheduledAt: "scheduleInvalid" } };
  // A minute of grace: the form may have sat open while the seller typed.
  if (options.requireFuture && scheduledAt.getTime() < now.getTime() - 60_000) {
    return { ok: false, errors: { scheduledAt: "scheduleInPast" } };
  }
  return { ok: true, input: parsed.data, scheduledAt };
}
