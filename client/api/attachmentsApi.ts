import type { AttachmentRef } from "../../shared/model/agenda";
import { apiFetch } from "./apiFetch";
import { uploadWithProgress, type UploadOptions } from "./uploadWithProgress";

/** What the server accepts (docs/API.md): checked here too, so a wrong file fails at once. */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
export const ATTACHMENT_EXTENSIONS = [
  "pdf",
  "docx",
  "xlsx",
  "pptx",
  "png",
  "jpg",
  "jpeg",
  "txt",
  "csv",
];

export function attachmentUrl(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}

export async function fetchAttachments(itemId: string): Promise<AttachmentRef[]> {
  const path = `/api/items/${encodeURIComponent(itemId)}/attachments`;
  return (await apiFetch<{ attachments: AttachmentRef[] }>(path)).attachments;
}

export async function uploadAttachment(
  itemId: string,
  file: File,
  options: UploadOptions = {},
): Promise<AttachmentRef> {
  const path =
    `/api/items/${encodeURIComponent(itemId)}/attachments` +
    `?filename=${encodeURIComponent(file.name)}`;
  return (await uploadWithProgress<{ attachment: AttachmentRef }>(path, file, options)).attachment;
}

export async function deleteAttachment(id: string): Promise<void> {
  await apiFetch<unknown>(attachmentUrl(id), { method: "DELETE" });
}
