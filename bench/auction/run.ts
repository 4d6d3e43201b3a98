/**
 * The engagement benchmark (see bench/auction.ts): a real chat tier (master + 2 slaves, child processes, a
 * fresh SQLite file), real Socket.IO clients in this process.
 *
 * 1. Auction under fire: `bidders` signed-in clients over two slaves bid as fast as their acks (and the bid
 *    rate limit) allow for `seconds`; slave 2 is SIGKILLed midway, its clients move to slave 1 and go on.
 *    Checked afterwards against the database: every accepted ack is in the stored history at its seq, the
 *    history rises by at least the increment (so no two bids ever led at the same amount), the winner is
 *    the highest accepted bid with its order, and every connected viewer's last auction:update is the final.
 * 2. Likes vs chat: `likers` clients tap 5 times a second each; then the same clients receive chat at
 *    `chatRate` messages/s. Server CPU seconds (master + slaves) per phase are compared.
 */
import "@/server/chat/test/fresh-db";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Cluster } from "@/server/chat/test/cluster";
import { TestClient } from "@/server/chat/test/client";
import { LikeBatcher } from "@/lib/chat/like-batcher";
import { cpuSeconds } from "@/bench/chat/proc";
import { Histogram, nowMs } from "@/bench/chat/stats";
import { db } from "@/server/db";
import { createAuction } from "@/server/auctions/create-auction";
import { minNextBid, type TAuctionView } from "@/lib/auctions/auction-schemas";

export type TAuctionBenchConfig = {
  bidders: number;
  seconds: number;
  viewers: number;
  likers: number;
  tapsPerSecond: number;
  chatRate: number;
  phaseSeconds: number;
  out: string;
};

type TAccepted = { userId: string; amount: number; seq: number; sentAt: number };
type TViewer = {
  client: TestClient;
  events: { at: number; bidCount: number }[];
  connectedFrom: number;
  slave: number;
  /** When its socket dropped (its slave was killed): the start of its gap. */
  disconnectedAt?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load1 = () => Number(os.loadavg()[0]?.toFixed(2));
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

function serverCpu(cluster: Cluster): number {
  let sum = 0;
  for (const p of [cluster.master, ...cluster.slaves]) {
    const pid = p.child?.pid;
    if (pid) sum += cpuSeconds(pid);
  }
  return sum;
}

/**
 * Runs `fn(i)` for i < n, at most `size` at a time: set-up only (sign-ups and joins), so that hundreds of
 * sockets joining in the same instant on a loaded machine do not time out before the measured part starts.
 */
async function inBatches<R>(n: number, size: number, fn: (i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < n; start += size)
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, n - start) }, (_, k) => fn(start + k)))),
    );
  return out;
}

/** A client on slave `slave`, recording when it saw each auction state. */
async function viewer(cluster: Cluster, slave: number, token?: string): Promise<TViewer> {
  const { client } = await TestClient.joined(cluster.slaveUrl(slave), cluster.roomId, token);
  const v: TViewer = { client, events: [], connectedFrom: nowMs(), slave };
  watch(v, client);
  return v;
}

/** Records `client`'s auction updates and the moment it lost its slave on `v`. */
function watch(v: TViewer, client: TestClient): void {
  client.socket.on("auction:update", (u) => v.events.push({ at: nowMs(), bidCount: u.bidCount }));
  client.socket.on("disconnect", () => (v.disconnectedAt ??= nowMs()));
}

/** Moves a viewer whose slave died to the surviving slave, as ChatClient would; its gap is excluded. */
async function moveToSurvivor(cluster: Cluster, v: TViewer, token?: string): Promise<void> {
  const from = v.disconnectedAt ?? nowMs();
  v.client.close();
  const { client } = await TestClient.joined(cluster.slaveUrl(0), cluster.roomId, token);
  v.client = client;
  v.disconnectedAt = undefined;
  watch(v, client);
  gaps.set(v, { from, to: nowMs() });
}

/** First time this viewer saw a state at least as new as `seq`, or null. */
/** Viewers' time away from any slave, per viewer: bids sent then are not counted in their delays. */
const gaps = new Map<TViewer, { from: number; to: number }>();

function seenAt(v: TViewer, seq: number): number | null {
  let lo = 0;
  let hi = v.events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.events[mid]!.bidCount >= seq) hi = mid;
    else lo = mid + 1;
  }
  return v.events[lo]?.at ?? null;
}

async function auctionPhase(cluster: Cluster, cfg: TAuctionBenchConfig) {
  const listing = await db.roomProduct.findFirstOrThrow({
    where: { roomId: cluster.roomId },
    orderBy: { position: "asc" },
  });
  await db.product.update({ where: { id: listing.productId }, data: { stock: 1000 } });
  const users = await inBatches(cfg.bidders, 50, (i) => cluster.newUser(`Bidder${i}`));
  const bidders = await inBatches(users.length, 50, async (i) => ({
    user: users[i]!,
    v: await viewer(cluster, i % 2, users[i]!.token),
  }));
  const guests = await inBatches(cfg.viewers, 50, (i) => viewer(cluster, i % 2));
  const increment = 100;
  const auction = await createAuction(cluster.sellerId, cluster.roomId, {
    productId: listing.productId,
    startPriceMinor: 1000,
    minIncrementMinor: increment,
    durationSeconds: cfg.seconds + 5,
  });
  const everyone = [...bidders.map((b) => b.v), ...guests];
  // Viewers on the killed slave reconnect: events before the kill stay, the gap is excluded per bid.
  gaps.clear();

  const accepted: TAccepted[] = [];
  const refused: Record<string, number> = {};
  const ackAll = new Histogram();
  const ackAccepted = new Histogram();
  let attempts = 0;
  let lostAcks = 0;
  const started = nowMs();
  const stopAt = started + cfg.seconds * 1000;
  let known: TAuctionView = auction;
  const learn = (a: TAuctionView | undefined) => {
    if (a && a.bidCount > known.bidCount) known = a;
  };

  const killAt = started + (cfg.seconds * 1000) / 2;
  const killer = (async () => {
    await sleep(killAt - nowMs());
    const t = nowMs();
    await cluster.stopSlave(1, "SIGKILL");
    return t;
  })();

  async function bidLoop(b: { user: { id: string; token: string }; v: TViewer }) {
    while (nowMs() < stopAt) {
      if (!b.v.client.socket.connected) {
        await moveToSurvivor(cluster, b.v, b.user.token);
        continue;
      }
      const amount = minNextBid(known) + increment * Math.floor(Math.random() * 3);
      const sentAt = nowMs();
      attempts += 1;
      let ack;
      try {
        ack = await b.v.client.bid(auction.id, amount);
      } catch {
        lostAcks += 1;
        continue;
      }
      const ms = nowMs() - sentAt;
      ackAll.add(ms);
      if (ack.ok) {
        ackAccepted.add(ms);
        accepted.push({ userId: b.user.id, amount, seq: ack.auction.bidCount, sentAt });
        learn(ack.auction);
      } else {
        refused[ack.error.code] = (refused[ack.error.code] ?? 0) + 1;
        learn(ack.error.auction);
        if (ack.error.code === "RATE_LIMITED") await sleep(ack.error.retryAfterMs ?? 200);
        if (ack.error.code === "AUCTION_ENDED") return;
      }
    }
  }
  // Guests of the dead slave move too (they only watch), as soon as they notice.
  const moving = new Set<TViewer>();
  const guestMover = setInterval(() => {
    for (const g of guests)
      if (!g.client.socket.connected && !moving.has(g)) {
        moving.add(g);
        void moveToSurvivor(cluster, g)
          .catch(() => undefined)
          .finally(() => moving.delete(g));
      }
  }, 100);
  const loadStart = load1();
  await Promise.all(bidders.map(bidLoop));
  const killedAt = await killer;
  const biddingMs = nowMs() - started;
  clearInterval(guestMover);
  while (moving.size > 0) await sleep(50);
  for (const g of guests) if (!g.client.socket.connected) await moveToSurvivor(cluster, g);

  // The clock runs out at most 10 s after the last bid; the master ends it and tells everyone.
  const row = await db.auction.findUniqueOrThrow({ where: { id: auction.id } });
  await sleep(Math.max(0, row.endsAt.getTime() - Date.now()) + 1500);
  const deadline = Date.now() + 15_000;
  while (
    Date.now() < deadline &&
    (await db.auction.findUniqueOrThrow({ where: { id: auction.id } })).status === "RUNNING"
  )
    await sleep(200);
  await sleep(1000);

  const final = await db.auction.findUniqueOrThrow({ where: { id: auction.id } });
  const stored = await db.auctionBid.findMany({ where: { auctionId: auction.id }, orderBy: { seq: "asc" } });
  const bySeq = new Map(stored.map((s) => [s.seq, s]));
  const missing = accepted.filter((a) => {
    const s = bySeq.get(a.seq);
    return !s || s.userId !== a.userId || s.amountMinor !== a.amount;
  });
  let rises = true;
  for (let i = 1; i < stored.length; i++)
    if (stored[i]!.amountMinor - stored[i - 1]!.amountMinor < increment || stored[i]!.seq !== i + 1)
      rises = false;
  const maxAccepted = accepted.reduce((m, a) => Math.max(m, a.amount), 0);
  const order = final.orderId ? await db.order.findUnique({ where: { id: final.orderId } }) : null;
  const lastUpdates = everyone.map((v) => v.client.auctions.filter((u) => u.auctionId === auction.id).at(-1));
  const agree = lastUpdates.filter(
    (u) =>
      u &&
      u.status === "ENDED" &&
      u.bidCount === final.bidCount &&
      u.highestBidMinor === final.highestBidMinor &&
      u.leader?.id === final.leaderId,
  ).length;

  // Bid → every viewer: for each accepted bid, the latest first sighting among viewers connected throughout.
  const fanout = new Histogram();
  for (const a of accepted) {
    let worst = 0;
    let complete = true;
    for (const v of everyone) {
      const gap = gaps.get(v);
      if (gap && gap.from <= a.sentAt + 5000 && a.sentAt <= gap.to) continue;
      const at = seenAt(v, a.seq);
      if (at === null) {
        complete = false;
        continue;
      }
      worst = Math.max(worst, at - a.sentAt);
    }
    if (complete) fanout.add(worst);
  }
  for (const v of everyone) v.client.close();
  return {
    bidders: cfg.bidders,
    viewers: everyone.length,
    seconds: round(biddingMs / 1000),
    slaveKilledAtSecond: round((killedAt - started) / 1000),
    attempts,
    accepted: accepted.length,
    acceptedPerSecond: round(accepted.length / (biddingMs / 1000)),
    attemptsPerSecond: round(attempts / (biddingMs / 1000)),
    refused,
    lostAcks,
    ackMs: { p50: round(ackAll.percentile(50), 2), p99: round(ackAll.percentile(99), 2) },
    acceptedAckMs: { p50: round(ackAccepted.percentile(50), 2), p99: round(ackAccepted.percentile(99), 2) },
    bidToEveryViewerMs: {
      bids: fanout.count,
      p50: round(fanout.percentile(50), 2),
      p99: round(fanout.percentile(99), 2),
      max: round(fanout.max, 2),
    },
    checks: {
      everyAcceptedAckStoredAtItsSeq: missing.length === 0,
      missingAccepted: missing.length,
      storedBids: stored.length,
      historyRisesByIncrement: rises,
      distinctAmounts: new Set(stored.map((s) => s.amountMinor)).size === stored.length,
      finalStatus: final.status,
      winnerIsHighestAccepted:
        final.highestBidMinor === maxAccepted && stored.at(-1)?.userId === final.leaderId,
      winnerOrder: order
        ? {
            status: order.status,
            unitPriceMinor: order.unitPriceMinor,
            buyerIsLeader: order.buyerId === final.leaderId,
          }
        : null,
      viewersAgreeOnLastUpdate: `${agree}/${everyone.length}`,
    },
    load1: { start: loadStart, end: load1() },
  };
}

async function likesVersusChat(cluster: Cluster, cfg: TAuctionBenchConfig) {
  await cluster.startSlave(1);
  await cluster.waitForSlaves(2);
  const clients = await inBatches(cfg.likers, 100, (i) =>
    TestClient.joined(cluster.slaveUrl(i % 2), cluster.roomId).then((r) => r.client),
  );
  await sleep(2000);

  // Likes: every client taps tapsPerSecond times a second, evenly spread.
  const cpu0 = serverCpu(cluster);
  const t0 = nowMs();
  let taps = 0;
  const tapEvery = 1000 / cfg.tapsPerSecond;
  const timers2: NodeJS.Timeout[] = [];
  // Each client batches its taps as the browser does (lib/chat/like-batcher.ts): at most 2 packets a second.
  const batchers = clients.map(
    (c) => new LikeBatcher((count) => c.socket.emit("like:tap", { roomId: cluster.roomId, count })),
  );
  const timers = clients.map((c, i) =>
    setTimeout(
      () => {
        const timer = setInterval(() => {
          batchers[i]!.tap();
          taps += 1;
        }, tapEvery);
        timers2.push(timer);
      },
      (i * tapEvery) / clients.length,
    ),
  );
  const loadLikes = load1();
  await sleep(cfg.phaseSeconds * 1000);
  timers.forEach(clearTimeout);
  timers2.forEach(clearInterval);
  batchers.forEach((b) => b.flush());
  const likeSeconds = (nowMs() - t0) / 1000;
  const likeCpu = serverCpu(cluster) - cpu0;
  await sleep(1000);
  const likeFrames = clients.reduce((s, c) => s + c.likes.length, 0);
  const total = Math.max(...clients.map((c) => c.likes.at(-1)?.total ?? 0));

  // Chat at chatRate messages/s from 2.5 senders per message/s (the per-user limit is 1/s), to the same clients.
  const senders = await inBatches(Math.ceil(cfg.chatRate * 2.5), 50, async (i) => {
    const u = await cluster.newUser(`Talker${i}`);
    return (await TestClient.joined(cluster.slaveUrl(i % 2), cluster.roomId, u.token)).client;
  });
  await sleep(1000);
  const before = clients.reduce((s, c) => s + c.messages.length, 0);
  const cpu1 = serverCpu(cluster);
  const t1 = nowMs();
  let sent = 0;
  let turn = 0;
  const chatTimer = setInterval(() => {
    const s = senders[turn++ % senders.length]!;
    void s.send(`bench ${sent++}`).catch(() => undefined);
  }, 1000 / cfg.chatRate);
  const loadChat = load1();
  await sleep(cfg.phaseSeconds * 1000);
  clearInterval(chatTimer);
  const chatSeconds = (nowMs() - t1) / 1000;
  const chatCpu = serverCpu(cluster) - cpu1;
  await sleep(1000);
  const chatDeliveries = clients.reduce((s, c) => s + c.messages.length, 0) - before;
  for (const c of [...clients, ...senders]) c.close();
  return {
    clients: cfg.likers,
    likes: {
      tapsPerSecond: round(taps / likeSeconds),
      serverCpuSeconds: round(likeCpu, 2),
      serverCpuPerSecond: round(likeCpu / likeSeconds, 3),
      likeCountFramesPerClientPerSecond: round(likeFrames / clients.length / likeSeconds, 2),
      finalTotal: total,
      load1: loadLikes,
    },
    chat: {
      messagesPerSecond: round(sent / chatSeconds),
      deliveriesPerSecond: round(chatDeliveries / chatSeconds),
      serverCpuSeconds: round(chatCpu, 2),
      serverCpuPerSecond: round(chatCpu / chatSeconds, 3),
      load1: loadChat,
    },
    likesCostPerChatCost: round(likeCpu / likeSeconds / (chatCpu / chatSeconds), 2),
  };
}

export async function runAuctionBench(cfg: TAuctionBenchConfig): Promise<void> {
  const cluster = await Cluster.start(2);
  try {
    console.log(
      `auction: ${cfg.bidders} bidders + ${cfg.viewers} viewers over 2 slaves, ${cfg.seconds} s, slave 2 killed midway (load ${load1()})`,
    );
    const auction = await auctionPhase(cluster, cfg);
    console.table({
      "accepted bids/s": auction.acceptedPerSecond,
      "attempts/s": auction.attemptsPerSecond,
      "ack p50 / p99 ms (all)": `${auction.ackMs.p50} / ${auction.ackMs.p99}`,
      "ack p50 / p99 ms (accepted)": `${auction.acceptedAckMs.p50} / ${auction.acceptedAckMs.p99}`,
      "bid → every viewer p50 / p99 ms": `${auction.bidToEveryViewerMs.p50} / ${auction.bidToEveryViewerMs.p99}`,
      "accepted acks stored at their seq": auction.checks.everyAcceptedAckStoredAtItsSeq,
      "history rises by the increment": auction.checks.historyRisesByIncrement,
      "winner = highest accepted, order": `${auction.checks.winnerIsHighestAccepted} ${JSON.stringify(auction.checks.winnerOrder)}`,
      "viewers agree on last update": auction.checks.viewersAgreeOnLastUpdate,
    });
    console.log(
      `likes vs chat: ${cfg.likers} clients, ${cfg.tapsPerSecond} taps/s each vs chat at ${cfg.chatRate} msg/s, ${cfg.phaseSeconds} s each`,
    );
    const likes = await likesVersusChat(cluster, cfg);
    console.table({
      likes: {
        "server CPU s/s": likes.likes.serverCpuPerSecond,
        "input/s": likes.likes.tapsPerSecond,
        "frames/client/s": likes.likes.likeCountFramesPerClientPerSecond,
        load1: likes.likes.load1,
      },
      chat: {
        "server CPU s/s": likes.chat.serverCpuPerSecond,
        "input/s": likes.chat.messagesPerSecond,
        "frames/client/s": round(likes.chat.deliveriesPerSecond / cfg.likers, 2),
        load1: likes.chat.load1,
      },
    });
    console.log(`likes cost ${likes.likesCostPerChatCost}x chat's server CPU`);
    mkdirSync(path.dirname(cfg.out), { recursive: true });
    writeFileSync(
      cfg.out,
      JSON.stringify({ cfg, at: new Date().toISOString(), auction, likes }, null, 2) + "\n",
    );
    console.log(`wrote ${cfg.out}`);
  } finally {
    await cluster.stop();
  }
}
