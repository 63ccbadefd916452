export {
  checkMeetingForPersonalData,
  findPersonalData,
  uncheckedAttachments,
} from "./personalDataCheck";
export type {
  CheckedField,
  LocatedFinding,
  PersonalDataFinding,
  PersonalDataKind,
} from "./personalDataCheck";
export {
  AttachmentTextError,
  DOCX_TYPE,
  extractAttachmentText,
  PDF_TYPE,
} from "./extractAttachmentText";
export { proseMirrorText } from "./proseMirrorText";
