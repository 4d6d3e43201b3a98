import "server-only";
import { isContractProcedure, type AnyContractRouter } from "@orpc/contract";
import { apiContract } from "@/lib/api/contract";

type TRoute = { method: string; pattern: RegExp };

function routesOf(router: AnyContractRouter, into: TRoute[] = []): TRoute[] {
  if (isContractProcedure(router)) {
    const { method = "POST", path = "/" } = router["~orpc"].route;
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    into.push({ method, pattern });
    return into;
  }
  for (const child of Object.values(router)) routesOf(child as AnyContractRouter, into);
  return into;
}

const ROUTES = routesOf(apiContract);

/** The methods the contract serves at `path` (under /api): a path it knows asked with another method is a 405. */
export function allowedMethods(path: string): string[] {
  return [...new Set(ROUTES.filter((r) => r.pattern.test(path)).map((r) => r.method))];
}
