import type { Page } from "playwright-core";
import type { ItemFieldName } from "../../../shared/editor";

export interface TextPoint {
  field: ItemFieldName;
  /** Text in one text node of the field; the point is at its start, or its end with `end`. */
  text: string;
  end?: boolean;
}

/**
 * Selects from one point of the item body to another, possibly in another field, as a person
 * dragging over the text would (a DOM selection, which the editor reads), and waits until the
 * editor's own selection is the same.
 */
export async function selectAcross(page: Page, from: TextPoint, to: TextPoint): Promise<void> {
  await page.evaluate(
    ({ start, end }) => {
      function locate(point: typeof start): [Node, number] {
        const body = document.querySelector(
          `.item-body section[data-field="${point.field}"] > .field-body`,
        );
        if (!body) throw new Error(`no field ${point.field}`);
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(point.text) ?? -1;
          if (at >= 0) return [node, point.end ? at + point.text.length : at];
        }
        throw new Error(`"${point.text}" is not in one text node of ${point.field}`);
      }
      document.querySelector<HTMLElement>(".ProseMirror")?.focus();
      const range = document.createRange();
      range.setStart(...locate(start));
      range.setEnd(...locate(end));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { start: from, end: to },
  );
  // ProseMirror reads the DOM selection a task later (selectionchange): wait until it has.
  await page.waitForFunction(
    ([startText, endText]) => {
      type WithEditor = Element & {
        editor?: {
          state: {
            selection: { from: number; to: number };
            doc: { textBetween(from: number, to: number, separator: string): string };
          };
        };
      };
      const editor = (document.querySelector(".ProseMirror") as WithEditor | null)?.editor;
      if (!editor) return false;
      const { from: a, to: b } = editor.state.selection;
      const selected = editor.state.doc.textBetween(a, b, "\n");
      return selected !== "" && selected.startsWith(startText) && selected.endsWith(endText);
    },
    [from.end ? "" : from.text, to.end ? to.text : ""] as const,
  );
}
