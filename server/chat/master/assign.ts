export type TAssignable = { nodeId: string; url: string; connections: number; draining: boolean };

/**
 * The slave a new client of a room should use: fewest connections first, never a draining one. When the
 * client excluded every live slave (it may have given up on one that recovered), the exclusion is relaxed
 * rather than leaving it without a node.
 */
export function pickNode<T extends TAssignable>(slaves: T[], exclude: ReadonlySet<string>): T | null {
  const usable = slaves.filter((s) => !s.draining);
  const preferred = usable.filter((s) => !exclude.has(s.nodeId));
  const pool = preferred.length > 0 ? preferred : usable;
  let best: T | null = null;
  for (const s of pool) {
    if (
      !best ||
      s.connections < best.connections ||
      (s.connections === best.connections && s.nodeId < best.nodeId)
    )
      best = s;
  }
  return best;
}
