"use client";
import { useTranslations } from "next-intl";
import { HomeLink, StatusPage } from "@/components/shell/status-page";
import { buttonStyles } from "@/components/ui/button-styles";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations("errors.generic");
  return (
    <StatusPage
      code={t("code")}
      title={t("title")}
      body={error.digest ? t("bodyWithRef", { ref: error.digest }) : t("body")}
      actions={
        <>
          <button type="button" onClick={reset} className={buttonStyles({ variant: "secondary" })}>
            {t("retry")}
          </button>
          <HomeLink label={t("home")} />
        </>
      }
    />
  );
}
