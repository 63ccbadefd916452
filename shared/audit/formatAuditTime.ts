/**
 * Audit times as a Danish reader writes them, in Danish local time whatever the machine's time
 * zone: "4. dec. 2026 kl. 17.45".
 */

const MONTHS = [
  ...["jan.", "feb.", "mar.", "apr.", "maj", "jun."],
  ...["jul.", "aug.", "sep.", "okt.", "nov.", "dec."],
];

const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function formatAuditTime(at: number): string {
  const parts = Object.fromEntries(
    PARTS.formatToParts(new Date(at)).map((part) => [part.type, part.value]),
  );
  const month = MONTHS[Number(parts["month"]) - 1];
  return `${Number(parts["day"])}. ${month} ${parts["year"]} kl. ${parts["hour"]}.${parts["minute"]}`;
}

/** The Danish calendar day of a moment, "YYYY-MM-DD" (for filtering by date). */
export function auditDay(at: number): string {
  const parts = Object.fromEntries(
    PARTS.formatToParts(new Date(at)).map((part) => [part.type, part.value]),
  );
  return `${parts["year"]}-${parts["month"]!.padStart(2, "0")}-${parts["day"]!.padStart(2, "0")}`;
}
