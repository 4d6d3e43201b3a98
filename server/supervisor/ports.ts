import { createServer } from "node:net";

export type TPortClaim = { port: number; host: string; variable: string; tier: string };

/** Resolves when the port can be bound, rejects with the OS error code otherwise. */
function probe(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** The first claim whose port is taken, with a message naming the port and the variable that moves it. */
export async function findTakenPort(claims: TPortClaim[]): Promise<string | null> {
  for (const claim of claims) {
    try {
      await probe(claim.port, claim.host);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === "EADDRINUSE" ? "is already in use" : `cannot be used (${code})`;
      return `Port ${claim.port} (${claim.tier}) ${why}. Stop what uses it, or set ${claim.variable} to another port.`;
    }
  }
  return null;
}
