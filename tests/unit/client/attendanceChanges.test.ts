import { describe, expect, it } from "vitest";
import {
  addSubstitute,
  cleanName,
  isRecorded,
  placePerson,
  removePerson,
  setNotPresentForItem,
  substituteFor,
} from "../../../client/minutes/attendanceChanges";
import { Attendance, EMPTY_ATTENDANCE } from "../../../shared/model/agenda";

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
    expect(a).toEqual({
      present: [],
      absent: ["Bo Andersen"],
      notPresentForItem: {},
      substitutes: [],
    });
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
    expect(removePerson(a, "Bo")).toEqual({
      present: ["Ane"],
      absent: [],
      notPresentForItem: {},
      substitutes: [],
    });
  });

  it("records a stedfortræder as present, the member replaced as afbud", () => {
    let a = placePerson(EMPTY_ATTENDANCE, "present", "Jacob");
    a = placePerson(a, "present", "Tonni");
    a = setNotPresentForItem(a, "i1", "Jacob", true);
    a = addSubstitute(a, "Anne", "Jacob");
    expect(a).toEqual({
      present: ["Tonni", "Anne"],
      absent: ["Jacob"],
      notPresentForItem: {},
      substitutes: [{ name: "Anne", replaces: "Jacob" }],
    });
    expect(Attendance.safeParse(a).success).toBe(true);
    expect(substituteFor(a, "anne")).toBe("Jacob");
    // A new stedfortræder for the same member replaces the first; the member back present
    // needs none.
    a = addSubstitute(a, "Bent", "Jacob");
    expect(a.substitutes).toEqual([{ name: "Bent", replaces: "Jacob" }]);
    a = placePerson(a, "present", "Jacob");
    expect(a.substitutes).toEqual([]);
    expect(a.present).toEqual(["Tonni", "Anne", "Bent", "Jacob"]);
    // Taken off the present list, a stedfortræder is no longer one.
    a = addSubstitute(a, "Bent", "Tonni");
    expect(removePerson(a, "Bent").substitutes).toEqual([]);
  });

  it("refuses an attendance whose stedfortræder is not present", () => {
    const bad = {
      present: ["Jacob"],
      absent: [],
      notPresentForItem: {},
      substitutes: [{ name: "Anne", replaces: "Jacob" }],
    };
    expect(Attendance.safeParse(bad).success).toBe(false);
    // Stored before stedfortrædere: read as none.
    expect(Attendance.parse({ present: ["A"], absent: [], notPresentForItem: {} })).toEqual({
      present: ["A"],
      absent: [],
      notPresentForItem: {},
      substitutes: [],
    });
  });
});
