/**
 * Who may do what: pure functions, used by the server to enforce (per websocket connection and
 * per HTTP command) and by the client to show only what a person may do. Tested as full tables
 * in tests/unit/permissions.test.ts.
 *
 * Policy in short: the secretariat builds and edits everything; a case officer writes the items
 * assigned to them while they are drafts; directors and the chair review by commenting; the
 * chair approves, and approved text is read-only for everyone until it is reopened; readers see
 * what has been sent out, never closed items. Structure (`meeting:` documents) is written by the
 * server alone. Approved minutes freeze the whole meeting record (`isRecordFrozen`).
 */
import type { DocKind } from "./docName";
import type { ItemStatus, MeetingPhase } from "./model/agenda";
import type { Role } from "./roles";

/**
 * Access to a document, weakest first: `comment` reads and comments; `suggest` also proposes
 * changes to an item body (Foreslå ændringer) — its updates are applied only when every change
 * is a suggestion by that person (`checkSuggestion`); `write` changes anything.
 */
export type Access = "none" | "read" | "comment" | "suggest" | "write";

export interface DocAccessInput {
  /** The person's role in the committee the document belongs to; null: not a member. */
  role: Role | null;
  docKind: DocKind;
  meetingPhase: MeetingPhase;
  /** For `item` and `comments` documents. */
  itemStatus: ItemStatus | null;
  /** The person's initials are among the item's case officers. */
  isOfficer: boolean;
  /** Lukket punkt. */
  itemClosed: boolean;
  /** For `minutes`: some item of the meeting is closed (its Beslutning is not for readers). */
  meetingHasClosedItems?: boolean;
  /** For `minutes`: the meeting's date is today or past, in Danish time (`meetingDayReached`). */
  meetingDayReached?: boolean;
}

export function docAccess(input: DocAccessInput): Access {
  const { role } = input;
  if (role === null) return "none";
  switch (input.docKind) {
    case "meeting":
      return role === "laeser" && input.meetingPhase === "forberedelse" ? "none" : "read";
    case "item":
      return itemAccess(input);
    case "comments":
      // Internal working material: never for readers. Threads are written by the server from
      // HTTP commands (author stamped, edit-own enforced); members read them live. Who may
      // comment: `mayComment`.
      if (role === "laeser") return "none";
      return itemAccess(input) === "none" ? "none" : "read";
    case "user":
      // A person's own channel is decided by who they are, not by a committee role.
      return "none";
    case "minutes":
      // Readers read approved minutes live only when nothing in them is closed; otherwise
      // they read the published (public) minutes.
      if (role === "laeser") {
        return input.meetingPhase === "referat_godkendt" && !input.meetingHasClosedItems
          ? "read"
          : "none";
      }
      if (role === "sekretariat" && !isRecordFrozen(input.meetingPhase) && minutesBeingTaken(input))
        return "write";
      return "read";
  }
}

/** A person's own channel (`user:<id>`): read by that person alone, written by the server only. */
export function userDocAccess(viewerId: string, ownerId: string): Access {
  return viewerId === ownerId ? "read" : "none";
}

/**
 * Minutes are taken from the start of the meeting: the agenda is sent and the meeting day has
 * come (live, during the meeting), or the meeting is declared held — until they are approved.
 */
function minutesBeingTaken(input: DocAccessInput): boolean {
  return (
    input.meetingPhase === "afholdt" ||
    (input.meetingPhase === "dagsorden_udsendt" && input.meetingDayReached === true)
  );
}

function itemAccess({
  role,
  meetingPhase,
  itemStatus,
  isOfficer,
  itemClosed,
}: DocAccessInput): Access {
  if (role === "laeser") {
    return meetingPhase !== "forberedelse" && !itemClosed ? "read" : "none";
  }
  // Approved minutes freeze every item as if it were approved: text and comments alike.
  if (itemStatus === "godkendt" || isRecordFrozen(meetingPhase)) return "read";
  // Under review the reviewers suggest, and the item's officers (and the secretariat) write:
  // they decide the suggestions and go on working while the review lasts.
  switch (role) {
    case "sekretariat":
      return "write";
    case "sagsbehandler":
      return isOfficer ? "write" : "comment";
    case "direktoer":
      return itemStatus === "til_gennemsyn" || itemStatus === "klar_til_godkendelse"
        ? "suggest"
        : "comment";
    case "formand":
      return itemStatus === "klar_til_godkendelse" ? "suggest" : "comment";
    default:
      return "none";
  }
}

/**
 * The chair has approved the minutes: the meeting's record (details, agenda, item headers and
 * texts, bilag, Beslutninger, attendance) is frozen until the minutes are reopened. Every write
 * path asks this one question; the server answers refusals with `record_frozen`.
 */
export function isRecordFrozen(phase: MeetingPhase): boolean {
  return phase === "referat_godkendt";
}

/** Whether an access level to an item body lets the person write comments on it. */
export function mayComment(access: Access): boolean {
  return access === "comment" || access === "suggest" || access === "write";
}

/** True when a connection's updates are applied only if they are suggestions by the person. */
export function maySuggestOnly(access: Access): boolean {
  return access === "suggest";
}

/** True when an access level lets a connection's document updates be applied. */
export function canWriteDoc(access: Access): boolean {
  return access === "write";
}

/** Actions over HTTP that depend on the role alone. */
export const ROLE_ACTIONS = {
  /** Agenda commands, meeting details, attachments on any item. */
  editAgenda: ["sekretariat"],
  createMeeting: ["sekretariat"],
  editTemplate: ["sekretariat"],
  manageUsers: ["sekretariat"],
  viewAudit: ["sekretariat", "formand", "direktoer"],
} as const satisfies Record<string, readonly Role[]>;
export type RoleAction = keyof typeof ROLE_ACTIONS;

export function roleMay(role: Role | null, action: RoleAction): boolean {
  return role !== null && (ROLE_ACTIONS[action] as readonly Role[]).includes(role);
}

/** The item workflow: Kladde → Til gennemsyn → Klar til godkendelse → Godkendt → (genåbnet) Kladde. */
export const ITEM_TRANSITIONS = {
  sendToReview: { from: ["kladde"], to: "til_gennemsyn", label: "Send til gennemsyn" },
  signOff: {
    from: ["til_gennemsyn"],
    to: "klar_til_godkendelse",
    label: "Godkend faglig gennemgang",
  },
  sendBack: {
    from: ["til_gennemsyn", "klar_til_godkendelse"],
    to: "kladde",
    label: "Send tilbage",
  },
  approve: { from: ["klar_til_godkendelse"], to: "godkendt", label: "Godkend endelig tekst" },
  reopen: { from: ["godkendt"], to: "kladde", label: "Genåbn" },
} as const satisfies Record<string, { from: readonly ItemStatus[]; to: ItemStatus; label: string }>;
export type ItemTransition = keyof typeof ITEM_TRANSITIONS;

/** Transitions that need a text: why it is sent back, why approved text is reopened. */
export const TRANSITIONS_NEEDING_REASON: readonly ItemTransition[] = ["sendBack", "reopen"];

export function mayTransition(
  role: Role | null,
  transition: ItemTransition,
  status: ItemStatus,
  isOfficer: boolean,
): boolean {
  if (role === null) return false;
  if (!(ITEM_TRANSITIONS[transition].from as readonly ItemStatus[]).includes(status)) return false;
  switch (transition) {
    case "sendToReview":
      return role === "sekretariat" || (role === "sagsbehandler" && isOfficer);
    case "signOff":
      return role === "direktoer";
    case "sendBack":
      return role === "direktoer" || role === "formand" || role === "sekretariat";
    case "approve":
      return role === "formand";
    case "reopen":
      return role === "formand" || role === "sekretariat";
  }
}

/**
 * Who may be an item's case officer: a member of the committee who can write items — anyone
 * but a reader. Officers are picked from these (server-checked: `officer_not_member`).
 */
export function mayBeOfficer(role: Role | null): boolean {
  return role !== null && role !== "laeser";
}

/**
 * Who is shown that an item is past its deadline: those who can act on it — the secretariat
 * (every item) and the item's own officers. Readers, directors and the chair are not.
 */
export function seesOverdue(role: Role | null, isOfficer: boolean): boolean {
  return role === "sekretariat" || (isOfficer && mayBeOfficer(role));
}

/**
 * Who may hand an item on to another officer ("Giv videre til …"): the secretariat, and the
 * item's own officers, while the item can still change.
 */
export function mayHandOff(role: Role | null, isOfficer: boolean): boolean {
  return role === "sekretariat" || (isOfficer && mayBeOfficer(role));
}

/** Whether initials (as a user's) name one of an item's officers; case is not significant. */
export function isOfficerOf(initials: string, officers: readonly string[]): boolean {
  const mine = initials.toLowerCase();
  return officers.some((officer) => officer.toLowerCase() === mine);
}

/** The meeting's phases in order, and who moves it on (issue: minutes and publication). */
export const MEETING_PHASE_STEPS = {
  sendAgenda: {
    from: "forberedelse",
    to: "dagsorden_udsendt",
    roles: ["sekretariat"],
    label: "Udsend dagsorden",
  },
  holdMeeting: {
    from: "dagsorden_udsendt",
    to: "afholdt",
    roles: ["sekretariat"],
    label: "Mødet er afholdt",
  },
  approveMinutes: {
    from: "afholdt",
    to: "referat_godkendt",
    roles: ["formand"],
    label: "Godkend referat",
  },
  reopenMinutes: {
    from: "referat_godkendt",
    to: "afholdt",
    roles: ["formand", "sekretariat"],
    label: "Genåbn referat",
  },
} as const satisfies Record<
  string,
  { from: MeetingPhase; to: MeetingPhase; roles: readonly Role[]; label: string }
>;
export type MeetingPhaseStep = keyof typeof MEETING_PHASE_STEPS;

/** Phase steps that need a text: why approved minutes are reopened (it is audited and published). */
export const PHASE_STEPS_NEEDING_REASON: readonly MeetingPhaseStep[] = ["reopenMinutes"];

export function mayStepMeeting(
  role: Role | null,
  step: MeetingPhaseStep,
  phase: MeetingPhase,
): boolean {
  const rule = MEETING_PHASE_STEPS[step];
  return role !== null && rule.from === phase && (rule.roles as readonly Role[]).includes(role);
}
