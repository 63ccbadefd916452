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

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Dato skal være ÅÅÅÅ-MM-DD" })
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    { message: "Ugyldig dato" },
  );
export const AttachmentRef = z.object({
  id: Id,
  filename: z.string().min(1).max(255),
  contentType: z.string().min(1).max(200),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * Left out of the public version (the list of bilag and its file name) although the item is
   * open: a publication decision of the secretariat, not part of the approved record.
   */
  notPublic: z.boolean().optional(),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/**
 * A bilag known by its name only: imported from a document's list of bilag, whose files the
 * document does not carry. The secretariat can upload its file later (it then becomes an
 * `AttachmentRef` with the same id and place); until then it is never published.
 */
export const MissingAttachment = z.object({
  id: Id,
  filename: z.string().min(1).max(255),
  missingFile: z.literal(true),
});
export type MissingAttachment = z.infer<typeof MissingAttachment>;

/** An item's bilag: with its file, or (imported) with a name only. */
export const AttachmentEntry = z.union([AttachmentRef, MissingAttachment]);
export type AttachmentEntry = z.infer<typeof AttachmentEntry>;

/** Whether a bilag has its file (and so a type, a size and a hash). */
export function hasFile(entry: AttachmentEntry): entry is AttachmentRef {
  return !("missingFile" in entry);
}

export const AgendaItem = z.object({
  id: Id,
  title: Title,
  caseNumber: CaseNumber.nullable(),
  officers: Officers,
  status: ItemStatus,
  /**
   * The item's own deadline for its case presentation; when absent or null the meeting's
   * "Frist for sagsfremstilling" applies (`itemDeadline`).
   */
  deadline: IsoDate.nullable().optional(),
  /** Lukket punkt: left out of what is published. */
  closed: z.boolean(),
  attachments: z.array(AttachmentEntry),
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

const sameName = (a: string, b: string) => a.localeCompare(b, "da", { sensitivity: "base" }) === 0;

/** A stedfortræder: someone present in place of a member (who then has afbud). */
export const Substitute = z.object({ name: PersonName, replaces: PersonName });
export type Substitute = z.infer<typeof Substitute>;

/**
 * Who attended: people present, absent with notice (afbud), and absent during single items.
 * Substitutes are among the present, each with the member they replace; stored meetings from
 * before substitutes were recorded read as having none.
 */
export const Attendance = z
  .object({
    present: z.array(PersonName).max(200),
    absent: z.array(PersonName).max(200),
    notPresentForItem: z.record(z.string(), z.array(PersonName).max(200)),
    substitutes: z.array(Substitute).max(200).default([]),
  })
  .refine(
    (attendance) =>
      attendance.substitutes.every(
        (substitute) =>
          attendance.present.some((name) => sameName(name, substitute.name)) &&
          !attendance.present.some((name) => sameName(name, substitute.replaces)),
      ),
    { message: "En stedfortræder skal være til stede, og den, der erstattes, må ikke være det" },
  );
export type Attendance = z.infer<typeof Attendance>;

export const EMPTY_ATTENDANCE: Attendance = {
  present: [],
  absent: [],
  notPresentForItem: {},
  substitutes: [],
};

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * The chair's approval of the minutes: the record's hash at that moment and the versions it
 * froze (the minutes and every item body), so anyone can check a document against it. Kept
 * after a reopening until the next approval replaces it; the phase says whether it holds.
 */
export const MinutesApproval = z.object({
  at: z.number().int().nonnegative(),
  by: z.string(),
  byName: z.string(),
  /** SHA-256 of the whole meeting record (server/record), as approved. */
  recordHash: Sha256,
  minutesVersionId: Id,
  /** Item id → the version of its body recorded at approval. */
  itemVersionIds: z.record(z.string(), Id),
});
export type MinutesApproval = z.infer<typeof MinutesApproval>;

export const Meeting = MeetingDetails.extend({
  id: Id,
  committeeId: Id,
  phase: MeetingPhase,
  attendance: Attendance.default(EMPTY_ATTENDANCE),
  /** The last approval of the minutes (null before the first). */
  approval: MinutesApproval.nullable().default(null),
  /** Increases with every accepted command. */
  version: z.number().int().nonnegative(),
  agenda: Agenda,
});
export type Meeting = z.infer<typeof Meeting>;

export const Committee = z.object({ id: Id, name: Title });
export type Committee = z.infer<typeof Committee>;
