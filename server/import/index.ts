export { blocksToProseMirror } from "./blocksToProseMirror";
export { dehyphenate } from "./dehyphenate";
export { detectFileType } from "./detectFileType";
export type { FileType } from "./detectFileType";
export { importAgendaBytes } from "./importAgendaBytes";
export { importAgendaFile, MAX_IMPORT_BYTES } from "./importAgendaFile";
export { importInWorker } from "./importInWorker";
export { IMPORT_ERROR_CODES, importFailure } from "./ImportError";
export type { ImportError, ImportErrorCode, ImportResult } from "./ImportError";
export { parseAgendaText } from "./parseAgendaText";
export type { ParseOptions } from "./parseAgendaText";
export type {
  AgendaKind,
  ItemFieldTexts,
  ParsedItem,
  ParsedMeeting,
  ParsedSection,
  ProseMirrorJson,
} from "./ParsedMeeting";
export { readAgendaFile } from "./readAgendaFile";
export type { AgendaText } from "./readAgendaFile";
export { readDocxText } from "./readDocxText";
export { PDF_MAX_PAGES, readPdfText } from "./readPdfText";
export type { LoadPdfjs, PdfReadOptions } from "./readPdfText";
