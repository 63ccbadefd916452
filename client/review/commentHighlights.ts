/**
 * Comment highlights in the item editor: a ProseMirror plugin, registered on a running editor,
 * that marks every open thread's text with an inline decoration (the thread in focus more
 * strongly, and the text of a comment being written).
 *
 * Ranges are resolved from the threads' Yjs anchors when the threads change and when a change
 * arrives from Yjs (remote edits, undo), because then the binding's node mapping is current.
 * Local edits only map the known ranges through the transaction: during such a transaction the
 * binding has not yet written the edit to Yjs, so resolving anchors then would be stale.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type { CommentThread } from "../../shared/model/comments";
import { syncSelectionFromDOM } from "../editor/syncSelectionFromDOM";
import { resolveAnchor, type TextRange, type YBody } from "./commentAnchors";

export interface HighlightState {
  threads: readonly CommentThread[];
  /** Each thread's text now; null: orphaned (its text was deleted). */
  ranges: ReadonlyMap<string, TextRange | null>;
  activeId: string | null;
  /** The text a comment is being written about. */
  pending: TextRange | null;
  decorations: DecorationSet;
}

export interface HighlightMeta {
  threads?: readonly CommentThread[];
  activeId?: string | null;
  pending?: TextRange | null;
}

export const commentHighlightKey = new PluginKey<HighlightState>("commentHighlights");

interface HighlightOptions {
  body: YBody;
  /** A highlight was clicked: the thread (the innermost, if several) to bring into view. */
  onActivate: (threadId: string) => void;
  /** Ctrl+Alt+M (⌘⌥M) in the text: comment on the selection. */
  onCommentShortcut: () => void;
}

function resolveAll(
  threads: readonly CommentThread[],
  state: EditorState,
  body: YBody,
): Map<string, TextRange | null> {
  const ranges = new Map<string, TextRange | null>();
  for (const thread of threads) ranges.set(thread.id, resolveAnchor(thread.anchor, state, body));
  return ranges;
}

function mapRanges(
  ranges: ReadonlyMap<string, TextRange | null>,
  tr: Transaction,
): Map<string, TextRange | null> {
  const mapped = new Map<string, TextRange | null>();
  for (const [id, range] of ranges) mapped.set(id, range && mapRange(range, tr));
  return mapped;
}

function mapRange(range: TextRange, tr: Transaction): TextRange | null {
  const from = tr.mapping.map(range.from, 1);
  const to = tr.mapping.map(range.to, -1);
  return from < to ? { from, to } : null;
}

function decorate(
  state: EditorState,
  threads: readonly CommentThread[],
  ranges: ReadonlyMap<string, TextRange | null>,
  activeId: string | null,
  pending: TextRange | null,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = ranges.get(thread.id);
    const active = thread.id === activeId;
    if (!range || (thread.resolved && !active)) continue;
    // A resolved thread's text is shown only while that thread is in focus, and more quietly.
    const className = thread.resolved
      ? "comment-mark-resolved"
      : active
        ? "comment-mark comment-mark-active"
        : "comment-mark";
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: className,
        "data-thread-id": thread.id,
      }),
    );
  }
  if (pending) {
    decorations.push(
      Decoration.inline(pending.from, pending.to, { class: "comment-mark-pending" }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

export function commentHighlightPlugin({
  body,
  onActivate,
  onCommentShortcut,
}: HighlightOptions): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightKey,
    state: {
      init: (_config, state) => ({
        threads: [],
        ranges: new Map(),
        activeId: null,
        pending: null,
        decorations: DecorationSet.create(state.doc, []),
      }),
      apply(tr, value, _oldState, newState) {
        const meta = tr.getMeta(commentHighlightKey) as HighlightMeta | undefined;
        const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)
          ?.isChangeOrigin;
        if (meta === undefined && !tr.docChanged && !fromYjs) return value;
        const threads = meta?.threads ?? value.threads;
        const activeId = meta?.activeId !== undefined ? meta.activeId : value.activeId;
        let pending = meta?.pending !== undefined ? meta.pending : value.pending;
        let ranges: ReadonlyMap<string, TextRange | null>;
        if (meta?.threads !== undefined || fromYjs) {
          ranges = resolveAll(threads, newState, body);
        } else if (tr.docChanged) {
          ranges = mapRanges(value.ranges, tr);
        } else {
          ranges = value.ranges;
        }
        if (pending && tr.docChanged && meta?.pending === undefined)
          pending = mapRange(pending, tr);
        return {
          threads,
          ranges,
          activeId,
          pending,
          decorations: decorate(newState, threads, ranges, activeId, pending),
        };
      },
    },
    props: {
      decorations: (state) => commentHighlightKey.getState(state)?.decorations ?? null,
      handleClick(view, pos) {
        const value = commentHighlightKey.getState(view.state);
        if (!value) return false;
        let best: { id: string; size: number } | null = null;
        for (const thread of value.threads) {
          const range = value.ranges.get(thread.id);
          if (!range || thread.resolved || pos < range.from || pos > range.to) continue;
          const size = range.to - range.from;
          if (best === null || size < best.size) best = { id: thread.id, size };
        }
        if (best === null) return false;
        // ProseMirror calls this on mouseup, before it has read the click's caret from the DOM
        // (it does on selectionchange). Activating the thread redraws the highlights, and a
        // redraw writes the editor's selection back to the DOM: the stale one, the document's
        // start after the first focus. So the click's caret is taken into the state first.
        syncSelectionFromDOM(view);
        onActivate(best.id);
        return false;
      },
      handleKeyDown(_view, event) {
        if (event.altKey && (event.ctrlKey || event.metaKey) && event.code === "KeyM") {
          event.preventDefault();
          onCommentShortcut();
          return true;
        }
        return false;
      },
    },
  });
}
