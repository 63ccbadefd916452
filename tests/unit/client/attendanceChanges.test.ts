import { describe, expect, it } from "vitest";
import {
  cleanName,
  isRecorded,
  placePerson,
  removePerson,
  setNotPresentForItem,
} from "../../../client/minutes/attendanceChanges";
import { EMPTY_ATTENDANCE } from "../../../shared/model/agenda";

describe("attendance changes", () => {
  it("cleans names and refuses empty ones", () => {
    expect(cleanName("  Bo   Andersen ")).toBe("Bo Andersen");
    expect(cleanName("   ")).toBeNull();
    expect(cleanName("x".repeat(201))).toBeNull();
  });

  it("keeps a person on one list only, moving them between present and afbud", () => {
    let a = placePerson(EMPTY_ATTENDANCE, "present", "Bo Andersen");
    a = placePerson(a, "present", "bo andersen");
    expect(a.present).toEqual(["Bo Andersen"]);
    a = placePerson(a, "absent", "Bo Andersen");
    expect(a).toEqual({ present: [], absent: ["Bo Andersen"], notPresentForItem: {} });
    expect(isRecorded(a, "BO ANDERSEN")).toBe("absent");
    a = placePerson(a, "present", "Bo Andersen");
    expect(a.present).toEqual(["Bo Andersen"]);
    expect(a.absent).toEqual([]);
  });

  it("records who left an item in the order of the present list, and forgets them on afbud", () => {
    let a = placePerson(EMPTY_ATTENDANCE, "present", "Ane");
    a = placePerson(a, "present", "Bo");
    a = setNotPresentForItem(a, "i1", "Bo", true);
    a = setNotPresentForItem(a, "i1", "Ane", true);
    expect(a.notPresentForItem).toEqual({ i1: ["Ane", "Bo"] });
    a = setNotPresentForItem(a, "i1", "Ane", false);
    expect(a.notPresentForItem).toEqual({ i1: ["Bo"] });
    expect(placePerson(a, "absent", "Bo").notPresentForItem).toEqual({});
    expect(removePerson(a, "Bo")).toEqual({ present: ["Ane"], absent: [], notPresentForItem: {} });
  });
});
