import { useTranslations } from "next-intl";
import { HomeLink, StatusPage } from "@/components/shell/status-page";

/** The 403 page: signed in, but this page is not for this account's role. */
export function AccessDenied() {
  const t = useTranslations("errors.forbidden");
  return (
    <StatusPage
      code={t("code")}
      title={t("title")}
      body={t("body")}
      actions={<HomeLink label={t("home")} />}
    />
  );
}
