import type { TRoomConfig } from "@/lib/chat/node-protocol";
import type { TChatError } from "@/lib/chat/protocol";
import { foldForMatching } from "@/lib/text/normalize";

export type TRuleInput = {
  config: TRoomConfig;
  userId: string;
  staff: boolean;
  text: string;
  /** When this user's last message in this room was accepted here (slow mode). */
  lastSentAt: number | undefined;
  now: number;
};

const ASCII_WORD = /^[a-z0-9]+$/;

/**
 * Latin words match whole words ("ass" does not block "class"); other scripts, which glue particles on, match
 * anywhere. Text and words are compared folded (lib/text/normalize.ts): zero-width characters, combining
 * marks and look-alike letters ("b\u200Bad", "bád", Cyrillic "bаd") do not get a word past the list.
 */
export function findBlockedWord(text: string, words: string[]): string | null {
  const normalized = foldForMatching(text);
  for (const word of words) {
    const folded = foldForMatching(word);
    if (!folded) continue;
    if (ASCII_WORD.test(folded)) {
      if (new RegExp(`(^|[^\\p{L}\\p{N}])${folded}($|[^\\p{L}\\p{N}])`, "u").test(normalized)) return word;
    } else if (normalized.includes(folded)) return word;
  }
  return null;
}

function activeSanction(config: TRoomConfig, userId: string, type: "MUTE" | "BAN", now: number) {
  return config.sanctions.find(
    (s) => s.userId === userId && s.type === type && (s.until === null || Date.parse(s.until) > now),
  );
}

/** The room rules a message must pass, in the order a person would want to hear about them. */
export function checkRoomRules(input: TRuleInput): TChatError | null {
  const { config, userId, staff, now } = input;
  if (!staff) {
    const ban = activeSanction(config, userId, "BAN", now);
    if (ban) return { code: "BANNED", message: "You are banned from this chat.", until: ban.until };
    const mute = activeSanction(config, userId, "MUTE", now);
    if (mute) return { code: "MUTED", message: "You are muted in this chat.", until: mute.until };
    if (config.frozen) return { code: "FROZEN", message: "Chat is paused by the host." };
  }
  if (!staff && findBlockedWord(input.text, config.blockedWords)) {
    return { code: "BLOCKED_WORD", message: "Your message contains a word this show does not allow." };
  }
  if (!staff && config.slowModeSeconds > 0 && input.lastSentAt !== undefined) {
    const wait = input.lastSentAt + config.slowModeSeconds * 1000 - now;
    if (wait > 0)
      return {
        code: "SLOW_MODE",
        message: `Slow mode: one message every ${config.slowModeSeconds} s.`,
        retryAfterMs: wait,
      };
  }
  return null;
}
