import { apiFetch } from "./apiFetch";
import type { ItemSummary } from "./types";

export async function fetchItems(signal?: AbortSignal): Promise<ItemSummary[]> {
  return (await apiFetch<{ items: ItemSummary[] }>("/api/items", signal ? { signal } : {})).items;
}

export async function fetchItem(id: string, signal?: AbortSignal): Promise<ItemSummary> {
  const path = `/api/items/${encodeURIComponent(id)}`;
  return (await apiFetch<{ item: ItemSummary }>(path, signal ? { signal } : {})).item;
}
