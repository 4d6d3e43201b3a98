import "server-only";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/request";
import { safeNextPath } from "@/server/pages/safe-next-path";

export type TAuthPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The title of /login (`signIn`) or /signup (`signUp`). */
export async function authMetadata(kind: "signIn" | "signUp"): Promise<Metadata> {
  return { title: (await getTranslations("auth"))(`${kind}Title`) };
}

/** Where /login and /signup send people on (`?next=`, same-site only); whoever is signed in already goes there now. */
export async function nextUnlessSignedIn({ searchParams }: TAuthPageProps): Promise<string | null> {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next ?? "/");
  return next;
}
