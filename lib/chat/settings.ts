/** Chat settings and moderation request bodies of the REST API, shared by the routes and the studio UI. */
import { z } from "zod";
import { MAX_TEXT_LENGTH, type TSeparationMode } from "@/lib/chat/protocol";

export type TChatSettings = {
  separation: TSeparationMode;
  autoSeparateAbove: number;
  slowModeSeconds: number;
  frozen: boolean;
  blockedWords: string[];
};

/** Blocked words are compared lower-cased and trimmed; duplicates collapse. */
const ZBlockedWord = z
  .string()
  .trim()
  .min(1, "empty word")
  .max(50, "at most 50 characters")
  .transform((w) => w.normalize("NFKC").toLowerCase());

export const ZChatSettingsPatch = z
  .object({
    separation: z.enum(["OFF", "ON", "AUTO"]),
    autoSeparateAbove: z.number().int().min(2).max(1_000_000),
    slowModeSeconds: z.number().int().min(0).max(3600),
    frozen: z.boolean(),
    blockedWords: z
      .array(ZBlockedWord)
      .max(500, "at most 500 words")
      .transform((words) => [...new Set(words)]),
  })
  .partial()
  .strict();
export type TChatSettingsPatch = z.output<typeof ZChatSettingsPatch>;

export const ZNoticeRequest = z.object({
  text: z
    .string()
    .trim()
    .min(1, "empty notice")
    .max(MAX_TEXT_LENGTH, `at most ${MAX_TEXT_LENGTH} characters`),
});

export const ZSanctionRequest = z.object({
  userId: z.string().min(1).max(64),
  type: z.enum(["MUTE", "BAN"]),
  /** Omitted or null: until lifted. */
  minutes: z.number().int().min(1).max(525_600).nullish(),
});
export type TSanctionRequest = z.output<typeof ZSanctionRequest>;

export const ZSanctionType = z.enum(["MUTE", "BAN"]);
