import type { AttachmentEntry, AttachmentRef } from "../../shared/model/agenda";
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

/** The item's bilag in their order, names without a file included. */
export async function fetchAttachments(itemId: string): Promise<AttachmentEntry[]> {
  const path = `/api/items/${encodeURIComponent(itemId)}/attachments`;
  return (await apiFetch<{ attachments: AttachmentEntry[] }>(path)).attachments;
}

/** Uploads a new bilag, or (with `entryId`) the file of a bilag known by name only. */
export async function uploadAttachment(
  itemId: string,
  file: File,
  options: UploadOptions & { entryId?: string } = {},
): Promise<AttachmentRef> {
  const path =
    `/api/items/${encodeURIComponent(itemId)}/attachments` +
    `?filename=${encodeURIComponent(file.name)}` +
    (options.entryId ? `&entry=${encodeURIComponent(options.entryId)}` : "");
  return (await uploadWithProgress<{ attachment: AttachmentRef }>(path, file, options)).attachment;
}

/** Removes a bilag of the item: a file, or a name without one. */
export async function deleteAttachment(itemId: string, id: string): Promise<void> {
  const path = `/api/items/${encodeURIComponent(itemId)}/attachments/${encodeURIComponent(id)}`;
  await apiFetch<unknown>(path, { method: "DELETE" });
}

/** New content for a bilag, same id and place (`POST /api/attachments/:id/replace`). */
export async function replaceAttachment(
  id: string,
  file: File,
  options: UploadOptions = {},
): Promise<AttachmentRef> {
  const path = `${attachmentUrl(id)}/replace?filename=${encodeURIComponent(file.name)}`;
  return (await uploadWithProgress<{ attachment: AttachmentRef }>(path, file, options)).attachment;
}

/** Whether the public version lists the bilag (`PUT /api/attachments/:id/public`). */
export async function setAttachmentPublic(id: string, isPublic: boolean): Promise<AttachmentRef> {
  const answer = await apiFetch<{ attachment: AttachmentRef }>(`${attachmentUrl(id)}/public`, {
    method: "PUT",
    body: { public: isPublic },
  });
  return answer.attachment;
}
