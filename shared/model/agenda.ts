/**
 * The agenda of one meeting: its sections and their items' headers, in order. One definition:
 * the server validates every command and every stored agenda with these schemas, the client
 * builds its forms from them. Numbers ("2.10") are never stored: `numberAgenda` derives them.
 */
import { z } from "zod";
import { CaseNumber, Officers } from "./caseNumber";

export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "Ugyldigt id" });

export const ITEM_STATUSES = [
  "kladde",
  "til_gennemsyn",
  "klar_til_godkendelse",
  "godkendt",
] as const;
export const ItemStatus = z.enum(ITEM_STATUSES);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  kladde: "Kladde",
  til_gennemsyn: "Til gennemsyn",
  klar_til_godkendelse: "Klar til godkendelse",
  godkendt: "Godkendt",
};

export const Title = z
  .string()
  .trim()
  .min(1, { message: "Titlen må ikke være tom" })
  .max(300, { message: "Titlen må højst være 300 tegn" });

export const AttachmentRef = z.object({
  id: Id,
  filename: z.string().min(1).max(255),
  contentType: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const AgendaItem = z.object({
  id: Id,
  title: Title,
  caseNumber: CaseNumber.nullable(),
  officers: Officers,
  status: ItemStatus,
  /** Lukket punkt: left out of what is published. */
  closed: z.boolean(),
  attachments: z.array(AttachmentRef),
  /** Soft deletion: hidden and unnumbered, restorable. */
  deleted: z.boolean(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Section = z.object({
  id: Id,
  title: Title,
  items: z.array(AgendaItem),
  deleted: z.boolean(),
});
export type Section = z.infer<typeof Section>;

export const Agenda = z.object({
  sections: z.array(Section),
});
export type Agenda = z.infer<typeof Agenda>;

export const MEETING_PHASES = [
  "forberedelse",
  "dagsorden_udsendt",
  "afholdt",
  "referat_godkendt",
] as const;
export const MeetingPhase = z.enum(MEETING_PHASES);
export type MeetingPhase = z.infer<typeof MeetingPhase>;

export const MEETING_PHASE_LABELS: Record<MeetingPhase, string> = {
  forberedelse: "Under forberedelse",
  dagsorden_udsendt: "Dagsorden udsendt",
  afholdt: "Møde afholdt – referat under udarbejdelse",
  referat_godkendt: "Referat godkendt",
};

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Dato skal være ÅÅÅÅ-MM-DD" })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    { message: "Ugyldig dato" },
  );
export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Tidspunkt skal være TT:MM" });

export const MeetingDetails = z.object({
  title: Title,
  date: IsoDate,
  startTime: ClockTime,
  endTime: ClockTime.nullable(),
  place: z.string().trim().max(300),
  /** Frist for sagsfremstilling: items still drafts after this day are overdue. */
  deadline: IsoDate.nullable().optional(),
});
export type MeetingDetails = z.infer<typeof MeetingDetails>;

const PersonName = z.string().trim().min(1).max(200);

/** Who attended: members present, absent with notice (afbud), and absent during single items. */
export const Attendance = z.object({
  present: z.array(PersonName).max(200),
  absent: z.array(PersonName).max(200),
  notPresentForItem: z.record(z.string(), z.array(PersonName).max(200)),
});
export type Attendance = z.infer<typeof Attendance>;

export const EMPTY_ATTENDANCE: Attendance = { present: [], absent: [], notPresentForItem: {} };

export const Meeting = MeetingDetails.extend({
  id: Id,
  committeeId: Id,
  phase: MeetingPhase,
  attendance: Attendance.default(EMPTY_ATTENDANCE),
  /** Increases with every accepted command. */
  version: z.number().int().nonnegative(),
  agenda: Agenda,
});
export type Meeting = z.infer<typeof Meeting>;

export const Committee = z.object({ id: Id, name: Title });
export type Committee = z.infer<typeof Committee>;
