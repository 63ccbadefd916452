export type { Attendance, ExportInput, ExportKind, ExportVariant } from "./ExportInput";
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
