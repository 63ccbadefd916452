export {
  Agenda,
  AgendaItem,
  AttachmentRef,
  Attendance,
  ClockTime,
  EMPTY_ATTENDANCE,
  Committee,
  Id,
  IsoDate,
  ITEM_STATUSES,
  ITEM_STATUS_LABELS,
  ItemStatus,
  Meeting,
  MeetingDetails,
  MeetingPhase,
  MEETING_PHASES,
  MEETING_PHASE_LABELS,
  Section,
  Title,
} from "./agenda";
export { AgendaCommand, AgendaError, AGENDA_ERROR_CODES } from "./agendaCommands";
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
export {
  DEFAULT_MEETING_TEMPLATE,
  fillTemplate,
  MeetingTemplate,
  TEMPLATE_PLACEHOLDERS,
  TemplateItem,
} from "./meetingTemplate";
export type { TemplateValues } from "./meetingTemplate";
export { numberAgenda } from "./numberAgenda";
export { MEETING_DOC_ROOT, MEETING_DOC_STATE_KEY } from "./meetingDoc";
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
