/**
 * The server side of suggest mode: a `suggest` connection's update is applied like any other,
 * then the body before and after is compared with `checkSuggestion`; anything that is not a
 * suggestion by the connection's person is refused (and reverted by SyncDoc).
 */
import type { Node } from "@tiptap/pm/model";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { BODY_FRAGMENT } from "../../shared/docName";
import { itemBodySchema } from "../../shared/editor";
import type { SuggestionAuthor } from "../../shared/suggestions";
import { checkSuggestion } from "../../shared/suggestions";
import { UpdateRejected } from "./clientUpdate";

/** The item body as a ProseMirror node, or null when it does not match the schema. */
export function readItemBody(doc: Y.Doc): Node | null {
  try {
    return itemBodySchema().nodeFromJSON(
      yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FRAGMENT)),
    );
  } catch {
    return null;
  }
}

/** Why the change from `before` to the document as it is now is no suggestion, or null. */
export function refuseUnlessSuggestion(
  before: Node | null,
  doc: Y.Doc,
  author: SuggestionAuthor,
): UpdateRejected | null {
  const after = readItemBody(doc);
  if (before === null || after === null) {
    return new UpdateRejected("notASuggestion", "the body could not be read as a suggestion");
  }
  const result = checkSuggestion(before, after, author);
  return result.ok
    ? null
    : new UpdateRejected("notASuggestion", `not a suggestion by ${author.id}: ${result.reason}`);
}
