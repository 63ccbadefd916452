import { Node } from "@tiptap/core";

/**
 * A protected field of an item body (Baggrund, Indstilling, Sagsfremstilling). The heading is
 * not content: it is rendered from the node type, so no edit can delete, rename or retype it,
 * and the document node's content expression fixes the fields' number and order.
 */
export interface FieldDefinition {
  /** Node and Yjs element name, e.g. "sagsfremstilling". */
  name: string;
  /** The heading as the documents print it, e.g. "Sagsfremstilling". */
  label: string;
}

export function createField({ name, label }: FieldDefinition) {
  return Node.create({
    name,
    content: "block+",
    defining: true,
    isolating: true,
    selectable: false,
    draggable: false,
    parseHTML() {
      return [{ tag: `section[data-field="${name}"]`, contentElement: "div.field-body" }];
    },
    renderHTML() {
      const headingId = `field-heading-${name}`;
      return [
        "section",
        { "data-field": name, class: "field", "aria-labelledby": headingId },
        ["h2", { class: "field-heading", id: headingId, contenteditable: "false" }, label],
        ["div", { class: "field-body" }, 0],
      ];
    },
  });
}
