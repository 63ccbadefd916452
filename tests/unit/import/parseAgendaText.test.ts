import { describe, expect, it } from "vitest";
import { parseAgendaText } from "../../../server/import/index";
import type { ParsedItem, ParsedMeeting } from "../../../server/import/index";
import { itemBodySchema } from "../../../shared/editor/index";

function parse(text: string): ParsedMeeting {
  const result = parseAgendaText(text);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  for (const parsed of result.value.sections.flatMap((section) => section.items)) {
    itemBodySchema().nodeFromJSON(parsed.body).check();
  }
  return result.value;
}

function item(meeting: ParsedMeeting, number: string): ParsedItem {
  const found = meeting.sections.flatMap((s) => s.items).find((i) => i.number === number);
  if (!found) throw new Error(`no item ${number}`);
  return found;
}

/**
 * Minutes as pdftotext writes them: single-spaced, a form feed between pages, a front page, a
 * table of contents, running heads and page numbers, an empty section and an item past 2.9.
 */
const SINGLE_SPACED_MINUTES = `Referat
KKR Nordjylland
Mødedato: Onsdag den 3. september 2025, kl. 10.00
Mødested: Aalborg

Indholdsfortegnelse
1. Godkendelse af dagsorden 2
1.1. Godkendelse af dagsorden 2
2. Regionalpolitiske sager 3
2.1. Budget 2026 for det fælleskommunale sekretariat 3
3. Udpegninger 4
4. Eventuelt 5
4.1. Eventuelt 5
\fKKR Nordjylland | 03-09-2025
1. Godkendelse af dagsorden

1.1. Godkendelse af dagsorden
SAG-2025-01413 anjh

Indstilling
Det indstilles, at KKR Nordjylland godkender dagsordenen.

Beslutning i KKR Nordjylland den 3. september 2025
Godkendt.
Side 2 af 5
\fKKR Nordjylland | 03-09-2025
2. Regionalpolitiske sager

2.1. Budget 2026 for det fælleskommunale sekretariat med en lang titel, der
fortsætter på en ny linje
SAG-2025-01414 lar/chch

Baggrund
Sekretariatet har udarbejdet et forslag til budget for 2026, som skal god-
Side 3 af 5
\fKKR Nordjylland | 03-09-2025
kendes af KKR. Budgettet bygger på følgende forudsætninger:
a) uændret bemanding
b) pris- og lønfremskrivning på 3,1 pct.
c) uændret kommunebetaling

Indstilling
Det indstilles, at KKR Nordjylland
1. godkender budget 2026
2. tager orienteringen om regnskab 2024 til efterretning.

Sagsfremstilling
Økonomi
Budgettet balancerer med et mindre overskud på 12.000 kr., som overføres til
egenkapitalen. Der henvises i øvrigt til bilaget, der også beskriver forudsæt-
ningerne for de kommende år.

./. Bilag: Budget 2026

Beslutning: Godkendt uden bemærkninger.

2.10. Et punkt med et tocifret nummer
SAG-2025-01420 mlal

Baggrund
Punktet viser, at numre over 9 læses.

Beslutning
Taget til efterretning.
3. Udpegninger
4. Eventuelt

4.1. Eventuelt
SAG-2025-01413 anjh

Beslutning
Intet.
Side 5 af 5
`;

describe("parsing single-spaced minutes with page breaks", () => {
  const meeting = parse(SINGLE_SPACED_MINUTES);

  it("takes committee and date from the running heads, and kind from the front page", () => {
    expect(meeting.committee).toBe("KKR Nordjylland");
    expect(meeting.meetingDate).toBe("2025-09-03");
    expect(meeting.kind).toBe("referat");
  });

  it("skips the table of contents and keeps an empty section", () => {
    expect(meeting.sections.map((s) => [s.number, s.title, s.items.map((i) => i.number)])).toEqual([
      ["1", "Godkendelse af dagsorden", ["1.1"]],
      ["2", "Regionalpolitiske sager", ["2.1", "2.10"]],
      ["3", "Udpegninger", []],
      ["4", "Eventuelt", ["4.1"]],
    ]);
    // A table of contents is normal in a published agenda: nothing to warn about.
    expect(meeting.warnings.filter((warning) => /indholdsfortegnelse/i.test(warning))).toEqual([]);
  });

  it("warns about the numbers between 2.1 and 2.10", () => {
    expect(meeting.warnings).toContain(
      "Punkt 2.2–2.9 mangler i nummereringen (måske lukkede punkter).",
    );
  });

  it("joins a two-line title and reads officers", () => {
    const budget = item(meeting, "2.1");
    expect(budget.title).toBe(
      "Budget 2026 for det fælleskommunale sekretariat med en lang titel, der fortsætter på en ny linje",
    );
    expect(budget.officers).toEqual(["lar", "chch"]);
  });

  it("rejoins a word hyphenated across a page break with its running heads", () => {
    expect(item(meeting, "2.1").fields.baggrund).toMatch(
      /^Sekretariatet .* skal godkendes af KKR\./,
    );
  });

  it("reads a)-lists and 1.-lists, also one finishing the Indstilling sentence", () => {
    const budget = item(meeting, "2.1");
    expect(budget.fields.baggrund).toContain(
      "forudsætninger:\n\na) uændret bemanding\nb) pris- og lønfremskrivning på 3,1 pct.\nc) uændret kommunebetaling",
    );
    expect(budget.fields.indstilling).toBe(
      "Det indstilles, at KKR Nordjylland\n\n1. godkender budget 2026\n2. tager orienteringen om regnskab 2024 til efterretning.",
    );
    const list = budget.body.content![0]!.content!.find((block) => block.type === "orderedList");
    expect(list?.attrs).toEqual({ start: 1, type: "a" });
  });

  it("reads 'Beslutning i … den …' and 'Beslutning: text' as Beslutning", () => {
    expect(item(meeting, "1.1").fields.beslutning).toBe("Godkendt.");
    expect(item(meeting, "2.1").fields.beslutning).toBe("Godkendt uden bemærkninger.");
    expect(item(meeting, "4.1").fields.beslutning).toBe("Intet.");
  });

  it("reads a sub-heading and counts the attachment marker", () => {
    const budget = item(meeting, "2.1");
    expect(budget.fields.sagsfremstilling).toMatch(
      /^Økonomi\n\nBudgettet balancerer .* forudsætningerne for de kommende år\.\n\n\.\/\. Bilag: Budget 2026$/,
    );
    expect(budget.body.content![2]!.content![0]!.type).toBe("heading");
    expect(budget.attachmentMarkers).toBe(1);
  });

  it("leaves page numbers and running heads out of the text", () => {
    const texts = meeting.sections.flatMap((s) => s.items).flatMap((i) => Object.values(i.fields));
    for (const text of texts) {
      expect(text ?? "").not.toMatch(/Side \d|\| 03-09-2025/);
    }
  });
});

describe("parsing a Word document's text, one paragraph per line", () => {
  const meeting = parse(`Dagsorden
KKR Midtjylland
Mødet holdes den 12. juni 2024 i Silkeborg.
1. Regionalpolitiske sager
1.1. Status på sundhedsreformen og de kommende sundhedsråd i Region Midtjylland
SAG-2024-00001 abc
Baggrund
Sundhedsreformen blev vedtaget i foråret, og implementeringen er nu i gang i alle fem regioner. Kommunerne forbereder sig på de nye sundhedsråd, som skal etableres fra 2027.
Årsrapport 2024
Årsrapporten viser en række resultater, som sekretariatet har opnået i 2024. Den er vedlagt som bilag.
Indstilling
Det indstilles, at KKR Midtjylland tager orienteringen til efterretning.
Sagsfremstilling
Følgende emner drøftes på mødet:
– Sundhedsrådenes sammensætning
– Økonomi og finansiering af de nye opgaver, herunder den kommunale medfinansiering
– Tidsplan
./. Notat om sundhedsrådene er vedlagt.
2. Eventuelt
`);

  it("finds committee and date on the front page and reads it as an agenda", () => {
    expect(meeting.committee).toBe("KKR Midtjylland");
    expect(meeting.meetingDate).toBe("2024-06-12");
    expect(meeting.kind).toBe("dagsorden");
  });

  it("keeps each line a paragraph, with sub-headings and lists", () => {
    const status = item(meeting, "1.1");
    expect(status.fields.baggrund).toBe(
      "Sundhedsreformen blev vedtaget i foråret, og implementeringen er nu i gang i alle fem regioner. Kommunerne forbereder sig på de nye sundhedsråd, som skal etableres fra 2027.\n\nÅrsrapport 2024\n\nÅrsrapporten viser en række resultater, som sekretariatet har opnået i 2024. Den er vedlagt som bilag.",
    );
    expect(status.body.content![0]!.content!.map((block) => block.type)).toEqual([
      "paragraph",
      "heading",
      "paragraph",
    ]);
    expect(status.fields.sagsfremstilling).toBe(
      "Følgende emner drøftes på mødet:\n\n– Sundhedsrådenes sammensætning\n– Økonomi og finansiering af de nye opgaver, herunder den kommunale medfinansiering\n– Tidsplan\n\n./. Notat om sundhedsrådene er vedlagt.",
    );
    expect(status.attachmentMarkers).toBe(1);
    expect(meeting.sections[1]).toEqual({ number: "2", title: "Eventuelt", items: [] });
  });
});

describe("what the parser refuses or doubts", () => {
  it("refuses text without numbered items", () => {
    const result = parseAgendaText("Mission\nKL bidrager til at udvikle demokratiet.\n");
    expect(result.ok ? null : result.error.code).toBe("import_no_agenda");
  });

  it("refuses a numbered list that only looks like sections", () => {
    const result = parseAgendaText("Vi skal:\n1. Spise frokost\n2. Holde møde\n3. Tage hjem\n");
    expect(result.ok ? null : result.error.code).toBe("import_no_agenda");
  });

  it("says when neither committee nor meeting date can be found", () => {
    const meeting = parse("1. Sager\n1.1. Et punkt\nSAG-2024-00001 abc\nBaggrund\nTekst.\n");
    expect(meeting.committee).toBeNull();
    expect(meeting.meetingDate).toBeNull();
    expect(meeting.warnings).toContain("Udvalgets navn fremgår ikke tydeligt af teksten.");
    expect(meeting.warnings).toContain("Mødedatoen fremgår ikke af teksten.");
  });

  it("puts text before the first field heading in Sagsfremstilling, with a warning", () => {
    const meeting = parse(
      "1. Sager\n1.1. Et punkt\nSAG-2024-00001 abc\nLøs tekst uden overskrift.\n\nBaggrund\nTekst.\n",
    );
    expect(item(meeting, "1.1").fields).toEqual({
      baggrund: "Tekst.",
      indstilling: null,
      sagsfremstilling: "Løs tekst uden overskrift.",
      beslutning: null,
    });
    expect(meeting.warnings.some((warning) => warning.startsWith("Punkt 1.1: tekst uden"))).toBe(
      true,
    );
  });

  it("reads a repeated field heading as text, with a warning", () => {
    const meeting = parse(
      "1. Sager\n1.1. Et punkt\nSAG-2024-00001 abc\nBaggrund\nFørst.\n\nBaggrund\nIgen.\n",
    );
    expect(item(meeting, "1.1").fields.baggrund).toBe("Først.\n\nBaggrund\n\nIgen.");
    expect(meeting.warnings.some((warning) => warning.includes("to gange"))).toBe(true);
  });

  it("reads Beslutning headings without text as an agenda, with a warning", () => {
    const meeting = parse("1. Sager\n1.1. Et punkt\nSAG-2024-00001 abc\nBeslutning\n\n");
    expect(meeting.kind).toBe("dagsorden");
    expect(item(meeting, "1.1").fields.beslutning).toBe("");
    expect(item(meeting, "1.1").beslutning).toEqual([{ type: "paragraph" }]);
  });
});

/** One item whose Sagsfremstilling is `text`, printed in lines of about 70 characters. */
function sagsfremstillingOf(text: string): { text: string | null; warnings: string[] } {
  const meeting = parse(`1. Sager\n1.1. Et punkt\nSAG-2024-00001 abc\nSagsfremstilling\n${text}`);
  return { text: item(meeting, "1.1").fields.sagsfremstilling, warnings: meeting.warnings };
}

describe("reading field text conservatively", () => {
  it("does not make a list of a paragraph starting with a date", () => {
    const { text } = sagsfremstillingOf(
      [
        "Opgaven er beskrevet i lovgivningen og er fordelt mellem kommunerne og",
        "regionerne efter aftale i det fælles forum for sundhedssamarbejdet i år.",
        "",
        "1. januar 2025 overgik opgaven til kommunerne, som siden har løst den i",
        "tæt samarbejde med regionen og de praktiserende læger i hele området.",
      ].join("\n"),
    );
    expect(text).toBe(
      "Opgaven er beskrevet i lovgivningen og er fordelt mellem kommunerne og regionerne efter aftale i det fælles forum for sundhedssamarbejdet i år.\n\n1. januar 2025 overgik opgaven til kommunerne, som siden har løst den i tæt samarbejde med regionen og de praktiserende læger i hele området.",
    );
  });

  it("keeps a lone numbered line as a paragraph, number and all", () => {
    const { text } = sagsfremstillingOf(
      [
        "Kommunerne har i fællesskab prioriteret én indsats for det kommende år:",
        "1. Bedre data om udgifterne på det specialiserede socialområde i regionen",
        "",
        "Indsatsen følges op på næste møde, hvor arbejdsgruppen giver en status.",
      ].join("\n"),
    );
    expect(text).toContain(
      "\n\n1. Bedre data om udgifterne på det specialiserede socialområde i regionen\n\n",
    );
  });

  it("does not make a heading of a name with a comma", () => {
    const meeting = parse(
      [
        "1. Sager",
        "1.1. Et punkt",
        "SAG-2024-00001 abc",
        "Sagsfremstilling",
        "Mads Skau, Haderslev",
        "Orienterede om arbejdet i sundhedssamarbejdsudvalget siden sidste møde og",
        "om de kommende sager, som udvalget skal behandle i løbet af efteråret.",
      ].join("\n"),
    );
    const types = item(meeting, "1.1").body.content![2]!.content!.map((block) => block.type);
    expect(types).not.toContain("heading");
  });

  it("makes a heading of a short line without a full stop followed by a paragraph", () => {
    const meeting = parse(
      [
        "1. Sager",
        "1.1. Et punkt",
        "SAG-2024-00001 abc",
        "Sagsfremstilling",
        "Budgettet for det kommende år er udarbejdet på baggrund af regnskabet og",
        "de forventede udgifter, som sekretariatet har opgjort i foråret.",
        "",
        "Budget 2026",
        "Budgettet balancerer med et mindre overskud på 12.000 kr., som overføres",
        "til egenkapitalen. Der henvises i øvrigt til bilaget om forudsætningerne.",
      ].join("\n"),
    );
    const blocks = item(meeting, "1.1").body.content![2]!.content!;
    expect(blocks.map((block) => block.type)).toEqual(["paragraph", "heading", "paragraph"]);
    expect(blocks[1]).toEqual({
      type: "heading",
      attrs: { level: 3 },
      content: [{ type: "text", text: "Budget 2026" }],
    });
  });

  it("drops a printed link target that runs over two lines", () => {
    const { text } = sagsfremstillingOf(
      [
        "Aftalen om en akutplan er offentliggjort af ministeriet og kan læses på",
        "ministeriets hjemmeside sammen med de øvrige dokumenter fra forhandlingerne.",
        "https://sum.dk/Media/638127382383915179/Aftale%20om%20akutplan%20for%20sygehusv",
        "%C3%A6senet.pdf",
        "Fokus er på forebyggelse af sygehusophold og på de aktuelle udfordringer.",
      ].join("\n"),
    );
    expect(text).not.toMatch(/sum\.dk|%C3/);
    expect(text).toContain("forhandlingerne. Fokus er på forebyggelse");
  });

  it("reads a dash starting a line mid-sentence as text, with a warning", () => {
    const { text, warnings } = sagsfremstillingOf(
      [
        "Udgifterne til de private tilbud er steget markant, og det gælder både for",
        "- og udgifterne til de kommunale tilbud er også steget i samme periode.",
      ].join("\n"),
    );
    expect(text).toBe(
      "Udgifterne til de private tilbud er steget markant, og det gælder både for - og udgifterne til de kommunale tilbud er også steget i samme periode.",
    );
    expect(warnings.some((warning) => warning.includes("tankestreg"))).toBe(true);
  });
});

describe("parsing a municipal agenda numbered without sections", () => {
  const meeting = parse(`Økonomiudvalget
Referat
Mødedato: 12. marts 2024

1. Godkendelse af dagsorden
Sagsnr.: 00.01.00-A00-1-24
Beslutning
Godkendt.

2. Budgetopfølgning pr. 31. januar 2024
Sagsnr.: 00.30.14-Ø00-2-24
Resumé
Forvaltningen har udarbejdet budgetopfølgning pr. 31. januar 2024 for hele kommunen.
SAGSFREMSTILLING
Budgetopfølgningen viser et forventet mindreforbrug på 4,2 mio. kr. på serviceudgifterne.
Indstilling
Direktionen indstiller, at Økonomiudvalget tager budgetopfølgningen til efterretning.
Beslutning i Økonomiudvalget den 12-03-2024
Taget til efterretning.

3. Eventuelt
Beslutning
Intet.
`);

  it("reads each numbered heading as an item of one unnumbered section, with a warning", () => {
    expect(meeting.sections).toHaveLength(1);
    expect(meeting.sections[0]!.number).toBe("");
    expect(meeting.sections[0]!.items.map((i) => [i.number, i.title, i.caseNumber])).toEqual([
      ["1", "Godkendelse af dagsorden", "00.01.00-A00-1-24"],
      ["2", "Budgetopfølgning pr. 31. januar 2024", "00.30.14-Ø00-2-24"],
      ["3", "Eventuelt", null],
    ]);
    expect(meeting.warnings).toContain(
      "Dagsordenen har punkter uden afsnit; de er samlet i ét afsnit uden nummer og titel.",
    );
  });

  it("reads Resumé as Baggrund and headings in capitals", () => {
    expect(item(meeting, "2").fields).toEqual({
      baggrund:
        "Forvaltningen har udarbejdet budgetopfølgning pr. 31. januar 2024 for hele kommunen.",
      indstilling:
        "Direktionen indstiller, at Økonomiudvalget tager budgetopfølgningen til efterretning.",
      sagsfremstilling:
        "Budgetopfølgningen viser et forventet mindreforbrug på 4,2 mio. kr. på serviceudgifterne.",
      beslutning: "Taget til efterretning.",
    });
  });

  it("finds committee, date and kind on the front page", () => {
    expect(meeting.committee).toBe("Økonomiudvalget");
    expect(meeting.meetingDate).toBe("2024-03-12");
    expect(meeting.kind).toBe("referat");
  });
});

describe("running heads", () => {
  it("are taken out of the text, also with the date written out, and give committee and date", () => {
    const meeting = parse(
      [
        "1. Sager",
        "",
        "1.1. Et punkt",
        "SAG-2024-00001 abc",
        "Baggrund",
        "Første linje af teksten, som fortsætter på næste side i dokumentet og",
        "KKR Fyn | 3. september 2025",
        "SIDE | 2",
        "slutter her.",
      ].join("\n"),
    );
    expect(item(meeting, "1.1").fields.baggrund).toBe(
      "Første linje af teksten, som fortsætter på næste side i dokumentet og slutter her.",
    );
    expect(meeting.committee).toBe("KKR Fyn");
    expect(meeting.meetingDate).toBe("2025-09-03");
  });
});

describe("running heads sharing their line with the page label", () => {
  it("are taken out and give committee and date, the label on either side", () => {
    const meeting = parse(
      [
        "1. Sager",
        "",
        "1.1. Et punkt",
        "SAG-2024-00001 abc",
        "Baggrund",
        "Første linje af teksten, som fortsætter på næste side i dokumentet og",
        "\fKKR Fyn | 03-09-2025 SIDE | 2",
        "fortsætter her, hvor teksten går videre over endnu en side i dokumentet, og",
        "\fSide 3 af 3 KKR Fyn | 03-09-2025",
        "slutter her.",
      ].join("\n"),
    );
    expect(item(meeting, "1.1").fields.baggrund).toBe(
      "Første linje af teksten, som fortsætter på næste side i dokumentet og fortsætter her, hvor teksten går videre over endnu en side i dokumentet, og slutter her.",
    );
    expect(meeting.committee).toBe("KKR Fyn");
    expect(meeting.meetingDate).toBe("2025-09-03");
  });
});

describe("the committee on a front page", () => {
  it("is read from the meeting's title next to 'Dagsorden'", () => {
    const meeting = agenda(["KKR Fyn", "Dagsorden", "Møde i KKR Fyn", "Dato: 3. september 2025"]);
    expect(meeting.committee).toBe("KKR Fyn");
  });
});

describe("edge cases of the KL layout", () => {
  it("reads a title wrapped onto a line that looks like a section heading", () => {
    const meeting = parse(
      [
        "1. Sager",
        "",
        "1.1. Orientering om regnskabet for de fælleskommunale sekretariater for",
        "3. Kvartal 2024",
        "SAG-2024-00001 abc",
        "Baggrund",
        "Tekst.",
      ].join("\n"),
    );
    expect(item(meeting, "1.1").title).toBe(
      "Orientering om regnskabet for de fælleskommunale sekretariater for 3. Kvartal 2024",
    );
    expect(item(meeting, "1.1").caseNumber).toBe("SAG-2024-00001");
  });

  it("keeps an attachment marker alone on its line with the paragraph after it", () => {
    const { text } = sagsfremstillingOf(
      [
        "Sekretariatet har udarbejdet en årsrapport, som beskriver årets arbejde og",
        "de væsentligste resultater for kommunerne i regionen i det forløbne år.",
        "",
        "./.",
        "Årsrapporten viser en række resultater, som sekretariatet har opnået.",
      ].join("\n"),
    );
    expect(text).toMatch(
      /\n\n\.\/\. Årsrapporten viser en række resultater, som sekretariatet har opnået\.$/,
    );
  });
});

describe("numbered lists with blank lines between the items", () => {
  it("are one list", () => {
    const meeting = parse(
      [
        "1. Sager",
        "1.1. Et punkt",
        "SAG-2024-00001 abc",
        "Indstilling",
        "Det indstilles, at udvalget",
        "",
        "1. godkender budgettet for 2026",
        "",
        "2. tager regnskabet for 2024 til efterretning.",
      ].join("\n"),
    );
    const indstilling = item(meeting, "1.1").body.content![1]!;
    expect(indstilling.content!.map((block) => block.type)).toEqual(["paragraph", "orderedList"]);
    expect(item(meeting, "1.1").fields.indstilling).toBe(
      "Det indstilles, at udvalget\n\n1. godkender budgettet for 2026\n2. tager regnskabet for 2024 til efterretning.",
    );
  });
});

/** An agenda with `frontPage` before its first section. */
function agenda(frontPage: string[]): ParsedMeeting {
  return parse(
    [
      ...frontPage,
      "1. Godkendelse af referat",
      "1.1. Godkendelse af referat fra mødet den 17. juni 2025",
      "SAG-2025-00001 abc",
      "Indstilling",
      "Det indstilles, at KKR Fyn godkender referatet.",
    ].join("\n"),
  );
}

describe("the meeting date on a front page", () => {
  it("is read from a line about the meeting's time, not from the table of contents", () => {
    const meeting = agenda([
      "Dagsorden",
      "KKR Fyn",
      "Tid: Onsdag den 3. september 2025 kl. 10.00-12.00",
      "Indhold",
      "1.1. Godkendelse af referat fra mødet den 17. juni 2025 ........ 2",
      "1.2. Godkendelse af referat fra mødet den 17. juni 2025 2",
    ]);
    expect(meeting.meetingDate).toBe("2025-09-03");
    expect(meeting.committee).toBe("KKR Fyn");
  });

  it("is taken from any date on the front page as a last resort, with a warning", () => {
    const meeting = agenda(["Dagsorden", "KKR Fyn", "3. september 2025"]);
    expect(meeting.meetingDate).toBe("2025-09-03");
    expect(meeting.warnings).toContain(
      "Mødedatoen 3. september 2025 er den første dato på forsiden; kontrollér den.",
    );
  });
});
