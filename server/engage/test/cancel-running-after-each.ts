import { afterEach } from "vitest";
import type { TFinishHow } from "@/server/engage/finish-live-item";

/** After each test, an admin cancels whatever item still runs, so each case starts with none running. */
export function cancelRunningAfterEach(opts: {
  running: () => Promise<{ id: string }[]>;
  finish: (id: string, how: TFinishHow) => Promise<unknown>;
  adminId: () => string;
}): void {
  afterEach(async () => {
    for (const { id } of await opts.running())
      await opts.finish(id, { kind: "cancel", actorId: opts.adminId(), reason: "test cleanup" });
  });
}
