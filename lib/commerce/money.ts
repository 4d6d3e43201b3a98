/** How many minor-unit digits a currency has (KRW 0, USD 2, BHD 3). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** "39,000" or "19.99" as typed by a seller → integer minor units; null when it is not a price. */
export function parseMajor(text: string, currency: string): number | null {
  const cleaned = text.replace(/[,\s_]/g, "");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const digits = minorDigits(currency);
  const [whole = "0", fraction = ""] = cleaned.split(".");
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** Integer minor units → the plain number a price input shows ("39000", "19.99"). */
export function formatMajor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}
