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

/** A stored acceptance: who accepted, when, and the text the finding was in then. */
export interface Acceptance {
  by: string;
  byName: string | null;
  at: number;
  context: string;
}

export interface PersonalDataFinding {
  /** Stable for this finding in this place: what "Godkend fundet" accepts. */
  key: string;
  /** Null until someone accepts it; stored on the server, seen by everyone. */
  acceptance: Acceptance | null;
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
  /** What "Set igennem" acknowledges. */
  key: string;
  itemId: string;
  itemNumber: string;
  attachmentId: string;
  filename: string;
  contentType: string;
  acceptance: Acceptance | null;
}

/** A bilag of an open item that the public version leaves out. */
export interface WithheldAttachment {
  itemId: string;
  itemNumber: string;
  attachmentId: string;
  filename: string;
}

export interface PersonalDataCheck {
  findings: PersonalDataFinding[];
  unchecked: UncheckedAttachment[];
  withheld: WithheldAttachment[];
}

/** A publication, kept for good; a newer one of the same kind replaces it (`replacedBy`). */
export interface Publication {
  id: string;
  kind: DocumentKind;
  title: string;
  publishedAt: number;
  recordHash: string;
  replacedBy: string | null;
  replacedAt: number | null;
  reopenedAt: number | null;
  reopenReason: string | null;
  /** "/offentlig/dokumenter/<id>" */
  url: string;
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

/** Accepts a finding, or that an unreadable bilag has been looked at; stored and audited at once. */
export async function acceptFinding(
  meetingId: string,
  kind: DocumentKind,
  key: string,
): Promise<Acceptance> {
  const answer = await apiFetch<{ acceptance: Acceptance }>(
    `${meetingBase(meetingId)}/personal-data/acceptances`,
    { method: "POST", body: { kind, key } },
  );
  return answer.acceptance;
}

export async function revokeFinding(meetingId: string, key: string): Promise<void> {
  await apiFetch<unknown>(
    `${meetingBase(meetingId)}/personal-data/acceptances/${encodeURIComponent(key)}`,
    { method: "DELETE" },
  );
}

export async function fetchPublications(
  meetingId: string,
  signal?: AbortSignal,
): Promise<Publication[]> {
  const answer = await apiFetch<{ publications: Publication[] }>(
    `${meetingBase(meetingId)}/publications`,
    signal ? { signal } : {},
  );
  return answer.publications;
}

/**
 * Publishes the public version. Refusals: 409 `not_ready_to_publish` (agenda not sent out,
 * minutes not approved), 409 `unapproved_items` (items not Godkendt the request did not
 * confirm), 409 `personal_data_found` (a finding not accepted, an unreadable bilag not looked at).
 */
export async function publish(
  meetingId: string,
  kind: DocumentKind,
  confirmUnapprovedItems: readonly string[],
): Promise<Publication> {
  const answer = await apiFetch<{ publication: Publication }>(`${meetingBase(meetingId)}/publish`, {
    method: "POST",
    body: { kind, confirmUnapprovedItems },
  });
  return answer.publication;
}
