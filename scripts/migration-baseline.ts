/**
 * On 2026-12-07 each database's migration history was squashed into one baseline, `0001_baseline`: the old
 * migrations' SQL, unchanged and in order, each under a `-- ==== <old name>` line. A fresh database runs the
 * baseline. A database made before already has the schema it builds, so it is moved onto the baseline by
 * rewriting its history (the old names out, the baseline in), never by running SQL. A database that has
 * only some of the old migrations is refused: the steps it lacks are no longer in the tree.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const BASELINE = "0001_baseline";

/** The last commit whose tree still has the old migrations, for a database that lacks some of them. */
const LAST_COMMIT_WITH_OLD_MIGRATIONS = "04f419d";

export function baselineSql(migrationsDir: string): string {
  return readFileSync(path.join(migrationsDir, BASELINE, "migration.sql"), "utf8");
}

/** The old migrations the baseline holds, from its `-- ==== <name>` lines. */
export function squashedNames(sql: string): string[] {
  return [...sql.matchAll(/^-- ==== (\S+)$/gm)].map((match) => match[1]!);
}

export type TBaselineStep =
  { kind: "none" } | { kind: "adopt"; squashed: string[] } | { kind: "refuse"; message: string };

/** What a database whose history records `applied` needs before the pending migrations run. */
export function baselineStep(applied: readonly string[], squashed: readonly string[]): TBaselineStep {
  const done = new Set(applied);
  if (done.has(BASELINE) || !squashed.some((name) => done.has(name))) return { kind: "none" };
  const missing = squashed.filter((name) => !done.has(name));
  if (missing.length > 0) {
    return {
      kind: "refuse",
      message:
        `This database predates the migration baseline of 2026-12-07 and lacks ${missing.join(", ")}. ` +
        `Start it once with OnAir at commit ${LAST_COMMIT_WITH_OLD_MIGRATIONS} (or earlier) to finish those ` +
        "migrations, then upgrade. Nothing was changed.",
    };
  }
  return { kind: "adopt", squashed: [...squashed] };
}
