import type { Editor } from "@tiptap/core";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import { PreciseTextSync } from "../editor/PreciseTextSync";
import { EditorContent, useEditor } from "@tiptap/react";
import { CSP_EDITOR_OPTIONS } from "../editor/cspEditorOptions";
import { useEffect, useId, useMemo } from "react";
import { beslutningExtensions } from "../../shared/editor";
import type { SessionUser } from "../api/types";
import { initialContentFromYjs } from "../editor/initialContentFromYjs";
import { renderCaret } from "../editor/renderCaret";
import { Toolbar } from "../editor/Toolbar";
import type { ItemSyncSession } from "../sync/ItemSyncSession";

interface BeslutningEditorProps {
  /** The meeting's minutes session: one Y.Doc and one socket shared by every item's editor. */
  session: ItemSyncSession;
  itemId: string;
  user: SessionUser;
  editable: boolean;
  /** The formatting toolbar is shown for the item being worked on, not for every item at once. */
  showToolbar: boolean;
  /** Names the text box, e.g. "Beslutning for punkt 2.1. Temadrøftelse …". */
  label: string;
  onEditorChange: (editor: Editor | null) => void;
  /** Focus entered the editor or its toolbar. */
  onFocus: () => void;
}

/**
 * One item's Beslutning, bound to the fragment named after the item in `minutes:<meetingId>`.
 * The Beslutning has no fixed structure, so an empty fragment may reach the editor: it shows
 * an empty paragraph that is written to the document only when someone types.
 */
export function BeslutningEditor(props: BeslutningEditorProps) {
  const { session, itemId, user, editable, showToolbar, label, onEditorChange, onFocus } = props;
  const editorId = useId();
  const toolbarId = useId();
  const initialContent = useMemo(
    () => initialContentFromYjs(session.doc.getXmlFragment(itemId)),
    [session, itemId],
  );

  const editor = useEditor(
    {
      content: initialContent,
      extensions: [
        ...beslutningExtensions,
        Collaboration.configure({ document: session.doc, field: itemId }),
        // Typing written to Yjs at the caret, as in the item editor.
        PreciseTextSync,
        CollaborationCaret.configure({
          provider: session.provider,
          user: { name: user.name, color: user.color, id: user.id },
          render: renderCaret,
        }),
        Placeholder.configure({
          showOnlyWhenEditable: false,
          placeholder: ({ editor: current }) =>
            current.isEditable
              ? "Skriv beslutningen, eller vælg en formulering ovenfor."
              : "Ingen beslutning endnu.",
        }),
      ],
      ...CSP_EDITOR_OPTIONS,
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: editorId,
          class: "beslutning-body",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": label,
          "aria-describedby": `${editorId}-hint`,
          "data-item-id": itemId,
        },
        handleKeyDown: (_view, event) => {
          if (event.altKey && event.key === "F10") {
            const target = document.querySelector<HTMLElement>(
              `[id="${toolbarId}"] button[tabindex="0"]`,
            );
            target?.focus();
            return target !== null;
          }
          return false;
        },
      },
    },
    [session, itemId],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    onEditorChange(editor);
    return () => onEditorChange(null);
  }, [editor, onEditorChange]);

  if (!editor) return null;
  return (
    <div className="beslutning-editor" data-editable={editable} onFocus={onFocus}>
      {editable && showToolbar && <Toolbar editor={editor} editorId={editorId} id={toolbarId} />}
      <p id={`${editorId}-hint`} className="visually-hidden">
        {editable
          ? showToolbar
            ? "Tryk Alt+F10 for at gå til værktøjslinjen."
            : ""
          : "Beslutningen kan ikke redigeres her."}
      </p>
      <EditorContent editor={editor} className="beslutning-editor-content" />
    </div>
  );
}
