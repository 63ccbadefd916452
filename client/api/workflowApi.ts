import type { Access, ItemTransition } from "../../shared/permissions";
import type { ItemStatus, MeetingPhase } from "../../shared/model/agenda";
import type { Role } from "../../shared/roles";
import { apiFetch } from "./apiFetch";
import type { ItemSummary } from "./types";

/** `GET /api/items/:id`: the header plus what the signed-in person may do with the item. */
export interface ItemDetail extends ItemSummary {
  access: Access;
  role: Role | null;
  isOfficer: boolean;
  meetingId: string;
  sectionId?: string;
  /** ISO date or null. */
  deadline: string | null;
  /** The meeting's phase: approved minutes (`referat_godkendt`) freeze the item. */
  meetingPhase: MeetingPhase;
}

export interface TransitionResult {
  status: ItemStatus;
  version: { id: string; name: string; contentHash: string };
}

function itemUrl(id: string, rest = ""): string {
  return `/api/items/${encodeURIComponent(id)}${rest}`;
}

export async function fetchItemDetail(id: string, signal?: AbortSignal): Promise<ItemDetail> {
  return (await apiFetch<{ item: ItemDetail }>(itemUrl(id), signal ? { signal } : {})).item;
}

export async function transitionItem(
  id: string,
  transition: ItemTransition,
  reason: string | null,
): Promise<TransitionResult> {
  return apiFetch<TransitionResult>(itemUrl(id, "/transitions"), {
    method: "POST",
    body: reason === null ? { transition } : { transition, reason },
  });
}

/** `POST /api/items/:id/handoff`: "Giv videre til …" with a note. */
export async function handOffItem(
  id: string,
  to: string,
  note: string,
): Promise<{ officers: string[]; to: { id: string; name: string; initials: string } }> {
  return apiFetch(itemUrl(id, "/handoff"), { method: "POST", body: { to, note } });
}
