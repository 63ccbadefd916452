import { describe, expect, it } from "vitest";
import type { AgendaItem } from "../../../shared/model";
import { meetingRecord, recordHash } from "../../../server/record";
import type { RecordSource } from "../../../server/record";
import { fixtureExportInput } from "../exports/fixtureMeeting";

const BILAG = {
  id: "bilag-1",
  filename: "Regnskab.pdf",
  contentType: "application/pdf",
  size: 10,
  sha256: "a".repeat(64),
};

function source(change?: (item: AgendaItem) => AgendaItem): RecordSource {
  const input = fixtureExportInput({
    change: (item) => {
      const withBilag = item.id === "demo-2-3" ? { ...item, attachments: [BILAG] } : item;
      return change ? change(withBilag) : withBilag;
    },
  });
  return { document: input.document, beslutninger: input.beslutninger };
}

/** The same data with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const reversed = entries.map((_, index) => entries[entries.length - 1 - index]!);
  return Object.fromEntries(reversed.map(([key, inner]) => [key, reversedKeys(inner)])) as T;
}

const hashOf = (s: RecordSource, kind: "dagsorden" | "referat" = "referat") =>
  recordHash(meetingRecord(s, kind));

describe("the meeting record and its hash", () => {
  it("is the same for the same content, whatever the order of object keys", () => {
    const a = source();
    const b = reversedKeys(a);
    expect(hashOf(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashOf(b)).toBe(hashOf(a));
  });

  it.each([
    ["an item's title", (item: AgendaItem) => ({ ...item, title: `${item.title}.` })],
    ["an item's case number", (item: AgendaItem) => ({ ...item, caseNumber: "SAG-2025-99999" })],
    ["an item's officers", (item: AgendaItem) => ({ ...item, officers: ["xyz"] })],
    ["the closed flag", (item: AgendaItem) => ({ ...item, closed: !item.closed })],
    [
      "a bilag's content",
      (item: AgendaItem) => ({
        ...item,
        attachments: item.attachments.map((a) => ({ ...a, sha256: "b".repeat(64) })),
      }),
    ],
    [
      "a bilag's name",
      (item: AgendaItem) => ({
        ...item,
        attachments: item.attachments.map((a) => ({ ...a, filename: "Andet.pdf" })),
      }),
    ],
    ["a deletion", (item: AgendaItem) => ({ ...item, deleted: true })],
  ])("changes with %s", (_what, change) => {
    const changed = source((item) => (item.id === "demo-2-3" ? change(item) : item));
    expect(hashOf(changed)).not.toBe(hashOf(source()));
  });

  it("changes with an item's body, its Beslutning, the attendance and the meeting's details", () => {
    const base = hashOf(source());
    const body = source();
    body.document.bodies["demo-2-1"] = { type: "doc", content: [] };
    expect(hashOf(body)).not.toBe(base);
    const decision = source();
    decision.beslutninger["demo-2-1"] = [
      { type: "paragraph", content: [{ type: "text", text: "Ny." }] },
    ];
    expect(hashOf(decision)).not.toBe(base);
    const attendance = source();
    attendance.document.meeting.attendance = {
      present: ["A"],
      absent: [],
      notPresentForItem: {},
      substitutes: [],
    };
    expect(hashOf(attendance)).not.toBe(base);
    const place = source();
    place.document.meeting.place = "Vejle";
    expect(hashOf(place)).not.toBe(base);
    const order = source();
    order.document.meeting.agenda.sections.reverse();
    expect(hashOf(order)).not.toBe(base);
  });

  it("holds the stedfortrædere with whom they replace; none is as before they were recorded", () => {
    const withAttendance = (substitutes: { name: string; replaces: string }[]) => {
      const s = source();
      s.document.meeting.attendance = {
        present: ["Anne", "Bo"],
        absent: ["Carl"],
        notPresentForItem: {},
        substitutes,
      };
      return s;
    };
    const none = withAttendance([]);
    // Records approved before stedfortrædere existed had no `substitutes` key.
    expect(meetingRecord(none, "referat").attendance).toEqual({
      present: ["Anne", "Bo"],
      absent: ["Carl"],
      notPresentForItem: {},
    });
    const bo = withAttendance([{ name: "Bo", replaces: "Carl" }]);
    expect(meetingRecord(bo, "referat").attendance?.substitutes).toEqual([
      { name: "Bo", replaces: "Carl" },
    ]);
    expect(hashOf(bo)).not.toBe(hashOf(none));
    expect(hashOf(withAttendance([{ name: "Bo", replaces: "Dorte" }]))).not.toBe(hashOf(bo));
  });

  it("holds a bilag known by name only by its name; its file, once uploaded, changes the hash", () => {
    const named = source((item) =>
      item.id === "demo-2-3"
        ? { ...item, attachments: [{ id: BILAG.id, filename: BILAG.filename, missingFile: true }] }
        : item,
    );
    const record = meetingRecord(named, "referat");
    const bilag = record.sections.flatMap((s) => s.items).flatMap((i) => i.attachments);
    expect(bilag).toEqual([{ id: BILAG.id, filename: BILAG.filename, missingFile: true }]);
    expect(hashOf(named)).not.toBe(hashOf(source()));
  });

  it("leaves out what is not the record: workflow status, deadline, phase, approval, the bilag's publication choice", () => {
    const base = hashOf(source());
    const other = source((item) => ({
      ...item,
      status: "kladde",
      attachments: item.attachments.map((a) => ({ ...a, notPublic: true })),
    }));
    other.document.meeting.deadline = "2025-08-20";
    other.document.meeting.phase = "referat_godkendt";
    other.document.meeting.version = 99;
    expect(hashOf(other)).toBe(base);
  });

  it("as an agenda, holds no Beslutninger and no attendance", () => {
    const agenda = meetingRecord(source(), "dagsorden");
    expect(agenda.attendance).toBeUndefined();
    expect(agenda.sections.flatMap((s) => s.items).every((i) => i.beslutning === undefined)).toBe(
      true,
    );
    const decision = source();
    decision.beslutninger["demo-2-1"] = [{ type: "paragraph" }];
    expect(hashOf(decision, "dagsorden")).toBe(hashOf(source(), "dagsorden"));
    expect(hashOf(source(), "dagsorden")).not.toBe(hashOf(source(), "referat"));
  });
});
