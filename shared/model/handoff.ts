import { z } from "zod";
import { Id } from "./agenda";

/** Longest note that goes with a hand-off. */
export const HANDOFF_NOTE_MAX = 2000;

/**
 * "Giv videre til …": the item's responsibility moves to another member (`to`, a user id), with
 * a note for them (`POST /api/items/:itemId/handoff`).
 */
export const HandoffRequest = z.object({
  to: Id,
  note: z
    .string()
    .trim()
    .min(1, { message: "Skriv en besked til den, der overtager punktet" })
    .max(HANDOFF_NOTE_MAX, { message: `Beskeden må højst være ${HANDOFF_NOTE_MAX} tegn` }),
});
export type HandoffRequest = z.infer<typeof HandoffRequest>;

/**
 * The officers after a hand-off from `from` (initials on the item, or null when it has none) to
 * `to`: `to` takes `from`'s place (responsible first stays first), and appears once.
 */
export function handedOffOfficers(
  officers: readonly string[],
  from: string | null,
  to: string,
): string[] {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const without = officers.filter((officer) => !same(officer, to));
  const index = from === null ? -1 : without.findIndex((officer) => same(officer, from));
  if (index < 0) return [to, ...without];
  without[index] = to;
  return without;
}
