/**
 * The rich text of one field as the parser sees it, before it becomes ProseMirror JSON or plain
 * text. Text is already one line per paragraph or list item, de-hyphenated.
 */
export type Block =
  /** `lines` has more than one entry only for runs of short lines kept line by line (tables). */
  | { kind: "paragraph"; lines: string[] }
  | { kind: "heading"; text: string }
  | { kind: "bulletList"; items: string[] }
  | {
      kind: "orderedList";
      start: number;
      style: "decimal" | "alpha";
      delimiter: "." | ")";
      items: string[];
    };
