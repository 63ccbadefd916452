import { formatDanishDate } from "../../shared/model/formatDanishDate";

const WEEKDAYS = ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"];

/** "10:00" → "10.00", as Danish documents write the time of day. */
export function danishClock(time: string): string {
  return time.replace(":", ".");
}

/** "Onsdag 3. september 2025 kl. 10.00–13.00" */
export function meetingTimeText(meeting: {
  date: string;
  startTime: string;
  endTime?: string | null;
}): string {
  const weekday = WEEKDAYS[new Date(`${meeting.date}T12:00:00Z`).getUTCDay()] ?? "";
  const day = `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} ${formatDanishDate(meeting.date)}`;
  const end = meeting.endTime ? `–${danishClock(meeting.endTime)}` : "";
  return `${day} kl. ${danishClock(meeting.startTime)}${end}`;
}
