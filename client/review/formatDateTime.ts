const FORMAT = new Intl.DateTimeFormat("da-DK", { dateStyle: "medium", timeStyle: "short" });

/** "3. sep. 2025 10.15", as Danish readers expect a moment written. */
export function formatDateTime(epochMs: number): string {
  return FORMAT.format(new Date(epochMs));
}
