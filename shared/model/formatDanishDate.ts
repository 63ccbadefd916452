const MONTHS = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
];

/** "2025-06-17" → "17. juni 2025", as the documents write dates in running text. */
export function formatDanishDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${day}. ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "2025-06-17" → "17-06-2025", as the running page header writes it. */
export function formatHeaderDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}-${month}-${year}`;
}
