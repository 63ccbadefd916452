import type { CommentAnchor, CommentThread } from "../../shared/model/comments";
import { apiFetch } from "./apiFetch";

function commentsUrl(itemId: string, rest = ""): string {
  return `/api/items/${encodeURIComponent(itemId)}/comments${rest}`;
}

export interface NewThread {
  anchor: CommentAnchor;
  quote: string;
  text: string;
  mentions: string[];
}

export async function createThread(itemId: string, thread: NewThread): Promise<CommentThread> {
  return (
    await apiFetch<{ thread: CommentThread }>(commentsUrl(itemId), { method: "POST", body: thread })
  ).thread;
}

export async function replyToThread(
  itemId: string,
  threadId: string,
  text: string,
  mentions: string[],
): Promise<CommentThread> {
  const path = commentsUrl(itemId, `/${encodeURIComponent(threadId)}/replies`);
  return (
    await apiFetch<{ thread: CommentThread }>(path, { method: "POST", body: { text, mentions } })
  ).thread;
}

export async function editMessage(
  itemId: string,
  threadId: string,
  messageId: string,
  text: string,
): Promise<CommentThread> {
  const path = commentsUrl(
    itemId,
    `/${encodeURIComponent(threadId)}/messages/${encodeURIComponent(messageId)}`,
  );
  return (await apiFetch<{ thread: CommentThread }>(path, { method: "PATCH", body: { text } }))
    .thread;
}

export async function resolveThread(
  itemId: string,
  threadId: string,
  resolved: boolean,
): Promise<CommentThread> {
  const path = commentsUrl(itemId, `/${encodeURIComponent(threadId)}/resolve`);
  return (await apiFetch<{ thread: CommentThread }>(path, { method: "POST", body: { resolved } }))
    .thread;
}

/** A comment that mentions the signed-in person (`GET /api/me/mentions`). */
export interface Mention {
  threadId: string;
  itemId: string;
  meetingId: string;
  byName: string;
  text: string;
  createdAt: number;
}

export async function fetchMentions(signal?: AbortSignal): Promise<Mention[]> {
  return (await apiFetch<{ mentions: Mention[] }>("/api/me/mentions", signal ? { signal } : {}))
    .mentions;
}

/** Someone who may be named in an item's comments. */
export interface MentionablePerson {
  id: string;
  name: string;
  initials: string;
}

/** Everyone the server lets be named in the item's comments (who may read them). */
export async function fetchItemPeople(
  itemId: string,
  signal?: AbortSignal,
): Promise<MentionablePerson[]> {
  const path = `/api/items/${encodeURIComponent(itemId)}/people`;
  return (await apiFetch<{ people: MentionablePerson[] }>(path, signal ? { signal } : {})).people;
}
