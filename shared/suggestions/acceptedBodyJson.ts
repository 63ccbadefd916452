import { itemBodySchema } from "../editor/schema";
import { acceptedBody } from "./decideSuggestions";

function hasSuggestionMark(node: unknown): boolean {
  if (typeof node !== "object" || node === null) return false;
  const { marks, content } = node as { marks?: unknown; content?: unknown };
  if (
    Array.isArray(marks) &&
    marks.some((mark) => {
      const type = (mark as { type?: unknown } | null)?.type;
      return type === "insertion" || type === "deletion";
    })
  ) {
    return true;
  }
  return Array.isArray(content) && content.some(hasSuggestionMark);
}

/**
 * An item body (ProseMirror JSON) as accepted text only: open insertions dropped, open deletions
 * kept. A body without suggestions is returned as it is — the very same JSON, so content hashes
 * of bodies that never had a suggestion stay what they were.
 */
export function acceptedBodyJson(body: unknown): unknown {
  if (!hasSuggestionMark(body)) return body;
  return acceptedBody(itemBodySchema().nodeFromJSON(body)).toJSON();
}
