import type { ItemFieldName } from "../../shared/editor";
import { apiFetch } from "./apiFetch";

export interface ItemVersion {
  id: string;
  name: string;
  /** "auto": recorded at a workflow step or a restore; "named": saved on request. */
  kind: "auto" | "named";
  createdBy: string | null;
  createdAt: number;
  contentHash: string;
}

export interface RedlineSegment {
  kind: "equal" | "insert" | "delete";
  text: string;
}

export type RedlineFields = Record<ItemFieldName, { changed: boolean; segments: RedlineSegment[] }>;

/** A version id, or the live text. */
export type VersionRef = string | "live";

export interface Attribution {
  fields: Record<ItemFieldName, { text: string; userId: string | null }[]>;
  people: Record<string, string>;
}

function itemUrl(itemId: string, rest: string): string {
  return `/api/items/${encodeURIComponent(itemId)}${rest}`;
}

export async function fetchVersions(itemId: string, signal?: AbortSignal): Promise<ItemVersion[]> {
  const path = itemUrl(itemId, "/versions");
  return (await apiFetch<{ versions: ItemVersion[] }>(path, signal ? { signal } : {})).versions;
}

export async function createNamedVersion(itemId: string, name: string): Promise<void> {
  await apiFetch<unknown>(itemUrl(itemId, "/versions"), { method: "POST", body: { name } });
}

export async function restoreVersion(itemId: string, versionId: string): Promise<void> {
  const path = itemUrl(itemId, `/versions/${encodeURIComponent(versionId)}/restore`);
  await apiFetch<unknown>(path, { method: "POST" });
}

export async function fetchRedline(
  itemId: string,
  from: VersionRef,
  to: VersionRef,
  signal?: AbortSignal,
): Promise<RedlineFields> {
  const query = new URLSearchParams({ from, to });
  const path = itemUrl(itemId, `/redline?${query.toString()}`);
  return (await apiFetch<{ fields: RedlineFields }>(path, signal ? { signal } : {})).fields;
}

export interface SinceMine {
  /** The person's own last workflow step's version; null when they have taken none. */
  since: ItemVersion | null;
  fields: RedlineFields | null;
}

export async function fetchSinceMine(itemId: string, signal?: AbortSignal): Promise<SinceMine> {
  return apiFetch<SinceMine>(itemUrl(itemId, "/redline/since-mine"), signal ? { signal } : {});
}

export async function fetchAttribution(itemId: string, signal?: AbortSignal): Promise<Attribution> {
  return apiFetch<Attribution>(itemUrl(itemId, "/attribution"), signal ? { signal } : {});
}
