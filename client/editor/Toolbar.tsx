import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent } from "react";
import { LinkForm } from "./LinkForm";
import { syncSelectionFromDOM } from "./syncSelectionFromDOM";
import { ToolbarButton } from "./ToolbarButton";
import {
  formattingGroups,
  insertTableAction,
  tableGroup,
  type ToolbarAction,
  type ToolbarGroup,
} from "./toolbarActions";

interface ToolbarProps {
  editor: Editor;
  /** The editable element's id, for aria-controls. */
  editorId: string;
  id: string;
}

interface ActionState {
  active: boolean | undefined;
  enabled: boolean;
}

const LINK_ID = "link";

/**
 * The formatting toolbar, after the WAI-ARIA toolbar pattern: one tab stop, arrow keys (and
 * Home/End) move between buttons, Escape returns to the text. Alt+F10 in the text comes here.
 */
export function Toolbar({ editor, editorId, id }: ToolbarProps) {
  const [currentId, setCurrentId] = useState<string>("paragraph");
  const [linkFormOpen, setLinkFormOpen] = useState(false);
  const toolbarRef = useRef<HTMLDivElement>(null);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }): Record<string, ActionState> => {
      const result: Record<string, ActionState> = {};
      const editable = e.isEditable;
      const inTable = e.isActive("table");
      const groups = inTable ? [...formattingGroups, tableGroup] : formattingGroups;
      for (const action of [...groups.flatMap((g) => g.actions), insertTableAction]) {
        result[action.id] = {
          active: action.isActive?.(e),
          enabled: editable && action.canRun(e),
        };
      }
      result[LINK_ID] = {
        active: e.isActive("link"),
        enabled: editable && (!e.state.selection.empty || e.isActive("link")),
      };
      result["inTable"] = { active: inTable, enabled: true };
      return result;
    },
    equalityFn: (a, b) => b !== null && JSON.stringify(a) === JSON.stringify(b),
  });

  const groups: ToolbarGroup[] = state["inTable"]?.active
    ? [...formattingGroups, tableGroup]
    : formattingGroups;
  const orderedIds = [
    ...formattingGroups.flatMap((g) => g.actions.map((a) => a.id)),
    LINK_ID,
    insertTableAction.id,
    ...(groups.includes(tableGroup) ? tableGroup.actions.map((a) => a.id) : []),
  ];
  const enabledIds = orderedIds.filter((actionId) => state[actionId]?.enabled);
  // The tab stop stays on the last focused button while it is usable.
  const tabStop = enabledIds.includes(currentId) ? currentId : (enabledIds[0] ?? null);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = Array.from(
      toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button.toolbar-button:enabled") ??
        [],
    );
    const index = buttons.findIndex((button) => button === document.activeElement);
    let next: number | null = null;
    if (event.key === "ArrowRight") next = (index + 1) % buttons.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = buttons.length - 1;
    else if (event.key === "Escape") {
      event.preventDefault();
      // Synchronously (the focus command defers to the next frame): keys typed right after
      // Escape must reach the text, not this toolbar.
      editor.view.focus();
      return;
    }
    if (next === null || index < 0) return;
    event.preventDefault();
    buttons[next]?.focus();
  }

  function renderAction(action: ToolbarAction) {
    const actionState = state[action.id];
    return (
      <ToolbarButton
        key={action.id}
        label={action.label}
        {...(action.shortcut ? { shortcut: action.shortcut } : {})}
        {...(actionState?.active !== undefined ? { pressed: actionState.active } : {})}
        disabled={!actionState?.enabled}
        focusable={tabStop === action.id}
        onFocus={() => setCurrentId(action.id)}
        onActivate={() => {
          action.run(editor);
          // Back to the text at once (the commands' focus waits a frame), so a key pressed
          // right after activating by keyboard lands in the text.
          editor.view.focus();
        }}
      >
        <span aria-hidden="true">{action.glyph}</span>
      </ToolbarButton>
    );
  }

  return (
    <div className="toolbar-wrap">
      <div
        ref={toolbarRef}
        id={id}
        className="toolbar"
        role="toolbar"
        aria-label="Formatering"
        aria-controls={editorId}
        onKeyDown={handleKeyDown}
        onFocus={(event) => {
          // Entering from the text: take along the selection the browser has but the editor
          // may not have read yet.
          if (
            event.relatedTarget instanceof Node &&
            editor.view.dom.contains(event.relatedTarget)
          ) {
            syncSelectionFromDOM(editor.view);
          }
        }}
      >
        {groups.map((group) => (
          <div key={group.id} className="toolbar-group" role="group" aria-label={group.label}>
            {group.actions.map(renderAction)}
            {group.id === "marks" && (
              <ToolbarButton
                label="Link"
                pressed={state[LINK_ID]?.active ?? false}
                disabled={!state[LINK_ID]?.enabled}
                focusable={tabStop === LINK_ID}
                onFocus={() => setCurrentId(LINK_ID)}
                onActivate={() => setLinkFormOpen(true)}
              >
                <span aria-hidden="true" className="glyph-link">
                  Link
                </span>
              </ToolbarButton>
            )}
          </div>
        ))}
        {!groups.includes(tableGroup) && (
          <div className="toolbar-group" role="group" aria-label="Tabel">
            {renderAction(insertTableAction)}
          </div>
        )}
      </div>
      {linkFormOpen && <LinkForm editor={editor} onClose={() => setLinkFormOpen(false)} />}
    </div>
  );
}
