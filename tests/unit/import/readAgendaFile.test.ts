import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importAgendaBytes, importAgendaFile } from "../../../server/import/index";
import type { ImportErrorCode, ParsedMeeting } from "../../../server/import/index";
import { FIXTURES } from "./fixtureExpectations";
import { writeFixtureDocx, writeFixturePdf, writeTypesetPdf } from "./writeFixtureDocuments";

const FIXTURE_DIR = path.resolve(import.meta.dirname, "../../fixtures/agendas");
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "dagsorden-import-"));
  for (const { file } of FIXTURES) {
    const text = readFileSync(path.join(FIXTURE_DIR, file), "utf8");
    const base = path.join(dir, path.basename(file, ".txt"));
    await writeFixtureDocx(text, `${base}.docx`);
    await writeFixturePdf(text, `${base}.pdf`);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function imported(file: string): Promise<ParsedMeeting> {
  const result = await importAgendaFile(file);
  if (!result.ok) throw new Error(`${file}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function normalise(text: string | null): string | null {
  return text === null ? null : text.replace(/\s+/g, " ");
}

/** Structure and text, with whitespace made uniform: what must survive any reader. */
function structure(meeting: ParsedMeeting) {
  return {
    committee: meeting.committee,
    meetingDate: meeting.meetingDate,
    kind: meeting.kind,
    sections: meeting.sections.map((section) => ({
      number: section.number,
      title: section.title,
      items: section.items.map((item) => ({
        number: item.number,
        title: item.title,
        caseNumber: item.caseNumber,
        officers: item.officers,
        attachmentMarkers: item.attachmentMarkers,
        fields: Object.fromEntries(
          Object.entries(item.fields).map(([name, text]) => [name, normalise(text)]),
        ),
      })),
    })),
  };
}

describe.each(FIXTURES)("$file made into a .docx and a .pdf", ({ file }) => {
  const base = () => path.join(dir, path.basename(file, ".txt"));

  it("imports from .docx to the same structure and text as the .txt", async () => {
    const text = await imported(path.join(FIXTURE_DIR, file));
    const docx = await imported(`${base()}.docx`);
    expect(structure(docx)).toEqual(structure(text));
  }, 30_000);

  it("imports from .pdf to the same structure and text as the .txt", async () => {
    const text = await imported(path.join(FIXTURE_DIR, file));
    const pdf = await imported(`${base()}.pdf`);
    expect(structure(pdf)).toEqual(structure(text));
  }, 30_000);
});

async function refusal(bytes: Uint8Array | string): Promise<ImportErrorCode> {
  const result = await importAgendaBytes(
    typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes,
  );
  if (result.ok) throw new Error("imported something");
  expect(result.error.message.length).toBeGreaterThan(10);
  return result.error.code;
}

function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = state >> 23;
  }
  return bytes;
}

describe.each(FIXTURES)("$file typeset as a PDF", ({ file, meetingDate }) => {
  it("imports to the same structure and text as the .txt", async () => {
    const text = await imported(path.join(FIXTURE_DIR, file));
    const typeset = path.join(dir, `${path.basename(file, ".txt")}-typeset.pdf`);
    await writeTypesetPdf(text, `${text.committee} | 03-09-2025`, typeset);
    const pdf = await imported(typeset);
    // The running head gives every typeset copy a date; the rest must match.
    expect(pdf.meetingDate).toBe("2025-09-03");
    expect({ ...structure(pdf), meetingDate: meetingDate }).toEqual(structure(text));
  }, 30_000);
});

describe("a Word document written paragraph by paragraph", () => {
  it("reads Word's own bullets and numbering as lists", async () => {
    const document = new Document({
      numbering: {
        config: [
          {
            reference: "decimal",
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: "%1.",
                alignment: AlignmentType.START,
              },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph("Dagsorden"),
            new Paragraph("KKR Sjælland"),
            new Paragraph("1. Regionalpolitiske sager"),
            new Paragraph("1.1. Status på arbejdet med den regionale uddannelsesaftale"),
            new Paragraph("SAG-2024-00123 abc/def"),
            new Paragraph("Baggrund"),
            new Paragraph(
              "Kommunerne og regionen indgik i foråret en aftale om uddannelse, som nu skal følges op. Arbejdsgruppen har samlet de første erfaringer.",
            ),
            new Paragraph("Erfaringerne handler især om:"),
            new Paragraph({ text: "Praktikpladser", bullet: { level: 0 } }),
            new Paragraph({ text: "Frafald på de første semestre", bullet: { level: 0 } }),
            new Paragraph("Indstilling"),
            new Paragraph("Det indstilles, at KKR Sjælland"),
            new Paragraph({
              text: "tager status til efterretning",
              numbering: { reference: "decimal", level: 0 },
            }),
            new Paragraph({
              text: "drøfter de næste skridt.",
              numbering: { reference: "decimal", level: 0 },
            }),
          ],
        },
      ],
    });
    const result = await importAgendaBytes(await Packer.toBuffer(document));
    if (!result.ok) throw new Error(result.error.message);
    const item = result.value.sections[0]!.items[0]!;
    expect(result.value.committee).toBe("KKR Sjælland");
    expect(item.officers).toEqual(["abc", "def"]);
    expect(item.fields.baggrund).toBe(
      "Kommunerne og regionen indgik i foråret en aftale om uddannelse, som nu skal følges op. Arbejdsgruppen har samlet de første erfaringer.\n\nErfaringerne handler især om:\n\n– Praktikpladser\n– Frafald på de første semestre",
    );
    expect(item.fields.indstilling).toBe(
      "Det indstilles, at KKR Sjælland\n\n1. tager status til efterretning\n2. drøfter de næste skridt.",
    );
  }, 30_000);
});

describe("files that are not agendas", () => {
  it("refuses an empty file", async () => {
    expect(await refusal(new Uint8Array())).toBe("import_empty");
    expect(await refusal(" \n\n \t\n")).toBe("import_empty");
  });

  it("refuses random bytes as unreadable", async () => {
    expect(await refusal(randomBytes(4096, 1))).toBe("import_unreadable");
    expect(await refusal(randomBytes(100, 7))).toBe("import_unreadable");
  });

  it("refuses text with NUL bytes as unreadable", async () => {
    const text = new TextEncoder().encode("1. Godkendelse af referat\n1.1. Godkendelse\n");
    const withNuls = new Uint8Array([...text, 0, 0, 0, ...text]);
    expect(await refusal(withNuls)).toBe("import_unreadable");
  });

  it("refuses readable text that is no agenda", async () => {
    expect(await refusal("Kære alle,\n\nHer er referatet.\n\nVenlig hilsen\nSekretariatet\n")).toBe(
      "import_no_agenda",
    );
    expect(await refusal(readFileSync(path.resolve("package.json")))).toBe("import_no_agenda");
  });

  it("refuses a text file cut off in the middle of a character", async () => {
    const bytes = readFileSync(path.join(FIXTURE_DIR, FIXTURES[0]!.file));
    const cut = bytes.indexOf(Buffer.from("ø")) + 1;
    expect(await refusal(bytes.subarray(0, cut))).toBe("import_truncated");
  });

  it("refuses a cut-off .pdf and a cut-off .docx", async () => {
    const base = path.join(dir, path.basename(FIXTURES[2]!.file, ".txt"));
    for (const extension of ["pdf", "docx"]) {
      const bytes = readFileSync(`${base}.${extension}`);
      expect(await refusal(bytes.subarray(0, Math.floor(bytes.length / 2))), extension).toBe(
        "import_truncated",
      );
    }
  });

  it("refuses a .pdf whose body is garbage", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode("%PDF-1.7\n"),
      ...randomBytes(2000, 3),
      ...new TextEncoder().encode("\n%%EOF\n"),
    ]);
    expect(await refusal(bytes)).toBe("import_unreadable");
  });

  it("refuses formats it does not read, by their bytes", async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      "import_unsupported_type",
    );
    expect(await refusal("{\\rtf1\\ansi Dagsorden}")).toBe("import_unsupported_type");
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]))).toBe(
      "import_unsupported_type",
    );
  });

  it("refuses a missing file", async () => {
    const result = await importAgendaFile(path.join(dir, "missing.pdf"));
    expect(result.ok ? null : result.error.code).toBe("import_unreadable");
  });

  it("reads a file by its bytes, whatever its name says", async () => {
    const text = readFileSync(path.join(FIXTURE_DIR, FIXTURES[1]!.file));
    writeFileSync(path.join(dir, "named-wrong.pdf"), text);
    const meeting = await imported(path.join(dir, "named-wrong.pdf"));
    expect(meeting.sections).toHaveLength(6);
  });

  it("reads Windows-1252 text, with a warning", async () => {
    const text = readFileSync(path.join(FIXTURE_DIR, FIXTURES[1]!.file), "utf8");
    const latin1 = Buffer.from(text.replace(/[’”–]/g, "-"), "latin1");
    const result = await importAgendaBytes(latin1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sections[1]!.items[0]!.title).toBe(
      "Fælleskommunalt fokus på det specialiserede socialområde",
    );
    expect(result.value.warnings[0]).toMatch(/Windows-1252/);
  });
});
