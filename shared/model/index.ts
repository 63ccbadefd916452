export {
  Agenda,
  AgendaItem,
  AttachmentEntry,
  AttachmentRef,
  Attendance,
  ClockTime,
  EMPTY_ATTENDANCE,
  Committee,
  hasFile,
  Id,
  IsoDate,
  ITEM_STATUSES,
  ITEM_STATUS_LABELS,
  ItemStatus,
  Meeting,
  MeetingDetails,
  MeetingPhase,
  MEETING_PHASES,
  MinutesApproval,
  MEETING_PHASE_LABELS,
  MissingAttachment,
  Section,
  Substitute,
  Title,
} from "./agenda";
export {
  AgendaCommand,
  AgendaError,
  AGENDA_ERROR_CODES,
  RECORD_NEUTRAL_COMMANDS,
} from "./agendaCommands";
export type { AgendaCommandType, AgendaErrorCode, InternalAgendaCommand } from "./agendaCommands";
export { applyAgendaCommand } from "./applyAgendaCommand";
export type { CommandContext, CommandResult } from "./applyAgendaCommand";
export {
  CASE_NUMBER_PATTERN,
  CaseNumber,
  formatOfficers,
  OfficerInitials,
  Officers,
  parseOfficers,
} from "./caseNumber";
export { formatDanishDate, formatHeaderDate } from "./formatDanishDate";
export { DANISH_NOUNS, danishCount } from "./danishCount";
export type { DanishNoun } from "./danishCount";
export {
  DEFAULT_MEETING_TEMPLATE,
  fillTemplate,
  MeetingTemplate,
  TEMPLATE_PLACEHOLDERS,
  TemplateItem,
} from "./meetingTemplate";
export type { TemplateValues } from "./meetingTemplate";
export { numberAgenda } from "./numberAgenda";
export { itemDeadline } from "./itemDeadline";
export { HANDOFF_NOTE_MAX, HandoffRequest, handedOffOfficers } from "./handoff";
export {
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  unreadText,
  USER_DOC_CHANGED_KEY,
  USER_DOC_ROOT,
  USER_DOC_UNREAD_KEY,
} from "./notifications";
export type { NotificationKind, NotificationView } from "./notifications";
export { unapprovedItems } from "./unapprovedItems";
export type { UnapprovedItem } from "./unapprovedItems";
export { MEETING_DOC_ROOT, MEETING_DOC_STATE_KEY } from "./meetingDoc";
export { danishToday, meetingDayReached } from "./meetingDay";
export type { MeetingProjection } from "./meetingDoc";
export {
  COMMENTS_DOC_ROOT,
  CommentAnchor,
  CommentMessage,
  CommentThread,
  CreateThreadRequest,
  EditMessageRequest,
  ReplyRequest,
  ResolveRequest,
} from "./comments";
export { standardDecisions, suggestBeslutning } from "./beslutning";
