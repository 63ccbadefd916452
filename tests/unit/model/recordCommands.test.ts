import { describe, expect, it } from "vitest";
import type { Agenda, AttachmentRef } from "../../../shared/model";
import {
  AgendaError,
  applyAgendaCommand,
  hasFile,
  RECORD_NEUTRAL_COMMANDS,
  unapprovedItems,
} from "../../../shared/model";

const context = { newId: () => "new" };
const ref = (id: string, sha: string): AttachmentRef => ({
  id,
  filename: `${id}.pdf`,
  contentType: "application/pdf",
  size: 1,
  sha256: sha.repeat(64),
});

function agenda(): Agenda {
  const item = (id: string, status: "kladde" | "godkendt", deleted = false) => ({
    id,
    title: `Punkt ${id}`,
    caseNumber: null,
    officers: [],
    status,
    closed: false,
    attachments: [ref("a", "1"), ref("b", "2")],
    deleted,
  });
  return {
    sections: [
      {
        id: "s1",
        title: "Et",
        deleted: false,
        items: [item("i1", "godkendt"), item("i2", "kladde")],
      },
      { id: "s2", title: "To", deleted: true, items: [item("i3", "kladde")] },
      {
        id: "s3",
        title: "Tre",
        deleted: false,
        items: [item("i4", "kladde", true), item("i5", "kladde")],
      },
    ],
  };
}

describe("items not Godkendt", () => {
  it("lists the live items not Godkendt, in agenda order, with their numbers", () => {
    expect(unapprovedItems(agenda())).toEqual([
      { id: "i2", number: "1.2", title: "Punkt i2", status: "kladde" },
      { id: "i5", number: "2.1", title: "Punkt i5", status: "kladde" },
    ]);
  });
});

describe("commands on bilag and the approval", () => {
  it("replaces a bilag's content in its place, keeping its publication choice", () => {
    const start = applyAgendaCommand(
      agenda(),
      { type: "setAttachmentPublic", itemId: "i2", attachmentId: "a", public: false },
      context,
    ).agenda;
    const { agenda: next } = applyAgendaCommand(
      start,
      { type: "replaceAttachment", itemId: "i2", attachment: ref("a", "9") },
      context,
    );
    const item = next.sections[0]!.items[1]!;
    expect(item.attachments.filter(hasFile).map((a) => [a.id, a.sha256[0], a.notPublic])).toEqual([
      ["a", "9", true],
      ["b", "2", undefined],
    ]);
    const again = applyAgendaCommand(
      next,
      { type: "setAttachmentPublic", itemId: "i2", attachmentId: "a", public: true },
      context,
    ).agenda;
    expect("notPublic" in again.sections[0]!.items[1]!.attachments[0]!).toBe(false);
  });

  it("refuses an unknown bilag", () => {
    expect(() =>
      applyAgendaCommand(
        agenda(),
        { type: "replaceAttachment", itemId: "i2", attachment: ref("x", "9") },
        context,
      ),
    ).toThrow(AgendaError);
  });

  it("refuses replacing or withholding a bilag known by name only (it has no file to publish)", () => {
    const start = agenda();
    start.sections[0]!.items[1]!.attachments.push({
      id: "m",
      filename: "Navn.pdf",
      missingFile: true,
    });
    for (const command of [
      { type: "replaceAttachment", itemId: "i2", attachment: ref("m", "9") },
      { type: "setAttachmentPublic", itemId: "i2", attachmentId: "m", public: false },
    ] as const) {
      expect(() => applyAgendaCommand(start, command, context)).toThrow(AgendaError);
    }
    // Its file comes by upload into the entry, which keeps its id and place.
    const filled = applyAgendaCommand(
      start,
      { type: "addAttachment", itemId: "i2", attachment: ref("m", "9") },
      context,
    ).agenda;
    expect(filled.sections[0]!.items[1]!.attachments.map((a) => [a.id, hasFile(a)])).toEqual([
      ["a", true],
      ["b", true],
      ["m", true],
    ]);
  });

  it("lets only the phase, the approval and the publication choice through a frozen record", () => {
    expect([...RECORD_NEUTRAL_COMMANDS].sort()).toEqual([
      "setApproval",
      "setAttachmentPublic",
      "setPhase",
    ]);
  });
});
