import { describe, expect, it } from "vitest";
import { DocKinds } from "../../shared/docName";
import type { ItemStatus, MeetingPhase } from "../../shared/model";
import { danishToday, ITEM_STATUSES, meetingDayReached, MEETING_PHASES } from "../../shared/model";
import type { Access, ItemTransition } from "../../shared/permissions";
import {
  docAccess,
  isOfficerOf,
  isRecordFrozen,
  ITEM_TRANSITIONS,
  mayComment,
  mayTransition,
  roleMay,
} from "../../shared/permissions";
import type { Role } from "../../shared/roles";
import { ROLES } from "../../shared/roles";

/**
 * The item body table, written out: role (and whether the person is an officer of the item)
 * against item status, for members other than readers, in every meeting phase.
 */
const ITEM_TABLE: Record<string, Record<ItemStatus, Access>> = {
  sekretariat: {
    kladde: "write",
    til_gennemsyn: "write",
    klar_til_godkendelse: "write",
    godkendt: "read",
  },
  "sagsbehandler officer": {
    kladde: "write",
    til_gennemsyn: "write",
    klar_til_godkendelse: "write",
    godkendt: "read",
  },
  sagsbehandler: {
    kladde: "comment",
    til_gennemsyn: "comment",
    klar_til_godkendelse: "comment",
    godkendt: "read",
  },
  direktoer: {
    kladde: "comment",
    til_gennemsyn: "suggest",
    klar_til_godkendelse: "suggest",
    godkendt: "read",
  },
  formand: {
    kladde: "comment",
    til_gennemsyn: "comment",
    klar_til_godkendelse: "suggest",
    godkendt: "read",
  },
};

function expectedItem(
  role: Role,
  officer: boolean,
  status: ItemStatus,
  phase: MeetingPhase,
  closed: boolean,
): Access {
  if (role === "laeser") return phase !== "forberedelse" && !closed ? "read" : "none";
  // Approved minutes freeze the record: every item reads as if approved.
  if (phase === "referat_godkendt") return "read";
  const row = role === "sagsbehandler" && officer ? "sagsbehandler officer" : role;
  return ITEM_TABLE[row]![status];
}

const cases: {
  role: Role;
  officer: boolean;
  status: ItemStatus;
  phase: MeetingPhase;
  closed: boolean;
}[] = [];
for (const role of ROLES)
  for (const officer of [false, true])
    for (const status of ITEM_STATUSES)
      for (const phase of MEETING_PHASES)
        for (const closed of [false, true]) cases.push({ role, officer, status, phase, closed });

describe("document access, as a full table", () => {
  it.each(cases)(
    "item body: $role officer=$officer $status $phase closed=$closed",
    ({ role, officer, status, phase, closed }) => {
      const input = {
        role,
        docKind: "item" as const,
        meetingPhase: phase,
        itemStatus: status,
        isOfficer: officer,
        itemClosed: closed,
      };
      const item = docAccess(input);
      expect(item).toBe(expectedItem(role, officer, status, phase, closed));
      // The comments document is read live by everyone who sees the item; comments themselves
      // are written over HTTP by those who may comment.
      expect(docAccess({ ...input, docKind: "comments" })).toBe(
        item === "none" || role === "laeser" ? "none" : "read",
      );
      expect(mayComment(item)).toBe(item === "comment" || item === "suggest" || item === "write");
    },
  );

  it.each(ROLES.flatMap((role) => MEETING_PHASES.map((phase) => ({ role, phase }))))(
    "meeting and minutes documents: $role in $phase",
    ({ role, phase }) => {
      const base = {
        role,
        meetingPhase: phase,
        itemStatus: null,
        isOfficer: false,
        itemClosed: false,
      };
      expect(docAccess({ ...base, docKind: "meeting" })).toBe(
        role === "laeser" && phase === "forberedelse" ? "none" : "read",
      );
      const minutes = docAccess({ ...base, docKind: "minutes" });
      if (role === "laeser") {
        expect(minutes).toBe(phase === "referat_godkendt" ? "read" : "none");
        expect(docAccess({ ...base, docKind: "minutes", meetingHasClosedItems: true })).toBe(
          "none",
        );
      } else if (role === "sekretariat" && phase === "afholdt") expect(minutes).toBe("write");
      else expect(minutes).toBe("read");
      // From the meeting day, with the agenda sent, the secretariat takes the minutes live.
      const onTheDay = docAccess({ ...base, docKind: "minutes", meetingDayReached: true });
      if (role === "laeser") expect(onTheDay).toBe(minutes);
      else if (role === "sekretariat" && (phase === "afholdt" || phase === "dagsorden_udsendt")) {
        expect(onTheDay).toBe("write");
      } else expect(onTheDay).toBe("read");
    },
  );

  it("freezes the record in exactly one phase: approved minutes", () => {
    expect(MEETING_PHASES.filter(isRecordFrozen)).toEqual(["referat_godkendt"]);
  });

  it("knows the meeting day in Danish time, not the server's", () => {
    // 23:30 UTC on 4 December is 00:30 on 5 December in Copenhagen (winter time, UTC+1).
    expect(danishToday(new Date("2026-12-04T23:30:00Z"))).toBe("2026-12-05");
    expect(meetingDayReached("2026-12-05", new Date("2026-12-04T23:30:00Z"))).toBe(true);
    expect(meetingDayReached("2026-12-05", new Date("2026-12-04T22:59:00Z"))).toBe(false);
    // Summer time, UTC+2.
    expect(meetingDayReached("2026-06-10", new Date("2026-06-09T22:00:00Z"))).toBe(true);
    expect(meetingDayReached("2026-06-10", new Date("2026-06-09T21:59:00Z"))).toBe(false);
    expect(meetingDayReached("2026-06-01", new Date("2026-06-09T12:00:00Z"))).toBe(true);
  });

  it("gives non-members nothing, for every kind of document", () => {
    for (const docKind of DocKinds) {
      for (const phase of MEETING_PHASES) {
        expect(
          docAccess({
            role: null,
            docKind,
            meetingPhase: phase,
            itemStatus: "kladde",
            isOfficer: true,
            itemClosed: false,
          }),
        ).toBe("none");
      }
    }
  });
});

describe("workflow steps", () => {
  const allowed: Record<ItemTransition, string[]> = {
    sendToReview: ["sekretariat kladde", "sagsbehandler officer kladde"],
    signOff: ["direktoer til_gennemsyn"],
    sendBack: [
      "direktoer til_gennemsyn",
      "direktoer klar_til_godkendelse",
      "formand til_gennemsyn",
      "formand klar_til_godkendelse",
      "sekretariat til_gennemsyn",
      "sekretariat klar_til_godkendelse",
    ],
    approve: ["formand klar_til_godkendelse"],
    reopen: ["formand godkendt", "sekretariat godkendt"],
  };

  it.each(Object.keys(ITEM_TRANSITIONS) as ItemTransition[])(
    "%s is allowed exactly for its roles and statuses",
    (transition) => {
      const seen: string[] = [];
      for (const role of ROLES)
        for (const officer of [false, true])
          for (const status of ITEM_STATUSES) {
            if (mayTransition(role, transition, status, officer)) {
              const key =
                role === "sagsbehandler" && officer
                  ? `sagsbehandler officer ${status}`
                  : `${role} ${status}`;
              if (!seen.includes(key)) seen.push(key);
            }
          }
      expect(seen.sort()).toEqual([...allowed[transition]].sort());
      expect(mayTransition(null, transition, "kladde", true)).toBe(false);
    },
  );

  it("lets only the secretariat build agendas and manage people", () => {
    expect(ROLES.filter((r) => roleMay(r, "editAgenda"))).toEqual(["sekretariat"]);
    expect(ROLES.filter((r) => roleMay(r, "manageUsers"))).toEqual(["sekretariat"]);
    expect(roleMay(null, "viewAudit")).toBe(false);
  });

  it("matches officers' initials without regard to case", () => {
    expect(isOfficerOf("MLAL", ["lar", "mlal"])).toBe(true);
    expect(isOfficerOf("ml", ["mlal"])).toBe(false);
  });
});
