/**
 * Officers are people: an item's officers are named by initials on the agenda (as the published
 * documents show them), and those initials are an account's. New officers must be members of
 * the committee who can write items; the initials stored are the account's own, so what is shown
 * is what the account says. Initials already on an item (imported from a document, from before
 * officers were checked) stay until someone changes them.
 */
import { isOfficerOf, mayBeOfficer } from "../../shared/permissions";
import { ApiError } from "../http/ApiError";
import type { Store } from "../store";

export interface OfficerCandidate {
  id: string;
  name: string;
  initials: string;
}

/** The committee's active members who may be officers (everyone but readers). */
export async function officerCandidates(
  store: Store,
  committeeId: string,
): Promise<OfficerCandidate[]> {
  const candidates: OfficerCandidate[] = [];
  for (const membership of await store.users.members(committeeId)) {
    if (!mayBeOfficer(membership.role)) continue;
    const user = await store.users.getUser(membership.userId);
    if (user?.active) candidates.push({ id: user.id, name: user.name, initials: user.initials });
  }
  return candidates;
}

/** The candidate whose initials these are (case is not significant), if any. */
export function candidateFor(
  initials: string,
  candidates: readonly OfficerCandidate[],
): OfficerCandidate | null {
  return candidates.find((candidate) => isOfficerOf(candidate.initials, [initials])) ?? null;
}

/**
 * The officers to store for a requested list: each new one must be a candidate and is stored
 * with the account's initials; ones the item has already are kept as they are. Duplicates are
 * dropped. Throws 422 `officer_not_member` naming the first that is not a member.
 */
export function resolveOfficers(
  requested: readonly string[],
  existing: readonly string[],
  candidates: readonly OfficerCandidate[],
): string[] {
  const result: string[] = [];
  for (const initials of requested) {
    const candidate = candidateFor(initials, candidates);
    let stored: string;
    if (candidate) stored = candidate.initials;
    else if (isOfficerOf(initials, existing))
      stored = existing.find((officer) => isOfficerOf(officer, [initials]))!;
    else
      throw new ApiError(
        422,
        "officer_not_member",
        `«${initials}» er ikke medlem af udvalget. Vælg sagsbehandlere blandt udvalgets medlemmer.`,
        { initials },
      );
    if (!isOfficerOf(stored, result)) result.push(stored);
  }
  return result;
}

/**
 * Imported initials matched to members: a member's are stored as the account writes them, the
 * others are kept as the document wrote them (and reported by `unmatchedOfficerWarning`).
 */
export function matchImportedOfficers(
  officers: readonly string[],
  candidates: readonly OfficerCandidate[],
): { officers: string[]; unmatched: string[] } {
  const matched: string[] = [];
  const unmatched: string[] = [];
  for (const initials of officers) {
    const candidate = candidateFor(initials, candidates);
    const stored = candidate ? candidate.initials : initials;
    if (!isOfficerOf(stored, matched)) matched.push(stored);
    if (!candidate && !isOfficerOf(initials, unmatched)) unmatched.push(initials);
  }
  return { officers: matched, unmatched };
}

/** The import preview's warning about initials that match no member (null when all match). */
export function unmatchedOfficerWarning(unmatched: readonly string[]): string | null {
  if (unmatched.length === 0) return null;
  const list = unmatched.map((initials) => `«${initials}»`).join(", ");
  return unmatched.length === 1
    ? `Sagsbehandleren ${list} er ikke medlem af udvalget. Initialerne bliver stående på punkterne, men er ikke knyttet til en person.`
    : `Sagsbehandlerne ${list} er ikke medlemmer af udvalget. Initialerne bliver stående på punkterne, men er ikke knyttet til en person.`;
}
