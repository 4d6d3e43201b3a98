import "server-only";
import { OpenAPIGenerator } from "@orpc/openapi";
import { ZodToJsonSchemaConverter } from "@orpc/zod/zod4";
import { documentedContract } from "@/lib/api/contract";
import { api } from "@/server/api/base";

type TDocument = Awaited<ReturnType<OpenAPIGenerator["generate"]>>;

/** Every error answer, whatever its status: the contract's `{ error: { code, message, fields? } }`. */
const ERROR_BODY = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "string" } },
      },
    },
  },
} as const;

let document: Promise<TDocument> | undefined;

/** The OpenAPI document of the whole contract, generated once per process (the contract never changes at run time). */
export function openApiDocument(): Promise<TDocument> {
  document ??= new OpenAPIGenerator({ schemaConverters: [new ZodToJsonSchemaConverter()] }).generate(
    documentedContract,
    {
      info: {
        title: "OnAir API",
        version: "1",
        description:
          "The REST API of OnAir. Errors are `{ error: { code, message, fields? } }` (docs/API.md).",
      },
      servers: [{ url: "/api" }],
      customErrorResponseBodySchema: () => ERROR_BODY,
    },
  );
  return document;
}

export const openapi = api.openapi.handler(openApiDocument);
