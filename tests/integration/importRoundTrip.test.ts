import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderMeetingDocx, renderMeetingPdf } from "../../server/exports";
import type { ExportInput, ExportKind } from "../../server/exports";
import { importAgendaBytes, parseAgendaText } from "../../server/import";
import type { ItemFieldTexts, ParsedMeeting } from "../../server/import";
import { fixtureExportInput, REFERAT_FIXTURE } from "../unit/exports/fixtureMeeting";

/**
 * Our own exports read back by the importer: each fixture agenda is parsed, built into a meeting
 * (the exports' test factory), rendered as PDF and DOCX with their front page, table of contents
 * and running header, and imported again. What the secretariat typed must come back: the same
 * sections, items, case lines and field text, committee and date from the front page or header.
 */

const FIXTURE_DIR = path.resolve(import.meta.dirname, "../fixtures/agendas");

const CASES: { fixture: string; kind: ExportKind }[] = [
  { fixture: "kkr-syddanmark-2020-11-11-dagsorden.txt", kind: "dagsorden" },
  { fixture: "kkr-syddanmark-2023-dagsorden.txt", kind: "dagsorden" },
  { fixture: REFERAT_FIXTURE, kind: "dagsorden" },
  { fixture: REFERAT_FIXTURE, kind: "referat" },
];

const FORMATS = {
  pdf: renderMeetingPdf,
  docx: renderMeetingDocx,
} as const;

/** Whitespace made uniform: printed lines and paragraphs differ between formats, words do not. */
function normalise(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Field text as it must survive: the export leaves empty fields out (so "" comes back as null,
 * both made ""), and a dagsorden has no Beslutning.
 */
function fieldTexts(fields: ItemFieldTexts, kind: ExportKind): Record<string, string> {
  return {
    baggrund: normalise(fields.baggrund),
    indstilling: normalise(fields.indstilling),
    sagsfremstilling: normalise(fields.sagsfremstilling),
    beslutning: kind === "referat" ? normalise(fields.beslutning) : "",
  };
}

function structure(meeting: ParsedMeeting, kind: ExportKind) {
  return meeting.sections.map((section) => ({
    number: section.number,
    title: section.title,
    items: section.items.map((item) => ({
      number: item.number,
      title: item.title,
      caseNumber: item.caseNumber,
      officers: item.officers,
      fields: fieldTexts(item.fields, kind),
    })),
  }));
}

function parsedFixture(fixture: string): ParsedMeeting {
  const parsed = parseAgendaText(readFileSync(path.join(FIXTURE_DIR, fixture), "utf8"));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe.each(CASES)("$fixture exported as $kind", ({ fixture, kind }) => {
  const original = parsedFixture(fixture);
  let input: ExportInput;
  const imported: Partial<Record<keyof typeof FORMATS, ParsedMeeting>> = {};

  beforeAll(async () => {
    input = fixtureExportInput({ fixture, kind, variant: "internal" });
    for (const [format, render] of Object.entries(FORMATS)) {
      const result = await importAgendaBytes(await render(input));
      if (!result.ok) throw new Error(`${format}: ${result.error.code} ${result.error.message}`);
      imported[format as keyof typeof FORMATS] = result.value;
    }
  }, 60_000);

  describe.each(Object.keys(FORMATS) as (keyof typeof FORMATS)[])("read back from %s", (format) => {
    const meeting = () => imported[format]!;

    it("has the original's sections, items, case lines and field text", () => {
      expect(structure(meeting(), kind)).toEqual(structure(original, kind));
    });

    it("skips the table of contents without a warning", () => {
      expect(meeting().warnings.filter((warning) => /indholdsfortegnelse/i.test(warning))).toEqual(
        [],
      );
    });

    it("finds committee, meeting date and kind on the front page or in the header", () => {
      expect(meeting().committee).toBe(input.document.committee.name);
      expect(meeting().meetingDate).toBe(input.document.meeting.date);
      expect(meeting().kind).toBe(kind);
    });

    it("leaves the running header and page labels out of every title and field", () => {
      const texts = meeting()
        .sections.flatMap((section) => [
          section.title,
          ...section.items.flatMap((item) => [item.title, ...Object.values(item.fields)]),
        ])
        .map((text) => text ?? "");
      for (const text of texts) {
        expect(text).not.toMatch(/KKR Syddanmark \| \d{2}-\d{2}-\d{4}/);
        expect(text).not.toMatch(/SIDE \| \d/);
      }
    });

    if (kind === "referat") {
      it("has every Beslutning of the minutes", () => {
        const written = (parsed: ParsedMeeting) =>
          parsed.sections
            .flatMap((section) => section.items)
            .filter((item) => normalise(item.fields.beslutning) !== "")
            .map((item) => item.number);
        expect(written(meeting())).toEqual(written(original));
        expect(written(meeting()).length).toBeGreaterThan(0);
      });
    }
  });
});
