import { getTranslations } from "next-intl/server";
import { HomeLink, StatusPage } from "@/components/shell/status-page";

export default async function NotFound() {
  const t = await getTranslations("errors.notFound");
  return (
    <StatusPage code="404" title={t("title")} body={t("body")} actions={<HomeLink label={t("home")} />} />
  );
}
