import type { Editor } from "@tiptap/core";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useId } from "react";
import { BODY_FRAGMENT } from "../../shared/docName";
import { itemBodyExtensions } from "../../shared/editor";
import type { SessionUser } from "../api/types";
import type { ItemSyncSession } from "../sync/ItemSyncSession";
import { FieldGuard } from "./FieldGuard";
import { renderCaret } from "./renderCaret";
import { Toolbar } from "./Toolbar";

interface ItemEditorProps {
  session: ItemSyncSession;
  user: SessionUser;
  editable: boolean;
  /** Labels the editable area, e.g. the item's title. */
  label: string;
  /** Hands out the editor (null when it goes), for actions outside the toolbar (bilag markers). */
  onEditorChange?: (editor: Editor | null) => void;
}

/**
 * The item body editor: the shared schema, bound to the session's Y.Doc. Mounted only once the
 * doc holds its fields (from IndexedDB or the server): the client never creates the structure,
 * so an empty doc must not reach the editor, which would fill it with fields of its own.
 * Undo/redo come from Collaboration (per person, over Yjs), not from StarterKit.
 */
export function ItemEditor({ session, user, editable, label, onEditorChange }: ItemEditorProps) {
  const editorId = useId();
  const toolbarId = useId();

  const editor = useEditor(
    {
      extensions: [
        ...itemBodyExtensions,
        Collaboration.configure({ document: session.doc, field: BODY_FRAGMENT }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: { name: user.name, color: user.color, id: user.id },
          render: renderCaret,
        }),
        FieldGuard,
      ],
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

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    if (!onEditorChange) return;
    onEditorChange(editor);
    return () => onEditorChange(null);
  }, [editor, onEditorChange]);

  if (!editor) return null;
  return (
    <div className="item-editor">
      {/* Read-only: no formatting to offer, so no toolbar of disabled buttons either. */}
      {editable && <Toolbar editor={editor} editorId={editorId} id={toolbarId} />}
      <p id={`${editorId}-hint`} className="visually-hidden">
        {editable ? "Tryk Alt+F10 for at gå til værktøjslinjen." : "Teksten kan ikke redigeres."}
      </p>
      <EditorContent editor={editor} className="item-editor-content" />
    </div>
  );
}
