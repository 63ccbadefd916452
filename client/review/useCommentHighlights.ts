import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import type { CommentThread } from "../../shared/model/comments";
import type { TextRange, YBody } from "./commentAnchors";
import {
  commentHighlightKey,
  commentHighlightPlugin,
  type HighlightMeta,
  type HighlightState,
} from "./commentHighlights";

export interface CommentHighlights {
  /** Each thread's text in the editor now; null: orphaned; missing: not yet resolved. */
  ranges: ReadonlyMap<string, TextRange | null>;
  activeId: string | null;
  setActive: (threadId: string | null) => void;
  setPending: (range: TextRange | null) => void;
}

const EMPTY: ReadonlyMap<string, TextRange | null> = new Map();

/**
 * Puts the comment highlight plugin on a running editor for as long as the component lives,
 * feeds it the threads, and reads back where each thread's text is.
 */
export function useCommentHighlights(
  editor: Editor | null,
  body: YBody,
  threads: readonly CommentThread[],
  handlers: { onActivate: (threadId: string) => void; onCommentShortcut: () => void },
): CommentHighlights {
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.registerPlugin(
      commentHighlightPlugin({
        body,
        onActivate: (id) => handlersRef.current.onActivate(id),
        onCommentShortcut: () => handlersRef.current.onCommentShortcut(),
      }),
    );
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightKey);
    };
  }, [editor, body]);

  const dispatch = useCallback(
    (meta: HighlightMeta) => {
      if (!editor || editor.isDestroyed || !commentHighlightKey.getState(editor.state)) return;
      editor.view.dispatch(editor.state.tr.setMeta(commentHighlightKey, meta));
    },
    [editor],
  );

  useEffect(() => dispatch({ threads }), [dispatch, threads]);

  const subscribe = useCallback(
    (listener: () => void) => {
      if (!editor) return () => {};
      editor.on("transaction", listener);
      return () => {
        editor.off("transaction", listener);
      };
    },
    [editor],
  );
  const state: HighlightState | undefined = useSyncExternalStore(subscribe, () =>
    editor && !editor.isDestroyed ? commentHighlightKey.getState(editor.state) : undefined,
  );

  const setActive = useCallback((activeId: string | null) => dispatch({ activeId }), [dispatch]);
  const setPending = useCallback((pending: TextRange | null) => dispatch({ pending }), [dispatch]);

  return {
    ranges: state?.ranges ?? EMPTY,
    activeId: state?.activeId ?? null,
    setActive,
    setPending,
  };
}
