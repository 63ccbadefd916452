import type { Editor } from "@tiptap/core";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { CSP_EDITOR_OPTIONS } from "./cspEditorOptions";
import { useEffect, useId, useLayoutEffect, type ReactNode } from "react";
import { BODY_FRAGMENT } from "../../shared/docName";
import { itemBodyExtensions } from "../../shared/editor";
import type { SessionUser } from "../api/types";
import type { ItemSyncSession } from "../sync/ItemSyncSession";
import { FieldGuard } from "./FieldGuard";
import { FieldSelection } from "./FieldSelection";
import { PreciseTextSync } from "./PreciseTextSync";
import { SuggestChanges } from "./SuggestChanges";
import { SuggestToggle } from "./SuggestToggle";
import { useSuggestMode } from "./useSuggestMode";
import { renderCaret } from "./renderCaret";
import { Toolbar } from "./Toolbar";

interface ItemEditorProps {
  session: ItemSyncSession;
  user: SessionUser;
  editable: boolean;
  /** The person may only suggest (access `suggest`): suggest mode is on and cannot be left. */
  suggestOnly?: boolean;
  /** Labels the editable area, e.g. the item's title. */
  label: string;
  /** The save status, kept in view with the toolbar while the person writes. */
  status?: ReactNode;
  /** Hands out the editor (null when it goes), for actions outside the toolbar (bilag markers). */
  onEditorChange?: (editor: Editor | null) => void;
}

/**
 * The item body editor: the shared schema, bound to the session's Y.Doc. Mounted only once the
 * doc holds its fields (from IndexedDB or the server): the client never creates the structure,
 * so an empty doc must not reach the editor, which would fill it with fields of its own.
 * Undo/redo come from Collaboration (per person, over Yjs), not from StarterKit.
 */
export function ItemEditor(props: ItemEditorProps) {
  const { session, user, editable, label, onEditorChange } = props;
  const suggestOnly = props.suggestOnly ?? false;
  const editorId = useId();
  const toolbarId = useId();

  const editor = useEditor(
    {
      extensions: [
        ...itemBodyExtensions,
        Collaboration.configure({ document: session.doc, field: BODY_FRAGMENT }),
        PreciseTextSync,
        CollaborationCaret.configure({
          provider: session.provider,
          user: { name: user.name, color: user.color, id: user.id },
          render: renderCaret,
        }),
        FieldGuard,
        FieldSelection,
        SuggestChanges,
      ],
      ...CSP_EDITOR_OPTIONS,
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: editorId,
          class: "item-body",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": `Tekst: ${label}`,
          "aria-describedby": `${editorId}-hint`,
        },
        handleKeyDown: (_view, event) => {
          // Alt+F10: the conventional way from rich text into its toolbar.
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
    [session],
  );

  // Before the browser handles another key: once the server has refused the text (or the
  // item is approved), not one more letter may be typed into an editor that cannot save it.
  useLayoutEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  const suggest = useSuggestMode(editor, user, suggestOnly);

  useEffect(() => {
    if (!onEditorChange) return;
    onEditorChange(editor);
    return () => onEditorChange(null);
  }, [editor, onEditorChange]);

  if (!editor) return null;
  return (
    <div className="item-editor">
      <div className="editor-bar">
        {/* Before the toolbar, so that Shift+Tab from the text reaches the toolbar first. */}
        {editable && (
          <SuggestToggle
            enabled={suggest.enabled}
            locked={suggestOnly}
            onToggle={suggest.toggle}
            refusedNotice={suggest.refusedNotice}
          />
        )}
        {/* Read-only: no formatting to offer, so no toolbar of disabled buttons either. */}
        {editable && !suggest.enabled && (
          <Toolbar editor={editor} editorId={editorId} id={toolbarId} />
        )}
        {props.status && <div className="editor-bar-status">{props.status}</div>}
      </div>
      <p id={`${editorId}-hint`} className="visually-hidden">
        {!editable
          ? "Teksten kan ikke redigeres."
          : suggest.enabled
            ? "Foreslå ændringer er slået til: det, du skriver eller sletter, bliver forslag."
            : "Tryk Alt+F10 for at gå til værktøjslinjen."}
      </p>
      <EditorContent editor={editor} className="item-editor-content" />
    </div>
  );
}
