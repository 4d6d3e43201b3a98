import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/request";
import { safeNextPath } from "@/server/pages/safe-next-path";
import { AuthCard } from "@/components/auth/auth-card";
import { SignupForm } from "@/components/auth/signup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignupPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next ?? "/");
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("signUpTitle")} lead={t("signUpLead")}>
      <SignupForm next={next} />
    </AuthCard>
  );
}
