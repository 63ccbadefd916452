/**
 * The commands that change an agenda, as the HTTP API accepts them (`POST
 * /api/meetings/:id/commands`). Each is validated with these schemas before it is applied.
 */
import { z } from "zod";
import type { ItemStatus, MeetingPhase, MinutesApproval } from "./agenda";
import { AttachmentRef, Attendance, Id, IsoDate, MeetingDetails, Title } from "./agenda";
import { CaseNumber, Officers } from "./caseNumber";

const Index = z.number().int().nonnegative();

export const AgendaCommand = z.discriminatedUnion("type", [
  z.object({ type: z.literal("updateMeeting"), details: MeetingDetails.partial() }),
  z.object({ type: z.literal("createSection"), title: Title, index: Index.optional() }),
  z.object({ type: z.literal("renameSection"), sectionId: Id, title: Title }),
  z.object({ type: z.literal("moveSection"), sectionId: Id, toIndex: Index }),
  z.object({ type: z.literal("deleteSection"), sectionId: Id }),
  z.object({ type: z.literal("restoreSection"), sectionId: Id }),
  z.object({
    type: z.literal("createItem"),
    sectionId: Id,
    title: Title,
    caseNumber: CaseNumber.nullable().optional(),
    officers: Officers.optional(),
    /** The item's own deadline; absent or null: the meeting's applies. */
    deadline: IsoDate.nullable().optional(),
    closed: z.boolean().optional(),
    index: Index.optional(),
  }),
  z.object({
    type: z.literal("updateItem"),
    itemId: Id,
    title: Title.optional(),
    caseNumber: CaseNumber.nullable().optional(),
    officers: Officers.optional(),
    deadline: IsoDate.nullable().optional(),
    closed: z.boolean().optional(),
  }),
  z.object({ type: z.literal("moveItem"), itemId: Id, toSectionId: Id, toIndex: Index }),
  z.object({ type: z.literal("deleteItem"), itemId: Id }),
  z.object({ type: z.literal("restoreItem"), itemId: Id }),
  z.object({ type: z.literal("setAttendance"), attendance: Attendance }),
]);
export type AgendaCommand = z.infer<typeof AgendaCommand>;
export type AgendaCommandType = AgendaCommand["type"];

/** Changes the server makes itself (attachments are uploaded over their own endpoints). */
export type InternalAgendaCommand =
  | { type: "addAttachment"; itemId: string; attachment: AttachmentRef }
  | { type: "removeAttachment"; itemId: string; attachmentId: string }
  /** New content for a bilag: same id, place and publication choice. */
  | { type: "replaceAttachment"; itemId: string; attachment: AttachmentRef }
  /** Not part of the record: allowed after approval too (see `RECORD_NEUTRAL_COMMANDS`). */
  | { type: "setAttachmentPublic"; itemId: string; attachmentId: string; public: boolean }
  | { type: "setItemStatus"; itemId: string; status: ItemStatus }
  | { type: "setPhase"; phase: MeetingPhase }
  /** What approving the minutes froze (kept when they are reopened, until the next approval). */
  | { type: "setApproval"; approval: MinutesApproval };

/**
 * Commands that do not change the meeting record, so they are accepted while it is frozen
 * (approved minutes): moving the phase on (reopening), storing the approval itself, and
 * choosing which bilag the public version leaves out. Every other command is refused with
 * `record_frozen`.
 */
export const RECORD_NEUTRAL_COMMANDS: readonly (AgendaCommand | InternalAgendaCommand)["type"][] = [
  "setPhase",
  "setApproval",
  "setAttachmentPublic",
];

export const AGENDA_ERROR_CODES = [
  "section_not_found",
  "item_not_found",
  "attachment_not_found",
  "attachment_exists",
  "index_out_of_range",
  "section_deleted",
  "item_deleted",
  "not_deleted",
] as const;
export type AgendaErrorCode = (typeof AGENDA_ERROR_CODES)[number];

/** A command that cannot apply to the agenda as it is; the HTTP API answers it with 404 or 409. */
export class AgendaError extends Error {
  override name = "AgendaError";
  constructor(
    readonly code: AgendaErrorCode,
    message: string,
  ) {
    super(message);
  }
}
