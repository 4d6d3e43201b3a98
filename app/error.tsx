"use client";
import { useTranslations } from "next-intl";
import { HomeLink, StatusPage } from "@/components/shell/status-page";
import { Button } from "@/components/ui/button";

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
          <Button onClick={reset} variant="secondary">
            {t("retry")}
          </Button>
          <HomeLink label={t("home")} />
        </>
      }
    />
  );
}
