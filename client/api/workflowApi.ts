import type { Access, ItemTransition } from "../../shared/permissions";
import type { ItemStatus } from "../../shared/model/agenda";
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
