/** A row of headline numbers. */
export function StatTiles({ items }: { items: { label: string; value: number | string; hint?: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {items.map((item) => (
        <div key={item.label} className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-bold tracking-wide text-zinc-600 uppercase">{item.label}</dt>
          <dd className="mt-1 text-2xl font-black text-zinc-950 tabular-nums">{item.value}</dd>
          {item.hint && <dd className="text-xs text-zinc-600">{item.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
