import type { TSeparationMode } from "@/lib/chat/protocol";

/** AUTO turns separation off again only below this share of the threshold, so a room near it does not flap. */
export const AUTO_OFF_RATIO = 0.8;

/**
 * The effective separation of a room. ON/OFF are what the seller set; AUTO switches on at
 * `threshold` viewers across all slaves and off below 80% of it, remembering `wasSeparated` in between.
 */
export function decideSeparated(
  mode: TSeparationMode,
  threshold: number,
  viewers: number,
  wasSeparated: boolean,
): boolean {
  switch (mode) {
    case "ON":
      return true;
    case "OFF":
      return false;
    case "AUTO":
      return wasSeparated ? viewers >= threshold * AUTO_OFF_RATIO : viewers >= threshold;
  }
}
