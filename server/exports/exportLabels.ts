/** The Danish words the exports print, in one place so all formats say the same. */
export const EXPORT_LABELS = {
  dagsorden: "Dagsorden",
  referat: "Referat",
  contents: "Indhold",
  closed: "Lukket punkt",
  attachments: "Bilag",
  attachment: "Bilag",
  attachmentMarker: "./.",
  date: "Dato",
  time: "Tid",
  place: "Sted",
  present: "Deltagere",
  absent: "Afbud",
  notPresentForItem: "Ikke til stede under punktet",
  page: "SIDE",
  decisionExtract: "Delreferat",
  beslutning: "Beslutning",
} as const;

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

/** "Bilag 2: Status på milepæle.pdf" */
export function attachmentListText(number: number, filename: string): string {
  return `${EXPORT_LABELS.attachment} ${number}: ${filename}`;
}

/** "2. Regionalpolitiske sager", as the documents number sections. */
export function sectionHeading(section: { number: string; title: string }): string {
  return `${section.number}. ${section.title}`;
}

/** "2.3. Det fælleskommunale sundhedssekretariats regnskab …", as the documents number items. */
export function itemHeading(item: { number: string; title: string }): string {
  return `${item.number}. ${item.title}`;
}
