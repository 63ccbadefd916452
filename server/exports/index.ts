export type {
  ExportAttendance,
  ExportInput,
  ExportKind,
  ExportRecord,
  ExportVariant,
} from "./ExportInput";
export type {
  ExportAttachment,
  ExportBlock,
  ExportField,
  ExportFieldName,
  ExportInline,
  ExportItem,
  ExportModel,
  ExportSection,
  ExportTableCell,
} from "./ExportModel";
export { caseLine, prepareExport } from "./prepareExport";
export { renderMeetingHtml } from "./html/renderMeetingHtml";
export { renderMeetingPdf } from "./pdf/renderMeetingPdf";
export { renderMeetingDocx } from "./docx/renderMeetingDocx";
export { renderDecisionExtract } from "./pdf/renderDecisionExtract";
export { ExportError, EXPORT_ERROR_CODES } from "./ExportError";
export type { ExportErrorCode } from "./ExportError";
export { beslutningerIn, readBeslutninger } from "./readBeslutninger";
