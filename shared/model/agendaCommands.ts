/**
 * The commands that change an agenda, as the HTTP API accepts them (`POST
 * /api/meetings/:id/commands`). Each is validated with these schemas before it is applied.
 */
import { z } from "zod";
import type { ItemStatus, MeetingPhase } from "./agenda";
import { AttachmentRef, Attendance, Id, MeetingDetails, Title } from "./agenda";
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
    closed: z.boolean().optional(),
    index: Index.optional(),
  }),
  z.object({
    type: z.literal("updateItem"),
    itemId: Id,
    title: Title.optional(),
    caseNumber: CaseNumber.nullable().optional(),
    officers: Officers.optional(),
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
  | { type: "setItemStatus"; itemId: string; status: ItemStatus }
  | { type: "setPhase"; phase: MeetingPhase };

export const AGENDA_ERROR_CODES = [
  "section_not_found",
  "item_not_found",
  "attachment_not_found",
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
