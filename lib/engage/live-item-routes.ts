import { z } from "zod";
import { route, ZIdParams, ZRouteId } from "@/lib/api/contract-kit";
import { ZCancelLiveItemRequest, type TLiveItemKind } from "@/lib/engage/live-items";

/**
 * The routes every live item has under `/rooms/{id}/<kind>s`, as server/engage serves them: room staff start
 * one (201 `{ <kind> }`), an ADMIN cancels a running one with a reason (`{ <kind> }`, audit log
 * `<kind>.cancel`, the unit back in stock; 409 `<KIND>_ENDED`). `params` is the cancel route's `{ id,
 * <kind>Id }`. Each feature adds its own reads.
 */
export function liveItemRoutes<K extends TLiveItemKind, I extends z.ZodType, B extends z.ZodType>(
  kind: K,
  item: I,
  body: B,
) {
  const one = z.object({ [kind]: item } as Record<K, I>);
  const params = z.object({ id: ZRouteId, [`${kind}Id`]: ZRouteId } as { id: typeof ZRouteId } & Record<
    `${K}Id`,
    typeof ZRouteId
  >);
  return {
    params,
    start: route
      .post(`/rooms/{id}/${kind}s`, `Room staff start a new ${kind} → \`{ ${kind} }\`.`, {
        successStatus: 201,
      })
      .input(z.object({ params: ZIdParams, body }))
      .output(one),
    cancel: route
      .post(
        `/rooms/{id}/${kind}s/{${kind}Id}/cancel`,
        `ADMIN: cancels a running ${kind} with a reason (audit log \`${kind}.cancel\`), the unit back in stock; 409 ${kind.toUpperCase()}_ENDED.`,
      )
      .input(z.object({ params, body: ZCancelLiveItemRequest }))
      .output(one),
  };
}
