/** "om 14 minutter", "om 1 minut", "om 30 sekunder": the wait until a refused request may be retried. */
export function retryAfterText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `om ${seconds} ${seconds === 1 ? "sekund" : "sekunder"}`;
  const minutes = Math.ceil(seconds / 60);
  return `om ${minutes} ${minutes === 1 ? "minut" : "minutter"}`;
}
