/** A row of headline numbers. */
export function StatTiles({ items }: { items: { label: string; value: number }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm">
          <dt className="text-xs font-bold tracking-wide text-zinc-600 uppercase">{item.label}</dt>
          <dd className="mt-1 text-2xl font-black text-zinc-950 tabular-nums">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
