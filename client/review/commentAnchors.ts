/**
 * Comment anchors: a text range held as two Yjs relative positions (base64), so it stays on the
 * same words while anyone types around it. Made from the editor's selection through the Yjs
 * binding's node mapping; resolved back to ProseMirror positions the same way. A range whose
 * text has been deleted collapses (start meets end): the thread is then orphaned.
 */
import type { EditorState } from "@tiptap/pm/state";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { CommentAnchor } from "../../shared/model/comments";

export interface TextRange {
  from: number;
  to: number;
}

/** A comment being written: where, and the words it is about. */
export interface CommentDraft {
  anchor: CommentAnchor;
  quote: string;
  range: TextRange;
}

export interface YBody {
  doc: Y.Doc;
  fragment: Y.XmlFragment;
}

const MAX_QUOTE = 2000;

/** The binding's Yjs type → ProseMirror node map (y-tiptap does not export its type). */
type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

function bindingMapping(state: EditorState): ProsemirrorMapping | null {
  const sync = ySyncPluginKey.getState(state) as
    { binding?: { mapping?: ProsemirrorMapping } | null } | undefined;
  return sync?.binding?.mapping ?? null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The selection as an anchor and the words it covers; null for an empty selection. */
export function anchorFromSelection(state: EditorState, body: YBody): CommentDraft | null {
  const { from, to, empty } = state.selection;
  const mapping = bindingMapping(state);
  if (empty || mapping === null) return null;
  const quote = state.doc.textBetween(from, to, " ", " ").trim();
  if (quote === "") return null;
  const start = absolutePositionToRelativePosition(
    from,
    body.fragment,
    mapping,
  ) as Y.RelativePosition | null;
  const end = absolutePositionToRelativePosition(
    to,
    body.fragment,
    mapping,
  ) as Y.RelativePosition | null;
  if (!start || !end) return null;
  return {
    anchor: {
      start: toBase64(Y.encodeRelativePosition(start)),
      end: toBase64(Y.encodeRelativePosition(end)),
    },
    quote: quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote,
    range: { from, to },
  };
}

const decoded = new Map<string, Y.RelativePosition | null>();

function decode(encoded: string): Y.RelativePosition | null {
  let position = decoded.get(encoded);
  if (position === undefined) {
    try {
      position = Y.decodeRelativePosition(fromBase64(encoded));
    } catch {
      position = null;
    }
    decoded.set(encoded, position);
  }
  return position;
}

/** Where an anchor's text is now; null when it has been deleted (or cannot be found). */
export function resolveAnchor(
  anchor: CommentAnchor,
  state: EditorState,
  body: YBody,
): TextRange | null {
  const mapping = bindingMapping(state);
  const start = decode(anchor.start);
  const end = decode(anchor.end);
  if (mapping === null || start === null || end === null) return null;
  const from = relativePositionToAbsolutePosition(body.doc, body.fragment, start, mapping);
  const to = relativePositionToAbsolutePosition(body.doc, body.fragment, end, mapping);
  if (from === null || to === null) return null;
  const size = state.doc.content.size;
  const range = { from: Math.max(0, from), to: Math.min(size, to) };
  if (range.from >= range.to) return null;
  return state.doc.textBetween(range.from, range.to, "", "").trim() === "" ? null : range;
}
