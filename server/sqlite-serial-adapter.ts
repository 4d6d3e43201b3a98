import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/** A FIFO lock: each holder runs alone, in arrival order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return acquired;
  }
}

/**
 * better-sqlite3 gives a process ONE connection. Prisma's adapter queues interactive transactions behind
 * each other, but a plain query issued while a transaction is open runs *inside* it, and is undone if that
 * transaction rolls back: an acknowledged write could vanish. This wrapper makes every statement outside a
 * transaction wait until the open transaction commits or rolls back.
 * (Code inside `$transaction(async (tx) => ...)` must use `tx`, never `db`: `db` would wait for itself.)
 */
export function serializeSqliteAdapter(
  factory: SqlMigrationAwareDriverAdapterFactory,
  mutex = new Mutex(),
): SqlMigrationAwareDriverAdapterFactory {
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    const release = await mutex.lock();
    try {
      return await fn();
    } finally {
      release();
    }
  };

  const wrap = (inner: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: SqlQuery) => exclusive(() => inner.queryRaw(query)),
    executeRaw: (query: SqlQuery) => exclusive(() => inner.executeRaw(query)),
    executeScript: (script: string) => exclusive(() => inner.executeScript(script)),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => inner.dispose(),
    async startTransaction(isolationLevel) {
      const release = await mutex.lock();
      let tx: Transaction;
      try {
        tx = await inner.startTransaction(isolationLevel);
      } catch (err) {
        release();
        throw err;
      }
      let open = true;
      const finish = () => {
        if (open) {
          open = false;
          release();
        }
      };
      return {
        provider: tx.provider,
        adapterName: tx.adapterName,
        options: tx.options,
        queryRaw: (query: SqlQuery) => tx.queryRaw(query),
        executeRaw: (query: SqlQuery) => tx.executeRaw(query),
        commit: () => tx.commit().finally(finish),
        rollback: () => tx.rollback().finally(finish),
      };
    },
  });

  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  };
}
