import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findPersonalData } from "../../../server/publication";

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../fixtures/agendas",
);

function found(text: string): [string, string][] {
  return findPersonalData(text).map((finding) => [finding.kind, finding.match]);
}

describe("findPersonalData", () => {
  it.each([
    ["Borgerens CPR-nr. er 010190-1234.", "010190-1234"],
    ["cpr 0101901234 i journalen", "0101901234"],
    ["født 290224-4321 (skudår, 2024)", "290224-4321"],
    ["291299-5123 er født i 1899", "291299-5123"],
    ["311250-0001", "311250-0001"],
    ["med en tankestreg 010190–1234 fra en PDF", "010190–1234"],
  ])("finds the CPR number in %j", (text, match) => {
    expect(found(text)).toEqual([["cpr", match]]);
  });

  it.each([
    ["320125-1234", "day 32"],
    ["011390-1234", "month 13"],
    ["000190-1234", "day 0"],
    ["310490-1234", "31 April"],
    ["290223-1234", "29 February 1923, not a leap year"],
    ["290258-5234", "29 February 1858, not a leap year"],
  ])("does not flag %j (%s): not a calendar date", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("takes the century from the serial number for 29 February", () => {
    // 2000 was a leap year; with serial 4xxx, 00 is 2000 (0xxx would be 1900, which was not).
    expect(found("290200-4234")).toEqual([["cpr", "290200-4234"]]);
    expect(found("290200-0234")).toEqual([]);
  });

  it.each([
    ["Skriv til anna.hansen@kl.dk i dag", "anna.hansen@kl.dk"],
    ["<Søren.Ørsted@odense.dk>", "Søren.Ørsted@odense.dk"],
    ["mail: j_k+kkr@sub.region-syddanmark.dk.", "j_k+kkr@sub.region-syddanmark.dk"],
  ])("finds the e-mail address in %j", (text, match) => {
    expect(found(text)).toEqual([["email", match]]);
  });

  it.each([
    ["Ring på 23456789 i morgen", "23456789"],
    ["tlf. 2345 6789", "2345 6789"],
    ["tlf. 23 45 67 89.", "23 45 67 89"],
    ["+45 23 45 67 89", "+45 23 45 67 89"],
    ["+4523456789", "+4523456789"],
    ["0045 23456789", "0045 23456789"],
    ["mobil: 98 76 54 32, fastnet: 3333 4444", "98 76 54 32|3333 4444"],
  ])("finds the Danish phone number in %j", (text, match) => {
    expect(found(text)).toEqual(match.split("|").map((m) => ["phone", m]));
  });

  it.each([
    "SAG-2025-01413 mlal/anjh",
    "Ring på 12345678: danske numre begynder ikke med 1",
    "SAG-2023-00863 bel/snm",
    "Mødet holdes 03-09-2025 kl. 10.00-13.00.",
    "ISO-dato 2025-09-03 og 2025-9-3",
    "Budgettet er på 1.005.800 kr. i 2026",
    "I alt 12.345.678 og 12.345.678,50",
    "Strategi for 2024-2027 og 2024–2027",
    "Tid: 10:00–13:00",
    "Regnskab 48,54 mio. kr., fordelt med 31,20 mio. kr.",
    "Beløb 23456789 kr. og 34567890 DKK og kr. 45678901",
    "Tabel: 2024 2025 2026 2027",
    "Journalnr. 2025-0012345-67",
    "0–17-årige og 18,9 pct.",
    "EAN 5798000123456 og kontonr. 1234 1234567890",
    "www.kl.dk/politik/kkr/kkr-syddanmark/moedemateriale#moede-den-17-juni-2025-f2",
    "Per Okkels deltager på mødet d. 17. juni 2025.",
  ])("does not flag %j", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("gives each finding its offset and the text around it on one line", () => {
    const text = `Indledning.\n\nKontakt Anna på\nanna@kl.dk eller 23 45 67 89 – CPR 010190-1234.`;
    const findings = findPersonalData(text);
    expect(findings.map((finding) => finding.kind)).toEqual(["email", "phone", "cpr"]);
    for (const finding of findings) {
      expect(text.slice(finding.index, finding.index + finding.match.length)).toBe(finding.match);
      expect(finding.context).toContain(finding.match);
      expect(finding.context).not.toContain("\n");
    }
    expect(findings[0]!.context).toBe(
      "Indledning. Kontakt Anna på anna@kl.dk eller 23 45 67 89 – CPR 010190-1234.",
    );
  });

  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith(".txt")))(
    "finds nothing in the published agenda %s (case numbers, dates, amounts, page heads)",
    (name) => {
      expect(findPersonalData(readFileSync(path.join(FIXTURES, name), "utf8"))).toEqual([]);
    },
  );
});
