import { Node } from "@tiptap/core";

/**
 * The documents' `./.`: marks that an attachment (bilag) belongs at this place in the text.
 * An inline atom linking to one of the item's attachments by id; the label is the file name
 * at the time it was inserted.
 */
export const AttachmentMarker = Node.create({
  name: "attachmentMarker",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      attachmentId: { default: null },
      label: { default: "" },
    };
  },
  parseHTML() {
    return [
      {
        tag: "span[data-attachment-marker]",
        getAttrs: (element) => ({
          attachmentId: element.getAttribute("data-attachment-id"),
          label: element.getAttribute("data-label") ?? "",
        }),
      },
    ];
  },
  renderHTML({ node }) {
    const label = String(node.attrs.label ?? "");
    return [
      "span",
      {
        "data-attachment-marker": "",
        "data-attachment-id": node.attrs.attachmentId ?? "",
        "data-label": label,
        class: "attachment-marker",
      },
      label ? `./. ${label}` : "./.",
    ];
  },
});
