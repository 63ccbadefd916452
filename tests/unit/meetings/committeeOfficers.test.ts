import { describe, expect, it } from "vitest";
import {
  matchImportedOfficers,
  resolveOfficers,
  unmatchedOfficerWarning,
} from "../../../server/meetings/committeeOfficers";
import { ApiError } from "../../../server/http/ApiError";

const CANDIDATES = [
  { id: "u-1", name: "Mads Lauridsen", initials: "mlal" },
  { id: "u-2", name: "Dorthe Krogh", initials: "DoK" },
];

describe("resolveOfficers", () => {
  it("stores members with their accounts' initials, once each, in the order asked", () => {
    expect(resolveOfficers(["dok", "MLAL", "mlal"], [], CANDIDATES)).toEqual(["DoK", "mlal"]);
  });

  it("keeps initials the item has already although they match no member", () => {
    expect(resolveOfficers(["BEL", "mlal"], ["bel"], CANDIDATES)).toEqual(["bel", "mlal"]);
  });

  it("refuses a new officer who is not a member, naming them", () => {
    try {
      resolveOfficers(["mlal", "zzz"], ["bel"], CANDIDATES);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 422, code: "officer_not_member" });
      expect((error as Error).message).toContain("«zzz»");
    }
  });
});

describe("matchImportedOfficers", () => {
  it("matches members and reports the rest", () => {
    expect(matchImportedOfficers(["MLAL", "bel", "snm", "bel"], CANDIDATES)).toEqual({
      officers: ["mlal", "bel", "snm"],
      unmatched: ["bel", "snm"],
    });
  });

  it("words the warning in the singular and the plural", () => {
    expect(unmatchedOfficerWarning([])).toBeNull();
    expect(unmatchedOfficerWarning(["bel"])).toMatch(/^Sagsbehandleren «bel» er ikke medlem /);
    expect(unmatchedOfficerWarning(["bel", "snm"])).toMatch(
      /^Sagsbehandlerne «bel», «snm» er ikke medlemmer /,
    );
  });
});
