/** Slugs for show URLs (/live/<slug>): lower-case ASCII words joined by dashes. */

export const SLUG_MAX = 60;

/** "Summer Essentials, with Mina!" → "summer-essentials-with-mina". Empty when the title has no latin letters or digits. */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
}

/**
 * The first free slug for a title: the slug itself, then "-2", "-3", ...
 * Titles without latin characters (a Korean title) fall back to "show-<random>".
 */
export async function uniqueSlug(
  title: string,
  isTaken: (slug: string) => Promise<boolean>,
  random: () => string = () => Math.random().toString(36).slice(2, 8),
): Promise<string> {
  const base = slugify(title) || `show-${random()}`;
  if (!(await isTaken(base))) return base;
  for (let n = 2; n < 100; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/g, "")}${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  return `${base.slice(0, SLUG_MAX - 7)}-${random()}`;
}
