import { Meeting } from "../../shared/model";

interface Checked {
  /** The stored text this entry was checked from. */
  stored: string;
  /** What the schema made of it, as JSON text. */
  json: string;
}

/**
 * Stored meetings, read through the schema once per stored text. Checking a 60-item meeting
 * against `MeetingSchema` is milliseconds on the event loop, and one export request reads its
 * meeting three times (access, route, document). A stored text already checked is not checked
 * again: the checked meeting is kept as JSON text and every read gets a fresh object of its own,
 * which the caller may change. Keyed by the exact stored text, so a meeting changed by this or
 * another instance is checked again; the least recently read meetings are dropped first.
 */
export class ParsedMeetings {
  private readonly entries = new Map<string, Checked>();

  constructor(private readonly capacity = 256) {}

  parse(id: string, stored: string): Meeting {
    const hit = this.entries.get(id);
    this.entries.delete(id);
    if (hit?.stored === stored) {
      this.entries.set(id, hit);
      return JSON.parse(hit.json) as Meeting;
    }
    const meeting = Meeting.parse(JSON.parse(stored));
    const json = JSON.stringify(meeting);
    // One string when the schema changed nothing, as for every meeting the server wrote itself.
    this.entries.set(id, { stored, json: json === stored ? stored : json });
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return meeting;
  }
}
