import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES } from "../api/attachmentsApi";

/** The limits as a person reads them, shown next to the upload button. */
export const ACCEPTED_TYPES_TEXT =
  "Højst 25 MB. Tilladt: PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), PNG, JPEG, TXT og CSV.";

/**
 * Why a chosen file cannot be a bilag, before it is sent (the server checks the content again),
 * or null when it may be tried.
 */
export function checkAttachmentFile(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `«${file.name}» er tom.`;
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return `«${file.name}» fylder ${formatBytes(file.size)}. Et bilag må højst fylde 25 MB.`;
  }
  const extension = file.name.toLowerCase().split(".").pop() ?? "";
  if (!file.name.includes(".") || !ATTACHMENT_EXTENSIONS.includes(extension)) {
    return `«${file.name}» er ikke en tilladt filtype. ${ACCEPTED_TYPES_TEXT}`;
  }
  return null;
}

/**
 * 1536 → "1,5 kB", with a Danish decimal comma; in units of 1024 like the limit (25 MiB shows as
 * "25 MB", as people's file managers mostly show it).
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["kB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  return `${value.toLocaleString("da-DK", { maximumFractionDigits: digits })} ${units[unit]}`;
}
