import type { Editor } from "@tiptap/core";
import type { ReactNode } from "react";

/** One formatting command of the toolbar, described once: label, state and what it does. */
export interface ToolbarAction {
  id: string;
  label: string;
  shortcut?: string;
  glyph: ReactNode;
  /** Toggles report whether they are on; plain actions have no `isActive`. */
  isActive?: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

export interface ToolbarGroup {
  id: string;
  label: string;
  actions: ToolbarAction[];
}

const inList = (editor: Editor) => editor.isActive("bulletList") || editor.isActive("orderedList");

export const formattingGroups: ToolbarGroup[] = [
  {
    id: "block",
    label: "Afsnitstype",
    actions: [
      {
        id: "paragraph",
        label: "Brødtekst",
        glyph: "¶",
        isActive: (editor) => editor.isActive("paragraph") && !inList(editor),
        canRun: (editor) => editor.can().clearNodes(),
        // Lifts list items and turns sub-headings back into plain paragraphs.
        run: (editor) => editor.chain().focus().clearNodes().run(),
      },
      {
        id: "subHeading",
        label: "Underoverskrift",
        shortcut: "Ctrl+Alt+3",
        glyph: <span className="glyph-heading">Aa</span>,
        isActive: (editor) => editor.isActive("heading", { level: 3 }),
        canRun: (editor) => editor.can().toggleHeading({ level: 3 }),
        run: (editor) => editor.chain().focus().toggleHeading({ level: 3 }).run(),
      },
    ],
  },
  {
    id: "lists",
    label: "Lister",
    actions: [
      {
        id: "bulletList",
        label: "Punktopstilling",
        shortcut: "Ctrl+Shift+8",
        glyph: <ListGlyph ordered={false} />,
        isActive: (editor) => editor.isActive("bulletList"),
        canRun: (editor) => editor.can().toggleBulletList(),
        run: (editor) => editor.chain().focus().toggleBulletList().run(),
      },
      {
        id: "orderedList",
        label: "Nummereret liste",
        shortcut: "Ctrl+Shift+7",
        glyph: <ListGlyph ordered />,
        isActive: (editor) => editor.isActive("orderedList"),
        canRun: (editor) => editor.can().toggleOrderedList(),
        run: (editor) => editor.chain().focus().toggleOrderedList().run(),
      },
    ],
  },
  {
    id: "marks",
    label: "Tekst",
    actions: [
      {
        id: "bold",
        label: "Fed",
        shortcut: "Ctrl+B",
        glyph: <b>F</b>,
        isActive: (editor) => editor.isActive("bold"),
        canRun: (editor) => editor.can().toggleBold(),
        run: (editor) => editor.chain().focus().toggleBold().run(),
      },
      {
        id: "italic",
        label: "Kursiv",
        shortcut: "Ctrl+I",
        glyph: <i>K</i>,
        isActive: (editor) => editor.isActive("italic"),
        canRun: (editor) => editor.can().toggleItalic(),
        run: (editor) => editor.chain().focus().toggleItalic().run(),
      },
    ],
  },
];

export const tableGroup: ToolbarGroup = {
  id: "table",
  label: "Tabel",
  actions: [
    {
      id: "addRow",
      label: "Tilføj række",
      glyph: "+ Række",
      canRun: (editor) => editor.can().addRowAfter(),
      run: (editor) => editor.chain().focus().addRowAfter().run(),
    },
    {
      id: "addColumn",
      label: "Tilføj kolonne",
      glyph: "+ Kolonne",
      canRun: (editor) => editor.can().addColumnAfter(),
      run: (editor) => editor.chain().focus().addColumnAfter().run(),
    },
    {
      id: "deleteRow",
      label: "Slet række",
      glyph: "− Række",
      canRun: (editor) => editor.can().deleteRow(),
      run: (editor) => editor.chain().focus().deleteRow().run(),
    },
    {
      id: "deleteColumn",
      label: "Slet kolonne",
      glyph: "− Kolonne",
      canRun: (editor) => editor.can().deleteColumn(),
      run: (editor) => editor.chain().focus().deleteColumn().run(),
    },
    {
      id: "deleteTable",
      label: "Slet tabel",
      glyph: "Slet tabel",
      canRun: (editor) => editor.can().deleteTable(),
      run: (editor) => editor.chain().focus().deleteTable().run(),
    },
  ],
};

export const insertTableAction: ToolbarAction = {
  id: "insertTable",
  label: "Indsæt tabel",
  glyph: <TableGlyph />,
  canRun: (editor) =>
    !editor.isActive("table") &&
    editor.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
  run: (editor) =>
    editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
};

/**
 * 1, 2 and 3 drawn as strokes in a 5×6 box: SVG text would count as the button's visible text,
 * which then no longer matches its accessible name ("Nummereret liste").
 */
const DIGIT_PATHS = [
  "M1.2 1.4 L2.8 0.4 V6",
  "M0.8 1.6 Q2.4 -0.4 3.8 1.2 Q4.4 2.4 0.8 6 H4.2",
  "M0.8 0.6 H4 L2.2 2.6 Q4.4 2.6 4 4.6 Q3.2 6.6 0.8 5.4",
];

function ListGlyph({ ordered }: { ordered: boolean }) {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {[5, 10, 15].map((y, index) =>
        ordered ? (
          <path
            key={y}
            d={DIGIT_PATHS[index]}
            transform={`translate(0.5 ${y - 3})`}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.1"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        ) : (
          <circle key={y} cx="3" cy={y} r="1.6" fill="currentColor" />
        ),
      )}
      {[5, 10, 15].map((y) => (
        <rect key={y} x="7" y={y - 1} width="12" height="2" rx="1" fill="currentColor" />
      ))}
    </svg>
  );
}

function TableGlyph() {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <rect x="2" y="3" width="16" height="14" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M2 8h16M2 12.5h16M7.5 3v14M12.5 3v14" stroke="currentColor" fill="none" />
    </svg>
  );
}
