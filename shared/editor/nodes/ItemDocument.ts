import { Node } from "@tiptap/core";
import { ITEM_FIELDS } from "../fields";

/** The item body's top node: exactly the fixed fields, in their fixed order. */
export const ItemDocument = Node.create({
  name: "doc",
  topNode: true,
  content: ITEM_FIELDS.map((field) => field.name).join(" "),
});
