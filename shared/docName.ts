/**
 * Document names: `<kind>:<id>`. A document is the unit of permission (see DESIGN.md).
 */
/**
 * `user:<userId>` is a person's own channel: the server writes their unread notification count
 * to it, and only that person may open it (`userDocAccess`).
 */
export const DocKinds = ["meeting", "item", "comments", "minutes", "user"] as const;
export type DocKind = (typeof DocKinds)[number];

export interface DocName {
  kind: DocKind;
  id: string;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses `item:abc`; returns null for anything that is not a well-formed document name. */
export function parseDocName(name: string): DocName | null {
  const colon = name.indexOf(":");
  if (colon < 0) return null;
  const kind = name.slice(0, colon);
  const id = name.slice(colon + 1);
  if (!(DocKinds as readonly string[]).includes(kind) || !ID_PATTERN.test(id)) return null;
  return { kind: kind as DocKind, id };
}

export function formatDocName(kind: DocKind, id: string): string {
  return `${kind}:${id}`;
}

/** The Yjs XmlFragment that holds a rich-text body (TipTap's Collaboration default). */
export const BODY_FRAGMENT = "default";
