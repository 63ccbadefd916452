export { itemBodyExtensions } from "./extensions";
export { ITEM_FIELDS } from "./fields";
export type { ItemFieldName } from "./fields";
export { beslutningSchema, itemBodySchema } from "./schema";
export { beslutningExtensions } from "./beslutning";
export { createField } from "./nodes/Field";
export type { FieldDefinition } from "./nodes/Field";
export { AttachmentMarker } from "./nodes/AttachmentMarker";
export { Insertion } from "./marks/Insertion";
export { Deletion } from "./marks/Deletion";
export type { SuggestionAttrs } from "./marks/suggestionAttributes";
export {
  formatSuggestionTime,
  suggestionColorClass,
  suggestionTitle,
  SUGGESTION_COLOR_COUNT,
} from "./marks/suggestionAttributes";
