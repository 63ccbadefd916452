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
import { Deletion } from "./marks/Deletion";
import { Insertion } from "./marks/Insertion";
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
  // No `protocols`: http, https and mailto are linkify's own schemes, and registering them as
  // custom ones again warns ("linkifyjs: already initialized") for every editor after the first.
  Link.configure({ openOnClick: false, autolink: true }),
  TableKit.configure({ table: { resizable: false } }),
  // Suggestions (Foreslå ændringer): in the schema both sides build, so the server can check
  // that a suggest-only connection's changes are suggestions by that person.
  Insertion,
  Deletion,
];
