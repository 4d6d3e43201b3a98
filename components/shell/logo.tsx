import Link from "next/link";

/** The OnAir wordmark, linking home. */
export function Logo({ label }: { label: string }) {
  return (
    <Link
      href="/"
      className="flex items-center gap-2 rounded-md font-black tracking-tight text-zinc-950"
      aria-label={label}
    >
      <span
        aria-hidden="true"
        className="bg-brand-700 relative grid size-8 place-items-center rounded-lg text-white shadow-sm"
      >
        <svg
          viewBox="0 0 24 24"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.2"
          strokeLinecap="round"
        >
          <circle cx="12" cy="12" r="2.5" fill="currentColor" stroke="none" />
          <path d="M7.8 7.8a6 6 0 0 0 0 8.4M16.2 7.8a6 6 0 0 1 0 8.4" />
        </svg>
        <span className="bg-live absolute -top-0.5 -right-0.5 size-2.5 rounded-full ring-2 ring-white" />
      </span>
      <span aria-hidden="true" className="text-xl">
        On<span className="text-brand-700">Air</span>
      </span>
    </Link>
  );
}
