import { describe, expect, it, vi } from "vitest";
import { Meeting } from "../../../shared/model";
import { ParsedMeetings } from "../../../server/meetings/ParsedMeetings";
import { fixtureExportInput } from "../exports/fixtureMeeting";

/** A meeting as stored before attendance and approval were fields: the schema's defaults fill them. */
function demoMeeting(): Record<string, unknown> {
  const {
    attendance: _attendance,
    approval: _approval,
    ...stored
  } = fixtureExportInput().document.meeting;
  return stored;
}

describe("ParsedMeetings", () => {
  it("checks a stored text once, and gives every read a fresh object of its own", () => {
    const parsed = new ParsedMeetings();
    const stored = JSON.stringify(demoMeeting());
    const check = vi.spyOn(Meeting, "parse");
    const first = parsed.parse("m1", stored);
    const second = parsed.parse("m1", stored);
    expect(check).toHaveBeenCalledTimes(1);
    check.mockRestore();
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    second.title = "Ændret";
    expect(parsed.parse("m1", stored).title).toBe(first.title);
  });

  it("checks a changed text again, and refuses one the schema refuses", () => {
    const parsed = new ParsedMeetings();
    const meeting = demoMeeting();
    parsed.parse("m1", JSON.stringify(meeting));
    expect(parsed.parse("m1", JSON.stringify({ ...meeting, title: "Nyt" })).title).toBe("Nyt");
    expect(() => parsed.parse("m1", JSON.stringify({ ...meeting, agenda: 7 }))).toThrow();
  });

  it("keeps what the schema made of the text, defaults included", () => {
    const parsed = new ParsedMeetings();
    const full = Meeting.parse(demoMeeting());
    const first = parsed.parse("m1", JSON.stringify(demoMeeting()));
    expect(first).toEqual(full);
    expect(parsed.parse("m1", JSON.stringify(demoMeeting()))).toEqual(full);
  });

  it("drops the least recently read meeting beyond its capacity", () => {
    const parsed = new ParsedMeetings(2);
    const stored = JSON.stringify(demoMeeting());
    const check = vi.spyOn(Meeting, "parse");
    parsed.parse("a", stored);
    parsed.parse("b", stored);
    parsed.parse("a", stored);
    parsed.parse("c", stored); // drops b, read least recently
    parsed.parse("a", stored);
    expect(check).toHaveBeenCalledTimes(3);
    parsed.parse("b", stored);
    expect(check).toHaveBeenCalledTimes(4);
    check.mockRestore();
  });
});
