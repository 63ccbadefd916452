/**
 * The meeting day in Danish local time. Minutes can be taken live from the start of the
 * meeting: once the agenda is sent and the meeting's date has come in Denmark, whatever the
 * server's or the browser's own time zone.
 */

const COPENHAGEN_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date in Denmark, "YYYY-MM-DD". */
export function danishToday(now: Date = new Date()): string {
  return COPENHAGEN_DATE.format(now);
}

/** Whether a meeting's date ("YYYY-MM-DD") is today or past in Denmark. */
export function meetingDayReached(meetingDate: string, now: Date = new Date()): boolean {
  return meetingDate <= danishToday(now);
}
