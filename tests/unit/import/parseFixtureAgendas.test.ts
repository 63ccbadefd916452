import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAgendaText } from "../../../server/import/index";
import type { ParsedItem, ParsedMeeting } from "../../../server/import/index";
import { FIXTURES, kkr2020, kkr2023, kkr2025 } from "./fixtureExpectations";
import type { ExpectedField, ExpectedMeeting } from "./fixtureExpectations";

const FIXTURE_DIR = path.resolve(import.meta.dirname, "../../fixtures/agendas");

function parseFixture(expected: ExpectedMeeting): ParsedMeeting {
  const result = parseAgendaText(readFileSync(path.join(FIXTURE_DIR, expected.file), "utf8"));
  if (!result.ok) throw new Error(`${expected.file}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function items(meeting: ParsedMeeting): ParsedItem[] {
  return meeting.sections.flatMap((section) => section.items);
}

function item(meeting: ParsedMeeting, number: string): ParsedItem {
  const found = items(meeting).find((candidate) => candidate.number === number);
  if (!found) throw new Error(`no item ${number}`);
  return found;
}

function allFieldText(meeting: ParsedMeeting): string[] {
  return items(meeting).flatMap((parsed) =>
    Object.values(parsed.fields).filter((text): text is string => text !== null),
  );
}

function expectField(actual: string | null, expected: ExpectedField, where: string) {
  if (expected === null || typeof expected === "string") {
    expect(actual, where).toBe(expected);
    return;
  }
  expect(actual, where).not.toBeNull();
  expect(actual!.startsWith(expected[0]), `${where} starts with "${expected[0]}"`).toBe(true);
  expect(actual!.endsWith(expected[1]), `${where} ends with "${expected[1]}"`).toBe(true);
}

function header(
  parsed: Pick<ParsedItem, "number" | "title" | "caseNumber" | "officers" | "attachmentMarkers">,
) {
  return {
    number: parsed.number,
    title: parsed.title,
    caseNumber: parsed.caseNumber,
    officers: parsed.officers,
    attachmentMarkers: parsed.attachmentMarkers,
  };
}

describe.each(FIXTURES)("importing $file", (expected) => {
  const meeting = parseFixture(expected);

  it("finds the committee, the meeting date and the kind of document", () => {
    expect(meeting.committee).toBe(expected.committee);
    expect(meeting.meetingDate).toBe(expected.meetingDate);
    expect(meeting.kind).toBe(expected.kind);
  });

  it("finds every section with its number and title, in order", () => {
    expect(meeting.sections.map(({ number, title }) => ({ number, title }))).toEqual(
      expected.sections.map(({ number, title }) => ({ number, title })),
    );
  });

  it("finds every item with its number, title, case number, officers and attachment count", () => {
    expect(meeting.sections.map((section) => section.items.map(header))).toEqual(
      expected.sections.map((section) => section.items.map(header)),
    );
  });

  it("reads each item's Baggrund, Indstilling, Sagsfremstilling and Beslutning", () => {
    for (const expectedItem of expected.sections.flatMap((section) => section.items)) {
      const parsed = item(meeting, expectedItem.number);
      for (const [field, text] of Object.entries(expectedItem.fields)) {
        const name = field as keyof ParsedItem["fields"];
        expectField(parsed.fields[name], text, `${expectedItem.number} ${field}`);
      }
    }
  });

  it("leaves no page header, page number or stray link line in any field", () => {
    for (const text of allFieldText(meeting)) {
      expect(text).not.toMatch(/SIDE\s*\|/);
      expect(text).not.toContain("KKR Syddanmark | ");
      expect(text).not.toMatch(/^https?:\/\/\S+$/m);
      expect(text).not.toMatch(/^(Mission|Vision)$/m);
    }
  });

  it("has no line-break hyphen left in any field text", () => {
    // "fe-" + "bruar" rejoined: a lower-case letter, a hyphen and a space before a lower-case
    // word is what an undone line break would leave, except in a suspended compound ("social- og").
    for (const text of allFieldText(meeting)) {
      const leftovers = [...text.matchAll(/\p{Ll}- (\p{Ll}+)/gu)].filter(
        (match) => !["og", "eller", "samt", "til"].includes(match[1]!),
      );
      expect(leftovers.map((match) => match[0])).toEqual([]);
    }
  });
});

describe("the 2020 agenda", () => {
  const meeting = parseFixture(kkr2020);

  it("takes committee and date from the running header 'KKR Syddanmark | 11-11-2020'", () => {
    expect(meeting.committee).toBe("KKR Syddanmark");
    expect(meeting.meetingDate).toBe("2020-11-11");
  });

  it("rejoins words hyphenated at line breaks and keeps hyphens of the text", () => {
    const sagsfremstilling = item(meeting, "2.1").fields.sagsfremstilling!;
    expect(sagsfremstilling).toContain("tværsektoriel kobling til andre sektorområder.");
    expect(sagsfremstilling).toContain("indeværende rammeaftaleperiode");
    expect(sagsfremstilling).toContain("psykiatrisygehuset");
    expect(item(meeting, "2.2").fields.baggrund).toContain(
      "rammeaftalen endnu ikke kan offentliggøres.",
    );
    expect(item(meeting, "3.1").fields.sagsfremstilling).toContain("EU-budgettet 2021-2027");
    expect(item(meeting, "3.1").fields.sagsfremstilling).toContain("Syddansk EU-kontor");
    expect(item(meeting, "3.1").fields.baggrund).toContain("KKR-formandskabet og KKR-udpegede");
    expect(item(meeting, "2.3").fields.baggrund).toContain("DK2020-indsatsen");
  });

  it("keeps a web address split over two lines whole", () => {
    expect(item(meeting, "1.1").fields.baggrund).toContain(
      "https://www.kl.dk/politik/kkr/kkr-syddanmark/moededatoer-dagsordener-og-referater/",
    );
  });

  it("reads dash lists and inline sub-headings, also one starting a page", () => {
    const text = item(meeting, "2.1").fields.sagsfremstilling!;
    expect(text).toContain(
      "– Tværsektoriel kobling til andre sektorområder\n– Styring og kapacitet\n– Kvalitet i indsatser.",
    );
    expect(item(meeting, "2.2").fields.sagsfremstilling).toContain(
      "coronakrisen.\n\nOpmærksomhedspunkter\n\nDer er også",
    );
    expect(item(meeting, "2.3").fields.sagsfremstilling).toContain(
      "17 mulige.\n\nRegional organisering af DK2020\n\nKKR Syddanmark og Regionsrådet",
    );
  });

  it("reads the attachment marker './..' after a page header as './.'", () => {
    expect(item(meeting, "3.2").fields.baggrund).toContain(
      "innovation.\n\n./. Syddanmark har fået to hovedkvarterer",
    );
  });

  it("keeps a table of short lines line by line, with a warning", () => {
    expect(item(meeting, "2.4").fields.baggrund).toContain(
      "Overblik over ansøgere\nAssens Syddanmark\nBillund Syddanmark\nEsbjerg Syddanmark Modtaget",
    );
    expect(meeting.warnings.some((warning) => warning.startsWith("Punkt 2.4 (Baggrund)"))).toBe(
      true,
    );
  });

  it("reads an item with no case line and one with no text at all", () => {
    expect(item(meeting, "4.1").caseNumber).toBeNull();
    expect(item(meeting, "4.1").officers).toEqual([]);
    expect(item(meeting, "5.1").fields).toEqual({
      baggrund: null,
      indstilling: null,
      sagsfremstilling: null,
      beslutning: null,
    });
  });
});

describe("the 2023 agenda", () => {
  const meeting = parseFixture(kkr2023);

  it("has no meeting date in its text, and says so with the dates around it", () => {
    expect(meeting.meetingDate).toBeNull();
    expect(meeting.warnings).toContain(
      "Mødedatoen fremgår ikke af teksten; den ligger efter 7. februar 2023 (forrige møde) og før 20. juni 2023 (næste møde).",
    );
  });

  it("joins multi-line titles, keeping '2024-2027' and undoing 'Klimaallian-cen'", () => {
    expect(item(meeting, "1.1").title).toBe(
      "Godkendelse af referat fra møde i KKR Syddanmark den 7. februar 2023",
    );
    expect(item(meeting, "2.3").title).toBe(
      "KKR Syddanmarks indspil til Erhvervsfremmestrategi 2024-2027",
    );
    expect(item(meeting, "4.1").title).toBe(
      "Udpegning til den politiske udviklingsgruppe i Klimaalliancen",
    );
  });

  it("rejoins 'fe-bruar' and a word split around a page's stray link lines", () => {
    expect(item(meeting, "1.1").fields.indstilling).toContain("mødet den 7. februar 2023.");
    expect(item(meeting, "3.1").fields.sagsfremstilling).toContain("omsætte klimaplaner til");
    expect(item(meeting, "3.1").fields.sagsfremstilling).not.toContain("sum.dk");
  });

  it("reads a numbered list inside Baggrund as a list, not as sections", () => {
    expect(item(meeting, "2.1").fields.baggrund).toContain(
      "1. Fælles dataunivers – gode og anvendelige data\n2. Analyse af udviklingen – hvorfor vokser udgifterne?\n3. Målrettet benchmarking\n4. Incitament struktur og incitament muligheder",
    );
    expect(meeting.sections.map((section) => section.number)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
    ]);
  });

  it("reads stacked sub-headings and warns about one with nothing under it", () => {
    expect(item(meeting, "3.1").fields.sagsfremstilling).toMatch(
      /^Orientering fra formandskabet\n\nAkutplan\n\nI februar 2023/,
    );
    expect(item(meeting, "2.3").fields.sagsfremstilling).toMatch(/\n\nProcessen fremadrettet$/);
    expect(meeting.warnings.some((warning) => warning.includes('"Processen fremadrettet"'))).toBe(
      true,
    );
  });
});

describe("the 2025 minutes", () => {
  const meeting = parseFixture(kkr2025);

  it("is minutes, because its items have a Beslutning", () => {
    expect(meeting.kind).toBe("referat");
    expect(items(meeting).every((parsed) => parsed.fields.beslutning !== null)).toBe(true);
  });

  it("rejoins 'herun-der', 'afklarin-ger' and 'mø-det'", () => {
    const baggrund = item(meeting, "2.1").fields.baggrund!;
    expect(baggrund).toContain("i flere spor – herunder lovgivning");
    expect(baggrund).toContain("initiativer og afklaringer, som får betydning");
    expect(baggrund).toContain("Per Okkels, deltager på mødet til en dialog");
    expect(item(meeting, "2.2").fields.beslutning).toContain(
      "finansiering af det fælles EU-kontor.",
    );
    expect(item(meeting, "2.8").fields.sagsfremstilling).toContain("indblik i it-tilstanden");
  });

  it("reads each Beslutning, including a dash list of reports and an item with empty fields", () => {
    expect(item(meeting, "1.1").fields.beslutning).toBe("Referatet blev godkendt.");
    expect(item(meeting, "2.2").fields.beslutning).toMatch(
      /^– Sundhedssamarbejdsudvalget, SSU, ved Mads Skau, Haderslev: Ikke til stede under punktet\.\n– Det regionale/,
    );
    expect(item(meeting, "2.2").fields.beslutning).toMatch(
      /\n\nKKR Syddanmark tog orienteringen til efterretning\.$/,
    );
    expect(item(meeting, "2.7").fields.beslutning).toBe(
      "KKR Syddanmark godkendte indstillingen med den tilføjelse, at KKR Syddanmark fremadrettet også bør have fokus på mobilitet.",
    );
    expect(item(meeting, "4.1").fields).toMatchObject({
      baggrund: "",
      indstilling: "",
      sagsfremstilling: "",
    });
    expect(item(meeting, "1.1").fields.sagsfremstilling).toBe("");
    expect(item(meeting, "2.2").fields.sagsfremstilling).toBeNull();
  });

  it("reads several officers and an item number past the first case number", () => {
    expect(item(meeting, "2.8").caseNumber).toBe("SAG-2025-00639");
    expect(item(meeting, "2.8").officers).toEqual(["lar", "chch", "anjh"]);
  });

  it("reads '- ' hyphen-minus lines as a dash list", () => {
    expect(item(meeting, "2.8").fields.sagsfremstilling).toContain(
      "fremhævet:\n\n– Der er ikke konkrete modeller for de nye it-enheder, så kommunerne skal nu udvikle de rigtige løsninger.\n– Der er mange spørgsmål",
    );
  });

  it("reads inline sub-headings as their own blocks", () => {
    const text = item(meeting, "2.3").fields.sagsfremstilling!;
    for (const heading of ["Årsrapport 2024", "Regnskab 2024", "Budget 2026", "Proces"]) {
      expect(text).toMatch(new RegExp(`(^|\\n\\n)${heading}\\n\\n`));
    }
  });
});
