/**
 * Comment threads on an item body: internal working material, never exported or published.
 * A thread is anchored to a text range by two Yjs relative positions (base64), so it stays on
 * the same words while people type around it; when its text is deleted it becomes orphaned and
 * is still shown. The server writes threads into the `comments:<itemId>` document from HTTP
 * commands; clients read them live.
 */
import { z } from "zod";
import { Id } from "./agenda";

export const COMMENTS_DOC_ROOT = "threads";

const Base64 = z.string().regex(/^[A-Za-z0-9+/=_-]{2,2000}$/, { message: "Ugyldigt anker" });
const CommentText = z.string().trim().min(1, { message: "Kommentaren er tom" }).max(5000);

export const CommentAnchor = z.object({ start: Base64, end: Base64 });
export type CommentAnchor = z.infer<typeof CommentAnchor>;

export const CommentMessage = z.object({
  id: Id,
  authorId: Id,
  authorName: z.string(),
  text: z.string(),
  createdAt: z.number(),
  editedAt: z.number().nullable(),
  mentions: z.array(Id),
});
export type CommentMessage = z.infer<typeof CommentMessage>;

export const CommentThread = z.object({
  id: Id,
  itemId: Id,
  anchor: CommentAnchor,
  /** The commented words when the thread was made (shown for orphaned threads). */
  quote: z.string(),
  resolved: z.boolean(),
  resolvedBy: Id.nullable(),
  createdAt: z.number(),
  messages: z.array(CommentMessage).min(1),
});
export type CommentThread = z.infer<typeof CommentThread>;

export const CreateThreadRequest = z.object({
  anchor: CommentAnchor,
  quote: z.string().max(2000),
  text: CommentText,
  mentions: z.array(Id).max(20).default([]),
});
export const ReplyRequest = z.object({
  text: CommentText,
  mentions: z.array(Id).max(20).default([]),
});
export const EditMessageRequest = z.object({ text: CommentText });
export const ResolveRequest = z.object({ resolved: z.boolean() });
