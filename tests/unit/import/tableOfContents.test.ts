import { describe, expect, it } from "vitest";
import { parseAgendaText } from "../../../server/import/index";
import type { ParsedMeeting } from "../../../server/import/index";

function parse(text: string): ParsedMeeting {
  const result = parseAgendaText(text);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function item(meeting: ParsedMeeting, number: string) {
  const found = meeting.sections.flatMap((s) => s.items).find((i) => i.number === number);
  if (!found) throw new Error(`no item ${number}`);
  return found;
}

/** Sections as [number, title, [item number, title, case number]…]. */
function outline(meeting: ParsedMeeting) {
  return meeting.sections.map((section) => [
    section.number,
    section.title,
    section.items.map((entry) => [entry.number, entry.title, entry.caseNumber]),
  ]);
}

function contentsWarnings(meeting: ParsedMeeting): string[] {
  return meeting.warnings.filter((warning) => /indholdsfortegnelse/i.test(warning));
}

/** The agenda after the contents: three sections, a wrapped title, an item without text. */
const AGENDA = `1. Godkendelse af dagsorden
1.1. Godkendelse af dagsorden
SAG-2025-00001 abc
Indstilling
Det indstilles, at dagsordenen godkendes.
2. Regionalpolitiske sager
2.1. Det fælleskommunale sundhedssekretariats regnskab og årsrapport for 2024 samt
budget for 2026
SAG-2025-00002 abc/def
Baggrund
Sekretariatet har udarbejdet regnskab og årsrapport.
2.2. Status på sundhedsreformen
SAG-2025-00003 abc
Baggrund
Reformen er i gang.
3. Eventuelt
3.1. Eventuelt
`;

const AGENDA_OUTLINE = [
  ["1", "Godkendelse af dagsorden", [["1.1", "Godkendelse af dagsorden", "SAG-2025-00001"]]],
  [
    "2",
    "Regionalpolitiske sager",
    [
      [
        "2.1",
        "Det fælleskommunale sundhedssekretariats regnskab og årsrapport for 2024 samt budget for 2026",
        "SAG-2025-00002",
      ],
      ["2.2", "Status på sundhedsreformen", "SAG-2025-00003"],
    ],
  ],
  ["3", "Eventuelt", [["3.1", "Eventuelt", null]]],
];

const FRONT_PAGE = "Dagsorden\nKKR Fyn\nMødedato: 3. september 2025\n";

describe("a table of contents before the agenda", () => {
  const styles: Record<string, string> = {
    "headed, with dot leaders, a title wrapped with the page number on its last line": `Indholdsfortegnelse
1. Godkendelse af dagsorden ........ 2
1.1. Godkendelse af dagsorden ........ 2
2. Regionalpolitiske sager ........ 3
2.1. Det fælleskommunale sundhedssekretariats regnskab og årsrapport for 2024 samt
budget for 2026 ........ 3
2.2. Status på sundhedsreformen . . . . . . . . 4
3. Eventuelt ………… 5
3.1. Eventuelt ………… 5
`,
    "headed in capitals, page numbers after a space, on a title's first line": `INDHOLD
1. Godkendelse af dagsorden 2
1.1. Godkendelse af dagsorden 2
2. Regionalpolitiske sager 3
2.1. Det fælleskommunale sundhedssekretariats regnskab og årsrapport for 2024 samt 3
budget for 2026
2.2. Status på sundhedsreformen 4
3. Eventuelt 5
3.1. Eventuelt 5
`,
    "without a heading, with page numbers": `1. Godkendelse af dagsorden 2
1.1. Godkendelse af dagsorden 2
2. Regionalpolitiske sager 3
2.1. Det fælleskommunale sundhedssekretariats regnskab 3
2.2. Status på sundhedsreformen 4
3. Eventuelt 5
3.1. Eventuelt 5
`,
    "headed, without page numbers": `Indhold:
1. Godkendelse af dagsorden
1.1. Godkendelse af dagsorden
2. Regionalpolitiske sager
2.1. Det fælleskommunale sundhedssekretariats regnskab og årsrapport for 2024 samt
budget for 2026
2.2. Status på sundhedsreformen
3. Eventuelt
3.1. Eventuelt
`,
    "with a column head and page numbers on lines of their own": `Indholdsfortegnelse
Punkt Side
1. Godkendelse af dagsorden
2
1.1. Godkendelse af dagsorden
2
2. Regionalpolitiske sager
3
2.1. Det fælleskommunale sundhedssekretariats regnskab
3
2.2. Status på sundhedsreformen
4
3. Eventuelt
5
3.1. Eventuelt
5
`,
    "over two pages with running heads, items only": `Indhold
1.1. Godkendelse af dagsorden 2
2.1. Det fælleskommunale sundhedssekretariats regnskab 3
\fKKR Fyn | 03-09-2025
Side 2 af 6
2.2. Status på sundhedsreformen 4
3.1. Eventuelt 5
`,
  };

  it.each(Object.entries(styles))("is skipped when %s", (_, contents) => {
    const meeting = parse(`${FRONT_PAGE}\n${contents}\f${AGENDA}`);
    expect(outline(meeting)).toEqual(AGENDA_OUTLINE);
    expect(item(meeting, "3.1").fields).toEqual({
      baggrund: null,
      indstilling: null,
      sagsfremstilling: null,
      beslutning: null,
    });
    expect(contentsWarnings(meeting)).toEqual([]);
    expect(meeting.warnings.some((warning) => warning.includes("afsnitsoverskrift"))).toBe(false);
    expect(meeting.committee).toBe("KKR Fyn");
    expect(meeting.meetingDate).toBe("2025-09-03");
  });

  it("gives no meeting date from a title in the contents", () => {
    const meeting = parse(`KKR Fyn
Indhold
1. Godkendelse af referat 2
1.1. Godkendelse af referat fra mødet den 17. juni 2025 2
1. Godkendelse af referat
1.1. Godkendelse af referat fra mødet den 17. juni 2025
SAG-2025-00001 abc
Indstilling
Det indstilles, at KKR Fyn godkender referatet.
`);
    expect(meeting.meetingDate).toBeNull();
    expect(outline(meeting)).toEqual([
      [
        "1",
        "Godkendelse af referat",
        [["1.1", "Godkendelse af referat fra mødet den 17. juni 2025", "SAG-2025-00001"]],
      ],
    ]);
  });

  it("is skipped when it lists closed items the published agenda leaves out", () => {
    const meeting = parse(`Indhold
1. Godkendelse af dagsorden 2
1.1. Godkendelse af dagsorden 2
2. Regionalpolitiske sager 3
2.1. Personalesag (lukket punkt) 3
2.2. Status på sundhedsreformen 3
3. Eventuelt 4
3.1. Eventuelt 4
\f${AGENDA.replace(/^2\.1\.[^]*?(?=^2\.2\.)/m, "")}`);
    expect(meeting.sections[1]!.items.map((parsed) => parsed.number)).toEqual(["2.2"]);
    expect(contentsWarnings(meeting)).toEqual([]);
  });

  it("is skipped before a municipal agenda numbered without sections", () => {
    const meeting = parse(`Økonomiudvalget
Referat
Mødedato: 12. marts 2024
Dagsorden:
1. Godkendelse af dagsorden
2. Budgetopfølgning pr. 31. januar 2024
3. Eventuelt

1. Godkendelse af dagsorden
Sagsnr.: 00.01.00-A00-1-24
Beslutning
Godkendt.
2. Budgetopfølgning pr. 31. januar 2024
Sagsnr.: 00.30.14-Ø00-2-24
Beslutning
Taget til efterretning.
3. Eventuelt
Beslutning
Intet.
`);
    expect(outline(meeting)).toEqual([
      [
        "",
        "",
        [
          ["1", "Godkendelse af dagsorden", "00.01.00-A00-1-24"],
          ["2", "Budgetopfølgning pr. 31. januar 2024", "00.30.14-Ø00-2-24"],
          ["3", "Eventuelt", null],
        ],
      ],
    ]);
    expect(contentsWarnings(meeting)).toEqual([]);
    expect(meeting.meetingDate).toBe("2024-03-12");
  });

  it("is skipped before items whose case numbers look like page numbers", () => {
    const meeting = parse(`Indholdsfortegnelse
1. Godkendelse af dagsorden 2
2. Eventuelt 3

1. Godkendelse af dagsorden
Sagsnr.: 12
Beslutning
Godkendt.
2. Eventuelt
Sagsnr.: 13
Beslutning
Intet.
`);
    expect(outline(meeting)).toEqual([
      [
        "",
        "",
        [
          ["1", "Godkendelse af dagsorden", "12"],
          ["2", "Eventuelt", "13"],
        ],
      ],
    ]);
    expect(contentsWarnings(meeting)).toEqual([]);
  });

  it("drops unnumbered contents lines with dot leaders", () => {
    const meeting = parse(`${FRONT_PAGE}Indholdsfortegnelse
Godkendelse af dagsorden ........ 2
Regionalpolitiske sager ........ 3
\f${AGENDA}`);
    expect(outline(meeting)).toEqual(AGENDA_OUTLINE);
    expect(meeting.committee).toBe("KKR Fyn");
  });
});

describe("numbered lines before the agenda that are no table of contents", () => {
  it("are the agenda's own items without text when the agenda does not repeat them", () => {
    const meeting = parse(`1. Meddelelser
1.1. Nyt fra formanden
1.2. Budget 2026
SAG-2025-00001 abc
Baggrund
Tekst.
2. Eventuelt
`);
    expect(outline(meeting)).toEqual([
      [
        "1",
        "Meddelelser",
        [
          ["1.1", "Nyt fra formanden", null],
          ["1.2", "Budget 2026", "SAG-2025-00001"],
        ],
      ],
      ["2", "Eventuelt", []],
    ]);
    expect(meeting.warnings.some((warning) => warning.includes("afsnitsoverskrift"))).toBe(false);
  });

  it("make an agenda overview under 'Dagsorden' the agenda, without a contents warning", () => {
    const meeting = parse(`Dagsorden
1. Sager
1.1. Valg efter § 17, stk. 4
1.2. Eventuelt
`);
    expect(outline(meeting)).toEqual([
      [
        "1",
        "Sager",
        [
          ["1.1", "Valg efter § 17, stk. 4", null],
          ["1.2", "Eventuelt", null],
        ],
      ],
    ]);
    expect(contentsWarnings(meeting)).toEqual([]);
  });
});

describe("a document that is only a table of contents", () => {
  it("is read as items without text, page numbers left out, with a warning", () => {
    const meeting = parse(`KKR Fyn
Mødedato: 3. september 2025
Indholdsfortegnelse
1. Godkendelse af dagsorden 2
1.1. Godkendelse af dagsorden 2
2. Regionalpolitiske sager 3
2.1. Valg efter § 17, stk. 4 3
2.2. Status på sundhedsreformen ........ 4
`);
    expect(outline(meeting)).toEqual([
      ["1", "Godkendelse af dagsorden", [["1.1", "Godkendelse af dagsorden", null]]],
      [
        "2",
        "Regionalpolitiske sager",
        [
          ["2.1", "Valg efter § 17, stk. 4", null],
          ["2.2", "Status på sundhedsreformen", null],
        ],
      ],
    ]);
    expect(contentsWarnings(meeting)).toEqual([
      "Ingen af punkterne har sagsnummer eller feltoverskrifter; dokumentet indeholder måske kun en indholdsfortegnelse.",
    ]);
  });

  it("keeps a number ending a title when the contents have no page numbers", () => {
    const meeting = parse(`Indhold
1. Sager
1.1. Valg efter § 17, stk. 4
1.2. Orientering om kvartal 3
`);
    expect(meeting.sections[0]!.items.map((parsed) => parsed.title)).toEqual([
      "Valg efter § 17, stk. 4",
      "Orientering om kvartal 3",
    ]);
  });

  it("is refused when numbered without sections, like any plain numbered list", () => {
    const result = parseAgendaText(`Indholdsfortegnelse
1. Godkendelse af dagsorden 2
2. Budgetopfølgning 3
3. Eventuelt 4
`);
    expect(result.ok ? null : result.error.code).toBe("import_no_agenda");
  });
});
