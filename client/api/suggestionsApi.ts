import type { OpenSuggestion, SuggestionDecision } from "../../shared/suggestions";
import { apiFetch } from "./apiFetch";

function url(itemId: string, rest: string): string {
  return `/api/items/${encodeURIComponent(itemId)}/suggestions${rest}`;
}

export async function fetchSuggestions(itemId: string): Promise<OpenSuggestion[]> {
  return (await apiFetch<{ suggestions: OpenSuggestion[] }>(url(itemId, ""))).suggestions;
}

/** Accepts or rejects suggestions by id (write access); recorded as a version on the server. */
export async function decideSuggestions(
  itemId: string,
  ids: readonly string[],
  decision: SuggestionDecision,
): Promise<void> {
  await apiFetch<unknown>(url(itemId, "/decide"), { method: "POST", body: { ids, decision } });
}
