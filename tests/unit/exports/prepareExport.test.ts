import { describe, expect, it } from "vitest";
import { prepareExport } from "../../../server/exports";
import type { ExportInput, ExportItem, ExportModel } from "../../../server/exports";
import { numberAgenda } from "../../../shared/model";
import { fixtureExportInput } from "./fixtureMeeting";

const ATTACHMENT = {
  id: "bilag-1",
  filename: "Årsrapport 2024.pdf",
  contentType: "application/pdf",
  size: 1234,
  sha256: "0".repeat(64),
};

function closedInput(variant: ExportInput["variant"]): ExportInput {
  return fixtureExportInput({
    variant,
    change: (item) =>
      item.id === "demo-2-3" ? { ...item, closed: true, attachments: [ATTACHMENT] } : item,
  });
}

function findItem(model: ExportModel, id: string): ExportItem {
  const item = model.sections.flatMap((section) => section.items).find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
}

describe("prepareExport", () => {
  it("numbers sections and items from their positions, with titles and case lines", () => {
    const model = prepareExport(fixtureExportInput());
    expect(model.sections.map((section) => `${section.number}. ${section.title}`)).toEqual([
      "1. Godkendelse af referat",
      "2. Regionalpolitiske sager",
      "3. Punkter til næste møde",
      "4. Eventuelt",
    ]);
    const items = model.sections[1]!.items;
    expect(items.map((item) => item.number)).toEqual(
      Array.from({ length: 9 }, (_, i) => `2.${i + 1}`),
    );
    expect(items[1]).toMatchObject({ title: "Siden sidst", caseLine: "SAG-2025-03188 mlal/anjh" });
    expect(model.runningHeader).toBe("KKR Syddanmark | 03-09-2025");
    expect(model.dateText).toBe("3. september 2025");
    expect(model.timeText).toBe("10:00–13:00");
  });

  it("gives each item its non-empty fields in order, Beslutning last in minutes only", () => {
    const referat = findItem(prepareExport(fixtureExportInput()), "demo-2-1");
    expect(referat.fields.map((field) => field.label)).toEqual([
      "Baggrund",
      "Indstilling",
      "Sagsfremstilling",
      "Beslutning",
    ]);
    const dagsorden = findItem(
      prepareExport(fixtureExportInput({ kind: "dagsorden" })),
      "demo-2-1",
    );
    expect(dagsorden.fields.map((field) => field.name)).not.toContain("beslutning");
    // 1.1 has an empty Sagsfremstilling: it is left out rather than printed as a bare heading.
    const first = findItem(prepareExport(fixtureExportInput()), "demo-1-1");
    expect(first.fields.map((field) => field.name)).toEqual([
      "baggrund",
      "indstilling",
      "beslutning",
    ]);
  });

  it("keeps only number, title and the closed marker of a closed item in a public export", () => {
    const item = findItem(prepareExport(closedInput("public")), "demo-2-3");
    expect(item).toEqual({
      id: "demo-2-3",
      number: "2.3",
      title:
        "Det fælleskommunale sundhedssekretariats regnskab og årsrapport for 2024 samt budget for 2026",
      closed: true,
      withheld: true,
      caseLine: null,
      fields: [],
      attachments: [],
    });
  });

  it("keeps everything of a closed item in an internal export, marked as closed", () => {
    const item = findItem(prepareExport(closedInput("internal")), "demo-2-3");
    expect(item.closed).toBe(true);
    expect(item.withheld).toBe(false);
    expect(item.caseLine).toBe("SAG-2025-03188 mlal");
    expect(item.fields.map((field) => field.name)).toContain("beslutning");
    expect(item.attachments).toEqual([
      {
        id: "bilag-1",
        number: 1,
        filename: "Årsrapport 2024.pdf",
        missingFile: false,
        contentType: "application/pdf",
        size: 1234,
      },
    ]);
  });

  it("lists a bilag without its file in the internal export only, marked", () => {
    const missing = { id: "bilag-2", filename: "Notat.pdf", missingFile: true as const };
    const withBoth = (variant: "public" | "internal") =>
      fixtureExportInput({
        variant,
        change: (item) =>
          item.id === "demo-2-3" ? { ...item, attachments: [missing, ATTACHMENT] } : item,
      });
    const listed = (variant: "public" | "internal") =>
      prepareExport(withBoth(variant))
        .sections.flatMap((section) => section.items)
        .find((item) => item.id === "demo-2-3")!
        .attachments.map((a) => [a.number, a.filename, a.missingFile]);
    expect(listed("internal")).toEqual([
      [1, "Notat.pdf", true],
      [2, "Årsrapport 2024.pdf", false],
    ]);
    expect(listed("public")).toEqual([[1, "Årsrapport 2024.pdf", false]]);
  });

  it("withholds from the public an item whose text says it is closed (an older import)", () => {
    const input = fixtureExportInput({ variant: "public" });
    const body = input.document.bodies["demo-2-2"] as { content: { content: unknown[] }[] };
    body.content[0]!.content.unshift({
      type: "paragraph",
      content: [{ type: "text", text: "Lukket punkt" }],
    });
    const item = prepareExport(input)
      .sections.flatMap((section) => section.items)
      .find((i) => i.id === "demo-2-2")!;
    expect(item).toMatchObject({ closed: true, withheld: true, fields: [], attachments: [] });
  });

  it("leaves out deleted sections and items, whatever the variant", () => {
    const input = fixtureExportInput({
      change: (item) => (item.id === "demo-2-2" ? { ...item, deleted: true } : item),
    });
    const agenda = input.document.meeting.agenda;
    agenda.sections[3]!.deleted = true;
    input.document.numbers = Object.fromEntries(numberAgenda(agenda));
    for (const variant of ["public", "internal"] as const) {
      const model = prepareExport({ ...input, variant });
      expect(model.sections.map((section) => section.title)).not.toContain("Eventuelt");
      const titles = model.sections.flatMap((section) => section.items.map((item) => item.title));
      expect(titles).not.toContain("Siden sidst");
      // The item after the deleted one moves up.
      expect(model.sections[1]!.items[1]!.number).toBe("2.2");
    }
  });

  it("takes text only from text nodes: attributes and unknown marks never reach an export", () => {
    const input = fixtureExportInput();
    input.document.bodies["demo-1-1"] = {
      type: "doc",
      content: [
        {
          type: "baggrund",
          attrs: { note: "ATTRIBUT-HEMMELIGHED" },
          content: [
            {
              type: "paragraph",
              attrs: { comment: "KOMMENTAR-HEMMELIGHED" },
              content: [
                {
                  type: "text",
                  text: "Synlig tekst",
                  marks: [{ type: "comment", attrs: { text: "KOMMENTAR-HEMMELIGHED" } }],
                },
                {
                  type: "text",
                  text: " og et link",
                  marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }],
                },
              ],
            },
          ],
        },
        { type: "indstilling", content: [{ type: "paragraph" }] },
        { type: "sagsfremstilling", content: [{ type: "paragraph" }] },
      ],
    };
    const model = prepareExport(input);
    const json = JSON.stringify(model);
    expect(json).not.toContain("HEMMELIGHED");
    expect(json).not.toContain("javascript:");
    expect(findItem(model, "demo-1-1").fields[0]!.blocks).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Synlig tekst", bold: false, italic: false, href: null },
          { type: "text", text: " og et link", bold: false, italic: false, href: null },
        ],
      },
    ]);
  });

  it("links a ./. marker to its bilag only when the item has that bilag", () => {
    const input = fixtureExportInput({
      change: (item) => (item.id === "demo-1-1" ? { ...item, attachments: [ATTACHMENT] } : item),
    });
    const marker = (attachmentId: string) => ({
      type: "attachmentMarker",
      attrs: { attachmentId, label: "Årsrapport" },
    });
    input.document.bodies["demo-1-1"] = {
      type: "doc",
      content: [
        {
          type: "baggrund",
          content: [{ type: "paragraph", content: [marker("bilag-1"), marker("slettet")] }],
        },
        { type: "indstilling", content: [{ type: "paragraph" }] },
        { type: "sagsfremstilling", content: [{ type: "paragraph" }] },
      ],
    };
    const block = findItem(prepareExport(input), "demo-1-1").fields[0]!.blocks[0]!;
    expect(block).toEqual({
      type: "paragraph",
      content: [
        { type: "attachment", label: "Årsrapport", attachmentId: "bilag-1" },
        { type: "attachment", label: "Årsrapport", attachmentId: null },
      ],
    });
  });

  it("takes attendance from the meeting: the front page, and who left an item under its Beslutning", () => {
    const input = closedInput("public");
    input.document.meeting.attendance = {
      present: ["Tonni Hansen", "Mads Skau"],
      absent: ["Jacob Bjerregaard"],
      notPresentForItem: { "demo-2-2": ["Mads Skau"], "demo-2-3": ["Tonni Hansen"] },
      substitutes: [],
    };
    const model = prepareExport(input);
    expect(model.attendance).toEqual({
      present: ["Tonni Hansen", "Mads Skau"],
      absent: ["Jacob Bjerregaard"],
    });
    const beslutning = findItem(model, "demo-2-2").fields.find((f) => f.name === "beslutning");
    expect(beslutning!.blocks.at(-1)).toEqual({
      type: "paragraph",
      content: [
        {
          type: "text",
          text: "Ikke til stede under punktet: Mads Skau.",
          bold: false,
          italic: true,
          href: null,
        },
      ],
    });
    // A withheld item says nothing; an agenda has no attendance.
    expect(findItem(model, "demo-2-3").fields).toEqual([]);
    expect(prepareExport({ ...input, kind: "dagsorden" }).attendance).toBeNull();
    // The input can override what the meeting says.
    expect(
      prepareExport({ ...input, attendance: { present: ["A"], absent: [] } }).attendance,
    ).toEqual({
      present: ["A"],
      absent: [],
    });
  });

  it("names a stedfortræder on the front page with the member they replace", () => {
    const input = closedInput("public");
    input.document.meeting.attendance = {
      present: ["Tonni Hansen", "Anne Hansen"],
      absent: ["Jacob Bjerregaard"],
      notPresentForItem: {},
      substitutes: [{ name: "Anne Hansen", replaces: "Jacob Bjerregaard" }],
    };
    expect(prepareExport(input).attendance).toEqual({
      present: ["Tonni Hansen", "Anne Hansen (stedfortræder for Jacob Bjerregaard)"],
      absent: ["Jacob Bjerregaard"],
    });
  });
});
