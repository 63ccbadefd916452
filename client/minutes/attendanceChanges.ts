/**
 * Edits to a meeting's attendance, as pure functions over the whole record: the command
 * `setAttendance` replaces it, so every change is computed from the newest state the page has
 * seen. A person is either present or absent (afbud), never both; someone who is no longer
 * present is not recorded as leaving single items either, nor as anyone's stedfortræder.
 */
import type { Attendance } from "../../shared/model/agenda";

export type AttendanceList = "present" | "absent";

/** Trims and collapses spaces; null for a name that cannot be recorded. */
export function cleanName(input: string): string | null {
  const name = input.replace(/\s+/g, " ").trim();
  return name === "" || name.length > 200 ? null : name;
}

/** Names are the same person whatever their case or accents' case ("bo andersen", "Bo Andersen"). */
export const sameName = (a: string, b: string) =>
  a.localeCompare(b, "da", { sensitivity: "base" }) === 0;

/**
 * Puts a person on one list, taking them off the other. Someone sent to afbud is also taken off
 * the items they were recorded as away for: they were away for all of it.
 */
export function placePerson(
  attendance: Attendance,
  list: AttendanceList,
  name: string,
): Attendance {
  if (isRecorded(attendance, name) === list) return attendance;
  if (list === "absent") {
    const without = removePerson(attendance, name);
    return { ...without, absent: [...without.absent, name] };
  }
  return {
    ...attendance,
    present: [...attendance.present, name],
    absent: attendance.absent.filter((other) => !sameName(other, name)),
    // Present again: no one stands in for them any more.
    substitutes: attendance.substitutes.filter((s) => !sameName(s.replaces, name)),
  };
}

/**
 * Records a stedfortræder: `name` is present in place of `replaces`, who is recorded with afbud
 * (and loses any earlier stedfortræder).
 */
export function addSubstitute(attendance: Attendance, name: string, replaces: string): Attendance {
  const absent = placePerson(removePerson(attendance, name), "absent", replaces);
  const present = placePerson(absent, "present", name);
  return {
    ...present,
    substitutes: [
      ...present.substitutes.filter((s) => !sameName(s.replaces, replaces)),
      { name, replaces },
    ],
  };
}

/** Whom a present person stands in for, if anyone. */
export function substituteFor(attendance: Attendance, name: string): string | null {
  return attendance.substitutes.find((s) => sameName(s.name, name))?.replaces ?? null;
}

export function removePerson(attendance: Attendance, name: string): Attendance {
  const notPresentForItem: Attendance["notPresentForItem"] = {};
  for (const [itemId, names] of Object.entries(attendance.notPresentForItem)) {
    const left = names.filter((other) => !sameName(other, name));
    if (left.length > 0) notPresentForItem[itemId] = left;
  }
  return {
    present: attendance.present.filter((other) => !sameName(other, name)),
    absent: attendance.absent.filter((other) => !sameName(other, name)),
    notPresentForItem,
    substitutes: attendance.substitutes.filter((s) => !sameName(s.name, name)),
  };
}

/** Whether the name is on either list already. */
export function isRecorded(attendance: Attendance, name: string): AttendanceList | null {
  if (attendance.present.some((other) => sameName(other, name))) return "present";
  if (attendance.absent.some((other) => sameName(other, name))) return "absent";
  return null;
}

/** Records (or clears) that a present person was not there while an item was dealt with. */
export function setNotPresentForItem(
  attendance: Attendance,
  itemId: string,
  name: string,
  away: boolean,
): Attendance {
  const current = attendance.notPresentForItem[itemId] ?? [];
  const others = current.filter((other) => !sameName(other, name));
  // Listed in the order of the present list, as the minutes print them.
  const next = away
    ? attendance.present.filter((person) => others.includes(person) || sameName(person, name))
    : others;
  const notPresentForItem = { ...attendance.notPresentForItem };
  if (next.length > 0) notPresentForItem[itemId] = next;
  else delete notPresentForItem[itemId];
  return { ...attendance, notPresentForItem };
}
