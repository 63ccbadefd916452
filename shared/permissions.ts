/**
 * Who may do what with a document: one pure function, used by the server to enforce and by the
 * client to show only what a person may do.
 *
 * This first version knows signed-in people and document kinds; the roles-and-workflow issue
 * adds committee roles, item status and officer assignment as further inputs.
 */
import type { DocKind } from "./docName";

export type Access = "none" | "read" | "comment" | "write";

export interface AccessSubject {
  /** null when nobody is signed in. */
  userId: string | null;
}

export interface AccessContext {
  docKind: DocKind;
}

export function docAccess(subject: AccessSubject, context: AccessContext): Access {
  if (subject.userId === null) return "none";
  switch (context.docKind) {
    // The agenda structure is written by the server alone, from validated HTTP commands.
    case "meeting":
      return "read";
    case "item":
    case "comments":
    case "minutes":
      return "write";
  }
}

/** True when an access level lets a connection's document updates be applied. */
export function canWriteDoc(access: Access): boolean {
  return access === "write";
}
