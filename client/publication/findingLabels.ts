import type { FindingField, PersonalDataFinding } from "../api/publicationApi";

export const FINDING_KIND_LABELS: Record<PersonalDataFinding["kind"], string> = {
  cpr: "CPR-nummer",
  email: "E-mailadresse",
  phone: "Telefonnummer",
};

export const FINDING_FIELD_LABELS: Record<FindingField, string> = {
  title: "Titel",
  baggrund: "Baggrund",
  indstilling: "Indstilling",
  sagsfremstilling: "Sagsfremstilling",
  beslutning: "Beslutning",
  bilag: "Bilag",
};

/** "Sagsfremstilling" or "Bilag: budget.pdf". */
export function findingPlace(finding: PersonalDataFinding): string {
  const field = FINDING_FIELD_LABELS[finding.field] ?? finding.field;
  return finding.field === "bilag" && finding.attachmentName
    ? `${field}: ${finding.attachmentName}`
    : field;
}
