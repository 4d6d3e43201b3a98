import Link from "next/link";
import type { ReactNode } from "react";
import { buttonStyles } from "@/components/ui/button-styles";

/** A centred page for 403/404/500 and friends. */
export function StatusPage({
  code,
  title,
  body,
  actions,
}: {
  code: string;
  title: string;
  body: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center">
      <p className="text-brand-700 text-sm font-bold tracking-widest uppercase">{code}</p>
      <h1 className="mt-2 text-3xl font-black tracking-tight text-zinc-950 sm:text-4xl">{title}</h1>
      <p className="mt-3 text-zinc-600">{body}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div>
    </div>
  );
}

export function HomeLink({ label }: { label: string }) {
  return (
    <Link href="/" className={buttonStyles({ variant: "primary" })}>
      {label}
    </Link>
  );
}
