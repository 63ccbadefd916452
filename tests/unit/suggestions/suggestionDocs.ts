import type { Node } from "@tiptap/pm/model";
import { itemBodySchema } from "../../../shared/editor";
import type { SuggestionAttrs } from "../../../shared/editor";

/** A text run in a paragraph: plain, or marked as someone's suggestion. */
export type Run =
  | string
  | {
      text: string;
      ins?: Partial<SuggestionAttrs> | string;
      del?: Partial<SuggestionAttrs> | string;
      bold?: true;
    };

export const ANNE = { id: "u-anne", name: "Anne Direktør" };
export const BO = { id: "u-bo", name: "Bo Formand" };

const PEOPLE: Record<string, { id: string; name: string }> = { [ANNE.id]: ANNE, [BO.id]: BO };

function attrs(spec: Partial<SuggestionAttrs> | string, fallbackId: string): SuggestionAttrs {
  const given = typeof spec === "string" ? { authorId: spec } : spec;
  const authorId = given.authorId ?? ANNE.id;
  return {
    id: given.id ?? fallbackId,
    authorId,
    authorName: given.authorName ?? PEOPLE[authorId]?.name ?? "Ukendt",
    time: given.time ?? "2026-12-05T08:00:00.000Z",
  };
}

function paragraph(runs: Run[], index: number) {
  return {
    type: "paragraph",
    content: runs.map((run, i) => {
      if (typeof run === "string") return { type: "text", text: run };
      const marks: unknown[] = [];
      if (run.bold) marks.push({ type: "bold" });
      if (run.ins) marks.push({ type: "insertion", attrs: attrs(run.ins, `s${index}-${i}`) });
      if (run.del) marks.push({ type: "deletion", attrs: attrs(run.del, `s${index}-${i}`) });
      return { type: "text", text: run.text, ...(marks.length > 0 ? { marks } : {}) };
    }),
  };
}

/** An item body whose Sagsfremstilling holds these paragraphs (each a list of runs). */
export function body(...paragraphs: Run[][]): Node {
  return itemBodySchema().nodeFromJSON({
    type: "doc",
    content: [
      {
        type: "baggrund",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Baggrund." }] }],
      },
      {
        type: "indstilling",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Det indstilles." }] }],
      },
      { type: "sagsfremstilling", content: paragraphs.map(paragraph) },
    ],
  });
}

/** The Sagsfremstilling's text, paragraphs joined by "\n". */
export function text(doc: Node): string {
  const field = doc.lastChild!;
  const lines: string[] = [];
  field.forEach((child) => lines.push(child.textContent));
  return lines.join("\n");
}
