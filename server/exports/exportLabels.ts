/** The Danish words the exports print, in one place so all formats say the same. */
export const EXPORT_LABELS = {
  dagsorden: "Dagsorden",
  referat: "Referat",
  contents: "Indhold",
  closed: "Lukket punkt",
  attachments: "Bilag",
  attachment: "Bilag",
  missingFile: "(fil mangler)",
  attachmentMarker: "./.",
  date: "Dato",
  time: "Tid",
  place: "Sted",
  present: "Deltagere",
  absent: "Afbud",
  substituteFor: "stedfortræder for",
  notPresentForItem: "Ikke til stede under punktet",
  page: "SIDE",
  decisionExtract: "Delreferat",
  beslutning: "Beslutning",
  recordHash: "Indholdets fingeraftryk (SHA-256)",
  approved: "Referatet er godkendt",
} as const;

const APPROVAL_TIME = new Intl.DateTimeFormat("da-DK", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Copenhagen",
});

/**
 * What a document says about the record it was made from: for approved minutes when they were
 * approved, then the record's fingerprint, which anyone can compare with the meeting's record.
 */
export function recordLines(record: { hash: string; approvedAt: number | null }): string[] {
  return [
    ...(record.approvedAt !== null
      ? [`${EXPORT_LABELS.approved} ${APPROVAL_TIME.format(new Date(record.approvedAt))}.`]
      : []),
    `${EXPORT_LABELS.recordHash}: ${record.hash}`,
  ];
}

/** "SIDE | 3", as the documents' running footer prints it. */
export function pageLabel(pageNumber: number): string {
  return `${EXPORT_LABELS.page} | ${pageNumber}`;
}

/** "./. Status på milepæle.pdf" */
export function attachmentMarkerText(label: string): string {
  return label.trim() === ""
    ? EXPORT_LABELS.attachmentMarker
    : `${EXPORT_LABELS.attachmentMarker} ${label.trim()}`;
}

/**
 * "Bilag 2: Status på milepæle.pdf"; "Bilag 3: Notat.pdf (fil mangler)" for a bilag known by
 * name only (internal exports alone list those).
 */
export function attachmentListText(attachment: {
  number: number;
  filename: string;
  missingFile: boolean;
}): string {
  const name = `${EXPORT_LABELS.attachment} ${attachment.number}: ${attachment.filename}`;
  return attachment.missingFile ? `${name} ${EXPORT_LABELS.missingFile}` : name;
}

/** "2. Regionalpolitiske sager", as the documents number sections. */
export function sectionHeading(section: { number: string; title: string }): string {
  return `${section.number}. ${section.title}`;
}

/** "2.3. Det fælleskommunale sundhedssekretariats regnskab …", as the documents number items. */
export function itemHeading(item: { number: string; title: string }): string {
  return `${item.number}. ${item.title}`;
}
