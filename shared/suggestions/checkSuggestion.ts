/**
 * Whether a change to an item body is a suggestion by one person — what a `suggest`
 * connection may send (the server refuses anything else, `not_a_suggestion`).
 *
 * How: both documents are read as a sequence of units (each character and inline node with its
 * marks; each block's start and end with its type and attributes). The units the person
 * suggested inserting are taken out of both sequences: they may appear (typing) and disappear
 * (withdrawing) freely. Everything else must then be the same sequence, unit for unit, where a
 * unit's identity ignores only the person's own deletion marks: existing content may gain (or
 * lose, withdrawn) their deletion mark and nothing else. So no content is removed, nothing is
 * added unmarked, no one else's mark or attribute changes, and the structure stays as it was.
 * Linear in the document's size, no diff needed.
 */
import type { Mark, Node } from "@tiptap/pm/model";
import type { SuggestionAttrs } from "../editor/marks/suggestionAttributes";

export type SuggestionRefusal =
  /** Content that was there is gone (only one's own suggested insertions may be withdrawn). */
  | "removes_content"
  /** New content without the person's insertion mark. */
  | "unmarked_insertion"
  /** Existing content changed marks or attributes other than the person's deletion mark. */
  | "changes_content"
  /** A block was added, removed, split, joined or changed. */
  | "changes_structure"
  /** A suggestion mark in the person's name with bad attributes, or an id someone else uses. */
  | "bad_mark";

export type SuggestionCheck = { ok: true } | { ok: false; reason: SuggestionRefusal };

export interface SuggestionAuthor {
  id: string;
  /** When given, the person's own marks must carry this name. */
  name?: string;
}

interface Unit {
  key: string;
  block: boolean;
}

function markKey(mark: Mark): string {
  return `${mark.type.name}${JSON.stringify(mark.attrs)}`;
}

function isOwn(mark: Mark, authorId: string, kind: "insertion" | "deletion"): boolean {
  return mark.type.name === kind && (mark.attrs as SuggestionAttrs).authorId === authorId;
}

/** The document as units, without the person's suggested insertions. */
function unitsOf(doc: Node, authorId: string): Unit[] {
  const units: Unit[] = [];
  const walk = (node: Node) => {
    node.forEach((child) => {
      if (child.isInline) {
        if (child.marks.some((mark) => isOwn(mark, authorId, "insertion"))) return;
        const marks = child.marks
          .filter((mark) => !isOwn(mark, authorId, "deletion"))
          .map(markKey)
          .join("|");
        if (child.isText) {
          for (const char of child.text ?? "")
            units.push({ key: `t${char}\u0000${marks}`, block: false });
        } else {
          units.push({
            key: `n${child.type.name}${JSON.stringify(child.attrs)}\u0000${marks}`,
            block: false,
          });
        }
        return;
      }
      units.push({ key: `<${child.type.name}${JSON.stringify(child.attrs)}`, block: true });
      walk(child);
      units.push({ key: `>`, block: true });
    });
  };
  walk(doc);
  return units;
}

function ownMarks(doc: Node, visit: (attrs: Partial<SuggestionAttrs>) => void): void {
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === "insertion" || mark.type.name === "deletion") visit(mark.attrs);
    }
    return true;
  });
}

/**
 * The person's marks carry a valid time and an id no one else uses, and new ones their name
 * (marks made before a change of name keep the old one).
 */
function ownMarksValid(before: Node, after: Node, author: SuggestionAuthor): boolean {
  const named = new Set<string>();
  if (author.name !== undefined) {
    ownMarks(before, (attrs) => {
      if (attrs.authorId === author.id) named.add(`${attrs.id}\u0000${attrs.authorName}`);
    });
  }
  const idOwners = new Map<string, string>();
  let valid = true;
  ownMarks(after, (attrs) => {
    const owner = typeof attrs.authorId === "string" ? attrs.authorId : "";
    const id = typeof attrs.id === "string" ? attrs.id : "";
    if (owner === author.id) {
      if (id === "" || Number.isNaN(Date.parse(String(attrs.time)))) valid = false;
      if (
        author.name !== undefined &&
        attrs.authorName !== author.name &&
        !named.has(`${id}\u0000${attrs.authorName}`)
      ) {
        valid = false;
      }
    }
    // One suggestion id, one author: accepting someone's suggestion never takes another's.
    const seen = idOwners.get(id);
    if (seen !== undefined && seen !== owner) valid = false;
    idOwners.set(id, owner);
  });
  return valid;
}

/** Names the first difference, for the log and the tests; any difference is a refusal. */
function classify(before: Unit[], after: Unit[], i: number): SuggestionRefusal {
  if (before[i]?.block || after[i]?.block) return "changes_structure";
  if (after.length > before.length) return "unmarked_insertion";
  if (after.length < before.length) return "removes_content";
  return "changes_content";
}

export function checkSuggestion(
  before: Node,
  after: Node,
  author: string | SuggestionAuthor,
): SuggestionCheck {
  const person = typeof author === "string" ? { id: author } : author;
  const was = unitsOf(before, person.id);
  const now = unitsOf(after, person.id);
  const length = Math.max(was.length, now.length);
  for (let i = 0; i < length; i++) {
    if (was[i]?.key !== now[i]?.key) return { ok: false, reason: classify(was, now, i) };
  }
  if (!ownMarksValid(before, after, person)) return { ok: false, reason: "bad_mark" };
  return { ok: true };
}
