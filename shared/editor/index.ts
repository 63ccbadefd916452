export { itemBodyExtensions } from "./extensions";
export { ITEM_FIELDS } from "./fields";
export type { ItemFieldName } from "./fields";
export { itemBodySchema } from "./schema";
export { createField } from "./nodes/Field";
export type { FieldDefinition } from "./nodes/Field";
