import type { MeetingView, ParsedImport } from "./meetingTypes";
import { uploadWithProgress, type UploadOptions } from "./uploadWithProgress";

/** What the server accepts for import (docs/API.md). */
export { IMPORT_MAX_BYTES } from "../../shared/importLimits";

export async function previewImport(
  committeeId: string,
  file: File,
  options: UploadOptions = {},
): Promise<ParsedImport> {
  const path = `/api/committees/${encodeURIComponent(committeeId)}/imports/preview`;
  return (await uploadWithProgress<{ parsed: ParsedImport }>(path, file, options)).parsed;
}

export interface ImportDetails {
  date?: string;
  startTime?: string;
  place?: string;
  title?: string;
}

export async function runImport(
  committeeId: string,
  file: File,
  details: ImportDetails,
  options: UploadOptions = {},
): Promise<{ meeting: MeetingView; warnings: string[] }> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "string" && value.trim() !== "") query.set(key, value.trim());
  }
  const path =
    `/api/committees/${encodeURIComponent(committeeId)}/imports` +
    (query.size > 0 ? `?${query.toString()}` : "");
  return uploadWithProgress(path, file, options);
}
