import { describe, expect, it } from "vitest";
import type { Agenda, AgendaItem } from "../../../shared/model/agenda";
import { applyAgendaCommand } from "../../../shared/model/applyAgendaCommand";
import {
  agendaWithItemAt,
  dropCommand,
  moveCommand,
  positionOf,
  stepPosition,
} from "../../../client/agenda/agendaMoves";
import { isOverdue } from "../../../client/agenda/isOverdue";

function item(id: string, deleted = false): AgendaItem {
  return {
    id,
    title: id.toUpperCase(),
    caseNumber: null,
    officers: [],
    status: "kladde",
    closed: false,
    attachments: [],
    deleted,
  };
}

// Section b has a deleted item between b1 and b2; section d is deleted; e is empty.
const agenda: Agenda = {
  sections: [
    { id: "a", title: "A", deleted: false, items: [item("a1")] },
    {
      id: "b",
      title: "B",
      deleted: false,
      items: [item("b1"), item("bx", true), item("b2"), item("b3")],
    },
    { id: "d", title: "D", deleted: true, items: [item("d1")] },
    { id: "e", title: "E", deleted: false, items: [] },
  ],
};

const order = (a: Agenda, sectionId: string) =>
  a.sections
    .find((s) => s.id === sectionId)!
    .items.filter((i) => !i.deleted)
    .map((i) => i.id);

const apply = (command: Parameters<typeof applyAgendaCommand>[1]) =>
  applyAgendaCommand(agenda, command, { newId: () => "new" }).agenda;

describe("agenda moves", () => {
  it("finds positions among visible items only", () => {
    expect(positionOf(agenda, "b2")).toEqual({ sectionId: "b", index: 1 });
    expect(positionOf(agenda, "bx")).toBeNull();
    expect(positionOf(agenda, "d1")).toBeNull();
  });

  it("turns a drop before a shown item into the server's moveItem index", () => {
    // b3 dropped before b1: first place.
    const up = dropCommand(agenda, "b3", "b", 0)!;
    expect(order(apply(up), "b")).toEqual(["b3", "b1", "b2"]);
    // b1 dropped at the end of its own section: the index counts without b1.
    const down = dropCommand(agenda, "b1", "b", 3)!;
    expect(down.toIndex).toBe(2);
    expect(order(apply(down), "b")).toEqual(["b2", "b3", "b1"]);
    // Dropped right before or after itself: no command.
    expect(dropCommand(agenda, "b2", "b", 1)).toBeNull();
    expect(dropCommand(agenda, "b2", "b", 2)).toBeNull();
    // Into another, empty section.
    expect(order(apply(dropCommand(agenda, "a1", "e", 0)!), "e")).toEqual(["a1"]);
  });

  it("steps up and down across sections, skipping deleted ones, stopping at the ends", () => {
    const start = positionOf(agenda, "b1")!;
    const up = stepPosition(agenda, "b1", start, "up")!;
    expect(up).toEqual({ sectionId: "a", index: 1 });
    expect(order(agendaWithItemAt(agenda, "b1", up), "a")).toEqual(["a1", "b1"]);
    expect(stepPosition(agenda, "a1", { sectionId: "a", index: 0 }, "up")).toBeNull();

    const last = positionOf(agenda, "b3")!;
    const down = stepPosition(agenda, "b3", last, "down")!;
    expect(down).toEqual({ sectionId: "e", index: 0 });
    expect(stepPosition(agenda, "b3", down, "down")).toBeNull();
    expect(order(apply(moveCommand(agenda, "b3", down)!), "e")).toEqual(["b3"]);
  });

  it("shows a lifted item where the server would put it", () => {
    for (const position of [
      { sectionId: "b", index: 0 },
      { sectionId: "b", index: 2 },
      { sectionId: "a", index: 0 },
      { sectionId: "e", index: 0 },
    ]) {
      const command = moveCommand(agenda, "b2", position)!;
      const shown = agendaWithItemAt(agenda, "b2", position);
      expect(order(shown, position.sectionId)).toEqual(order(apply(command), position.sectionId));
    }
    expect(moveCommand(agenda, "b2", { sectionId: "b", index: 1 })).toBeNull();
  });
});

describe("overdue items", () => {
  it("are drafts or in review after the deadline", () => {
    expect(isOverdue({ status: "kladde" }, "2025-08-20", "2025-08-21")).toBe(true);
    expect(isOverdue({ status: "til_gennemsyn" }, "2025-08-20", "2025-08-21")).toBe(true);
    expect(isOverdue({ status: "kladde" }, "2025-08-20", "2025-08-20")).toBe(false);
    expect(isOverdue({ status: "klar_til_godkendelse" }, "2025-08-20", "2025-09-01")).toBe(false);
    expect(isOverdue({ status: "godkendt" }, "2025-08-20", "2025-09-01")).toBe(false);
    expect(isOverdue({ status: "kladde" }, null, "2025-09-01")).toBe(false);
  });
});
