/**
 * Steady chat traffic for multi-host and fault tests: signed-in senders spread over the slaves, one
 * listener per slave, all `ChatClient`s that move to another slave (asked through the control client,
 * which follows the active master) when theirs dies. Counts what was acknowledged, stored and delivered.
 */
import { ChatClient, type TChatNodeRef } from "@/lib/chat/client";
import type { TMessage } from "@/lib/chat/protocol";
import { db } from "@/server/db";
import { assignNode } from "@/server/chat/control-client";
import { waitFor } from "@/server/test/wait-for";

export type TChatTally = {
  sent: number;
  acked: number;
  refused: number;
  stored: number;
  delivered: number;
  missing: string[];
};

export class ChatLoad {
  readonly acked = new Map<string, TMessage>();
  refused = 0;
  sent = 0;
  private running = false;
  private loops: Promise<void>[] = [];

  /** When each acknowledged message was acknowledged, and when it had reached every listener. */
  private readonly ackAt = new Map<string, number>();
  private readonly seenBy = new Map<string, number>();
  private readonly everywhereAt = new Map<string, number>();

  private constructor(
    readonly roomId: string,
    readonly listeners: ChatClient[],
    readonly senders: ChatClient[],
  ) {
    for (const listener of listeners) {
      listener.on("message", (m) => {
        const seen = (this.seenBy.get(m.id) ?? 0) + 1;
        this.seenBy.set(m.id, seen);
        if (seen === this.listeners.length) this.everywhereAt.set(m.id, Date.now());
      });
    }
  }

  /** `slaveUrls[i]`/`nodeIds[i]`: where client i starts. Tokens: one per sender. */
  static async connect(opts: {
    roomId: string;
    slaves: TChatNodeRef[];
    tokens: string[];
  }): Promise<ChatLoad> {
    const client = (home: TChatNodeRef, token?: string) => {
      let first = true;
      const resolveNode = async (exclude: string[]): Promise<TChatNodeRef> => {
        if (first && !exclude.includes(home.nodeId)) {
          first = false;
          return home;
        }
        return assignNode(opts.roomId, exclude);
      };
      return new ChatClient({ roomId: opts.roomId, token, resolveNode }).start();
    };
    const pick = (i: number) => opts.slaves[i % opts.slaves.length] ?? { nodeId: "", url: "" };
    const load = new ChatLoad(
      opts.roomId,
      opts.slaves.map((s) => client(s)),
      opts.tokens.map((t, i) => client(pick(i), t)),
    );
    await waitFor(
      () => load.all().every((c) => c.status === "connected"),
      20_000,
      "every chat client connected",
      50,
    );
    return load;
  }

  all(): ChatClient[] {
    return [...this.listeners, ...this.senders];
  }

  /** Each sender sends about once per `everyMs` (the per-user rate limit is 1/s after a burst of 5). */
  start(everyMs = 1100): void {
    this.running = true;
    this.loops = this.senders.map(async (sender, i) => {
      await sleep((i * everyMs) / this.senders.length);
      for (let n = 0; this.running && n < 100_000; n++) {
        this.sent += 1;
        const ack = await sender.send(`load s${i} #${n}`);
        if (ack.ok) {
          this.acked.set(ack.message.id, ack.message);
          this.ackAt.set(ack.message.id, Date.now());
        } else this.refused += 1;
        await sleep(everyMs);
      }
    });
  }

  /**
   * When chat worked across slaves again after `t`: the earliest moment a message acknowledged after `t`
   * had reached every listener (they sit on different slaves), or null.
   */
  crossedAfter(t: number): number | null {
    let first: number | null = null;
    for (const [id, at] of this.everywhereAt) {
      if ((this.ackAt.get(id) ?? 0) > t && (first === null || at < first)) first = at;
    }
    return first;
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Acknowledged ids so far (a phase boundary for per-fault figures). */
  ackedIds(): string[] {
    return [...this.acked.keys()];
  }

  /**
   * For the acknowledged `ids`: how many are stored, and how many reached every listener (waiting up to
   * `waitMs` for late deliveries and backfills).
   */
  async tally(ids: string[], waitMs = 10_000): Promise<TChatTally> {
    const everyone = () =>
      ids.filter((id) => this.listeners.every((l) => l.messages().some((m) => m.id === id)));
    const deadline = Date.now() + waitMs;
    while (everyone().length < ids.length && Date.now() < deadline) await sleep(100);
    const delivered = everyone();
    const stored = await db.chatMessage.count({ where: { id: { in: ids.map(Number) } } });
    const have = new Set(delivered);
    return {
      sent: this.sent,
      acked: ids.length,
      refused: this.refused,
      stored,
      delivered: delivered.length,
      missing: ids.filter((id) => !have.has(id)).slice(0, 10),
    };
  }

  close(): void {
    this.all().forEach((c) => c.close());
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
