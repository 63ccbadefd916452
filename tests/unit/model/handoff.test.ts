import { describe, expect, it } from "vitest";
import { handedOffOfficers, HandoffRequest, itemDeadline } from "../../../shared/model";
import { overdueFor } from "../../../client/agenda/isOverdue";

describe("handedOffOfficers", () => {
  it("puts the new officer in the place of the one handing on", () => {
    expect(handedOffOfficers(["mlal", "dok"], "mlal", "sih")).toEqual(["sih", "dok"]);
    expect(handedOffOfficers(["mlal", "dok"], "dok", "sih")).toEqual(["mlal", "sih"]);
  });

  it("names the new officer once and first when the item had none", () => {
    expect(handedOffOfficers(["mlal", "dok"], "mlal", "DOK")).toEqual(["DOK"]);
    expect(handedOffOfficers([], null, "sih")).toEqual(["sih"]);
  });

  it("needs a note", () => {
    expect(HandoffRequest.safeParse({ to: "u-1", note: " " }).success).toBe(false);
    expect(HandoffRequest.safeParse({ to: "u-1", note: "Værsgo" }).success).toBe(true);
  });
});

describe("deadlines and who is told an item is late", () => {
  const late = { status: "kladde" as const, deadline: null, officers: ["mlal"] };

  it("uses the item's own deadline, else the meeting's", () => {
    expect(itemDeadline({ deadline: "2026-11-20" }, "2026-11-25")).toBe("2026-11-20");
    expect(itemDeadline({}, "2026-11-25")).toBe("2026-11-25");
    expect(itemDeadline({ deadline: null }, null)).toBeNull();
  });

  it("tells the secretariat and the item's officers, not readers, the chair or directors", () => {
    const today = "2026-11-26";
    expect(overdueFor({ role: "sekretariat", initials: "sih" }, late, "2026-11-25", today)).toBe(
      true,
    );
    expect(overdueFor({ role: "sagsbehandler", initials: "MLAL" }, late, "2026-11-25", today)).toBe(
      true,
    );
    expect(overdueFor({ role: "sagsbehandler", initials: "xy" }, late, "2026-11-25", today)).toBe(
      false,
    );
    for (const role of ["formand", "direktoer"] as const) {
      expect(overdueFor({ role, initials: "frl" }, late, "2026-11-25", today)).toBe(false);
    }
    // A reader is never told, even with an officer's initials.
    expect(overdueFor({ role: "laeser", initials: "mlal" }, late, "2026-11-25", today)).toBe(false);
    // An item's own later deadline is not yet passed.
    expect(
      overdueFor(
        { role: "sekretariat", initials: "sih" },
        { ...late, deadline: "2026-11-30" },
        "2026-11-25",
        today,
      ),
    ).toBe(false);
  });
});
