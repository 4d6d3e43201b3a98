"use client";
import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { ApiRequestError } from "@/lib/api/request";

/** Turns a moderation call's failure into a sentence that says what to do next. */
export function useDescribeFailure() {
  const t = useTranslations("chat.staff.error");
  return useCallback(
    (failure: unknown): string => {
      if (!(failure instanceof ApiRequestError)) return t("server");
      if (failure.status === 0) return t("network");
      if (failure.status === 401) return t("unauthenticated");
      if (failure.status === 403) return t("forbidden");
      if (failure.status === 404) return t("notFound");
      if (failure.status === 400 || failure.status === 413) {
        const fields = Object.values(failure.fields);
        const detail = fields.length > 0 ? fields.join("; ") : failure.detail;
        return t("invalid", { detail: detail || failure.code });
      }
      return t("server");
    },
    [t],
  );
}
