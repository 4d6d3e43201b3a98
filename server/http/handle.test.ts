import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "@/server/http/errors";
import { parseBody } from "@/server/http/handle";

const post = (body: string) => new Request("http://onair.test/api/x", { method: "POST", body });

describe("parseBody", () => {
  it("refuses text that is not valid Unicode anywhere in the body with 400 INVALID (Prisma would answer 500)", async () => {
    const schema = z.looseObject({});
    for (const body of ['{"name":"\\ud800"}', '{"a":{"b":["ok","x\\udfff"]}}', '{"\\ud800":1}']) {
      const err = (await parseBody(post(body), schema).catch((e: unknown) => e)) as ApiError;
      expect(err, body).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ status: 400, code: "INVALID" });
    }
    await expect(
      parseBody(post('{"name":"\\ud83d\\ude00 ok"}'), z.object({ name: z.string() })),
    ).resolves.toEqual({
      name: "😀 ok",
    });
  });
});
