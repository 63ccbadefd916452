import { describe, expect, it } from "vitest";
import type { Agenda } from "../../../shared/model";
import {
  AgendaCommand,
  AgendaError,
  applyAgendaCommand,
  CaseNumber,
  DEFAULT_MEETING_TEMPLATE,
  fillTemplate,
  MeetingTemplate,
  numberAgenda,
  parseOfficers,
} from "../../../shared/model";

let counter = 0;
const context = { newId: () => `n${++counter}` };

function agendaWith(sections: Record<string, string[]>): Agenda {
  return {
    sections: Object.entries(sections).map(([id, items]) => ({
      id,
      title: `Sektion ${id}`,
      deleted: false,
      items: items.map((itemId) => ({
        id: itemId,
        title: `Punkt ${itemId}`,
        caseNumber: null,
        officers: [],
        status: "kladde" as const,
        closed: false,
        attachments: [],
        deleted: false,
      })),
    })),
  };
}

function numbers(agenda: Agenda): Record<string, string> {
  return Object.fromEntries(numberAgenda(agenda));
}

function apply(agenda: Agenda, command: unknown): Agenda {
  return applyAgendaCommand(agenda, AgendaCommand.parse(command), context).agenda;
}

describe("agenda numbering", () => {
  const base = agendaWith({
    s1: ["a"],
    s2: ["b", "c", "d", "e", "f", "g", "h", "i", "j", "k"],
    s3: [],
  });

  it("numbers sections and items by position, past 9", () => {
    expect(numbers(base)).toMatchObject({
      s1: "1",
      a: "1.1",
      s2: "2",
      b: "2.1",
      k: "2.10",
      s3: "3",
    });
  });

  it("renumbers after a move within a section and between sections", () => {
    const moved = apply(base, { type: "moveItem", itemId: "d", toSectionId: "s2", toIndex: 0 });
    expect(numbers(moved)).toMatchObject({ d: "2.1", b: "2.2", c: "2.3", e: "2.4" });
    const across = apply(moved, { type: "moveItem", itemId: "k", toSectionId: "s1", toIndex: 0 });
    expect(numbers(across)).toMatchObject({ k: "1.1", a: "1.2", j: "2.9" });
    expect(numbers(across)["s3"]).toBe("3");
  });

  it("renumbers after a delete and back after undoing it", () => {
    const deleted = apply(base, { type: "deleteItem", itemId: "b" });
    expect(numbers(deleted)).toMatchObject({ c: "2.1", k: "2.9" });
    expect(numbers(deleted)["b"]).toBeUndefined();
    const restored = apply(deleted, { type: "restoreItem", itemId: "b" });
    expect(numbers(restored)).toEqual(numbers(base));
  });

  it("renumbers later sections when a section is deleted, and hides its items", () => {
    const deleted = apply(base, { type: "deleteSection", sectionId: "s1" });
    expect(numbers(deleted)).toMatchObject({ s2: "1", b: "1.1", s3: "2" });
    expect(numbers(deleted)["a"]).toBeUndefined();
    expect(numbers(apply(deleted, { type: "restoreSection", sectionId: "s1" }))).toEqual(
      numbers(base),
    );
  });

  it("moves to a visible position, skipping deleted items", () => {
    const deleted = apply(base, { type: "deleteItem", itemId: "c" });
    const moved = apply(deleted, { type: "moveItem", itemId: "k", toSectionId: "s2", toIndex: 1 });
    expect(numbers(moved)).toMatchObject({ b: "2.1", k: "2.2", d: "2.3" });
  });

  it("does not change the agenda it was given", () => {
    const copy = JSON.parse(JSON.stringify(base)) as Agenda;
    apply(base, { type: "deleteItem", itemId: "b" });
    expect(base).toEqual(copy);
  });
});

describe("agenda command validation", () => {
  const base = agendaWith({ s1: ["a"] });

  it.each([
    ["SAG-2025-1413", false],
    ["SAG-25-01413", false],
    ["sag-2025-01413", false],
    ["SAG-2025-014130", false],
    ["SAG-2025-01413", true],
  ])("case number %s valid: %s", (value, valid) => {
    expect(CaseNumber.safeParse(value).success).toBe(valid);
  });

  it("rejects an empty title and a bad case number in commands", () => {
    expect(
      AgendaCommand.safeParse({ type: "createItem", sectionId: "s1", title: "  " }).success,
    ).toBe(false);
    expect(
      AgendaCommand.safeParse({
        type: "createItem",
        sectionId: "s1",
        title: "x",
        caseNumber: "SAG-1",
      }).success,
    ).toBe(false);
    expect(
      AgendaCommand.safeParse({ type: "updateItem", itemId: "a", officers: ["toolongname"] })
        .success,
    ).toBe(false);
    expect(AgendaCommand.safeParse({ type: "nonsense" }).success).toBe(false);
  });

  const attempt = (command: unknown) => () => apply(base, command);

  it("refuses an unknown section, an unknown item and an index past the end", () => {
    expect(attempt({ type: "createItem", sectionId: "nope", title: "x" })).toThrow(AgendaError);
    expect(attempt({ type: "moveItem", itemId: "nope", toSectionId: "s1", toIndex: 0 })).toThrow(
      /findes ikke/,
    );
    expect(attempt({ type: "moveItem", itemId: "a", toSectionId: "s1", toIndex: 5 })).toThrow(
      /Placering/,
    );
    expect(attempt({ type: "restoreItem", itemId: "a" })).toThrow(/ikke slettet/);
  });

  it("keeps officers' initials as written", () => {
    expect(parseOfficers("lar/CHCH/ anjh")).toEqual(["lar", "CHCH", "anjh"]);
    const created = applyAgendaCommand(
      base,
      AgendaCommand.parse({
        type: "createItem",
        sectionId: "s1",
        title: "Nyt punkt",
        officers: ["lar", "CHCH"],
      }),
      context,
    );
    const item = created.agenda.sections[0]!.items.find((i) => i.id === created.createdId);
    expect(item).toMatchObject({ officers: ["lar", "CHCH"], status: "kladde", caseNumber: null });
  });
});

describe("meeting template", () => {
  it("fills the committee's name and the previous meeting's date", () => {
    const filled = fillTemplate(DEFAULT_MEETING_TEMPLATE, {
      committeeName: "KKR Syddanmark",
      previousMeetingDate: "2025-06-17",
    });
    expect(filled.sections.map((s) => s.title)).toEqual([
      "Godkendelse af referat",
      "Regionalpolitiske sager",
      "Siden sidst",
      "Udpegninger",
      "Punkter til næste møde",
      "Eventuelt",
    ]);
    expect(filled.sections[0]!.items[0]).toMatchObject({
      title: "Godkendelse af referat fra mødet den 17. juni 2025",
      indstilling:
        "Det indstilles, at KKR Syddanmark godkender referatet fra mødet den 17. juni 2025.",
    });
    expect(JSON.stringify(filled)).not.toMatch(/\{udvalg\}|\{forrige_mødedato\}/);
  });

  it("marks a missing previous date for the secretariat to fill in", () => {
    const filled = fillTemplate(DEFAULT_MEETING_TEMPLATE, {
      committeeName: "KKR Nordjylland",
      previousMeetingDate: null,
    });
    expect(filled.sections[0]!.items[0]!.title).toContain("[dato]");
  });

  it("is validated as data", () => {
    expect(MeetingTemplate.safeParse({ sections: [] }).success).toBe(false);
    expect(MeetingTemplate.safeParse({ sections: [{ title: "", items: [] }] }).success).toBe(false);
    expect(MeetingTemplate.safeParse(DEFAULT_MEETING_TEMPLATE).success).toBe(true);
  });
});
