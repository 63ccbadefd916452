import type { FieldDefinition } from "./nodes/Field";

/** The fixed fields of an item body, in document order. */
export const ITEM_FIELDS = [
  { name: "baggrund", label: "Baggrund" },
  { name: "indstilling", label: "Indstilling" },
  { name: "sagsfremstilling", label: "Sagsfremstilling" },
] as const satisfies readonly FieldDefinition[];

export type ItemFieldName = (typeof ITEM_FIELDS)[number]["name"];
