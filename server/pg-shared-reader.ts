import pg from "pg";

/** A read that many callers share one PostgreSQL connection for (see `sharedReader`). */
export type TSharedReader = {
  query<R extends pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>>;
  /** Closes the connection (the next read opens a new one). */
  end(): Promise<void>;
};

/** pg's Client refs and unrefs its socket (pg/lib/client.js); its type declarations leave that out. */
const refs = (client: pg.Client) => client as unknown as { ref(): void; unref(): void };

/**
 * One connection in pg's pipeline mode that every caller sends its reads down at once: each query goes out
 * as it is asked and PostgreSQL answers them in order. For point reads on the hot path (the session behind
 * every checkout): on a pool each read first waits for a free connection, and in a burst of 2,000 checkouts
 * the pool's 10 connections queued 1,400 of them for a median 1.1 s (docs/PERFORMANCE.md), while the
 * database's own work for each is 0.05 ms. Only for short reads: one slow statement delays every read
 * behind it. Opened on the first read; a lost connection is replaced by the next one.
 */
export function sharedReader(connectionString: string, onLost: (err: Error) => void): TSharedReader {
  let current: Promise<pg.Client> | null = null;
  const open = (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString, pipeline: true });
    const opened = client.connect().then(() => client);
    const forget = () => {
      if (current === opened) current = null;
    };
    // Queries already sent fail with the connection; the next read opens a new one.
    client.on("error", (err) => {
      onLost(err);
      forget();
    });
    client.on("end", forget);
    opened.catch(forget);
    return opened;
  };
  // The connection keeps the process alive only while a read waits on it: an idle one must not hold a
  // script or a worker open after its work is done (a pool's idle connections close after 10 s instead).
  let waiting = 0;
  return {
    async query<R extends pg.QueryResultRow>(config: pg.QueryConfig) {
      const opened = (current ??= open());
      waiting++;
      try {
        const client = await opened;
        refs(client).ref();
        return await client.query<R>(config);
      } finally {
        if (--waiting === 0)
          opened.then(
            (client) => waiting === 0 && refs(client).unref(),
            () => undefined,
          );
      }
    },
    async end() {
      const closing = current;
      current = null;
      if (closing) await (await closing.catch(() => null))?.end();
    },
  };
}
