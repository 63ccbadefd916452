import type { AnyExtension } from "@tiptap/core";
import { Bold } from "@tiptap/extension-bold";
import { HardBreak } from "@tiptap/extension-hard-break";
import { Italic } from "@tiptap/extension-italic";
import { Link } from "@tiptap/extension-link";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
import { Paragraph } from "@tiptap/extension-paragraph";
import { TableKit } from "@tiptap/extension-table";
import { Text } from "@tiptap/extension-text";
import { ITEM_FIELDS } from "./fields";
import { AttachmentMarker } from "./nodes/AttachmentMarker";
import { createField } from "./nodes/Field";
import { ItemDocument } from "./nodes/ItemDocument";
import { SubHeading } from "./nodes/SubHeading";

/**
 * The item body schema, as one named list. The client mounts it (plus editing-only extensions
 * such as collaboration); the server builds the ProseMirror schema from the same list with
 * `getSchema()` to check stored bodies.
 */
export const itemBodyExtensions: AnyExtension[] = [
  ItemDocument,
  ...ITEM_FIELDS.map(createField),
  Paragraph,
  Text,
  SubHeading,
  BulletList,
  OrderedList,
  ListItem,
  HardBreak,
  AttachmentMarker,
  Bold,
  Italic,
  Link.configure({ openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] }),
  TableKit.configure({ table: { resizable: false } }),
];
