/** Exports, the personal-data check and publishing (see docs/API.md, docs/EXPORTS.md). */
import { apiFetch } from "./apiFetch";

export type DocumentKind = "dagsorden" | "referat";
export type ExportFormat = "pdf" | "docx" | "html";
export type ExportVariant = "internal" | "public";

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  dagsorden: "Dagsorden",
  referat: "Referat",
};

/** Where a finding is: an item's title, one of its fields, its Beslutning or a bilag. */
export type FindingField =
  "title" | "baggrund" | "indstilling" | "sagsfremstilling" | "beslutning" | "bilag";

export interface PersonalDataFinding {
  /** Stable for this finding in this place: what "Godkend fundet" accepts. */
  key: string;
  kind: "cpr" | "email" | "phone";
  match: string;
  /** The text around the match (the match included). */
  context: string;
  itemId: string;
  /** "2.3" */
  itemNumber: string;
  itemTitle: string;
  field: FindingField;
  attachmentId?: string;
  attachmentName?: string;
}

/** A published bilag the check could not read (an image, a scanned PDF): a person must look. */
export interface UncheckedAttachment {
  itemId: string;
  itemNumber: string;
  attachmentId: string;
  filename: string;
}

export interface PersonalDataCheck {
  findings: PersonalDataFinding[];
  unchecked: UncheckedAttachment[];
}

export interface Publication {
  id: string;
  publishedAt: number;
  unchecked: UncheckedAttachment[];
}

const meetingBase = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`;

export function exportUrl(
  meetingId: string,
  format: ExportFormat,
  kind: DocumentKind,
  variant: ExportVariant,
): string {
  return `${meetingBase(meetingId)}/export.${format}?kind=${kind}&variant=${variant}`;
}

/** One item's decision extract (delreferat), a PDF for the case system. */
export function delreferatUrl(itemId: string): string {
  return `/api/items/${encodeURIComponent(itemId)}/delreferat.pdf`;
}

/** The public site (server-rendered, no login). */
export function publicSiteUrl(committeeId?: string): string {
  return committeeId ? `/offentlig/${encodeURIComponent(committeeId)}` : "/offentlig";
}

export function publicDocumentUrl(publicationId: string): string {
  return `/offentlig/dokumenter/${encodeURIComponent(publicationId)}`;
}

export async function fetchPersonalDataCheck(
  meetingId: string,
  kind: DocumentKind,
  signal?: AbortSignal,
): Promise<PersonalDataCheck> {
  return apiFetch<PersonalDataCheck>(
    `${meetingBase(meetingId)}/personal-data?kind=${kind}`,
    signal ? { signal } : {},
  );
}

/**
 * Publishes the public version. Refusals: 409 `not_ready_to_publish` (agenda not sent out,
 * minutes not approved), 409 `personal_data_found` (a finding neither fixed nor accepted).
 */
export async function publish(
  meetingId: string,
  kind: DocumentKind,
  accepted: readonly string[],
): Promise<Publication> {
  const answer = await apiFetch<{ publication: Publication }>(`${meetingBase(meetingId)}/publish`, {
    method: "POST",
    body: { kind, accepted },
  });
  return answer.publication;
}
