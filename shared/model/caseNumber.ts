import { z } from "zod";

/** `SAG-YYYY-NNNNN`, the KL case system's number. */
export const CASE_NUMBER_PATTERN = /^SAG-(19|20)\d{2}-\d{5}$/;

export const CaseNumber = z
  .string()
  .trim()
  .regex(CASE_NUMBER_PATTERN, { message: "Sagsnummeret skal have formen SAG-ÅÅÅÅ-NNNNN" });

/** One case officer's initials, 2–5 letters, case kept as written ("anjh", "CHCH"). */
export const OfficerInitials = z
  .string()
  .trim()
  .regex(/^[A-Za-zÆØÅæøå]{2,5}$/, { message: "Initialer er 2–5 bogstaver" });

export const Officers = z.array(OfficerInitials).max(10);

/** "lar/chch/anjh" → ["lar", "chch", "anjh"]; the display form is `formatOfficers`. */
export function parseOfficers(text: string): string[] {
  return text
    .split("/")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

export function formatOfficers(officers: readonly string[]): string {
  return officers.join("/");
}
