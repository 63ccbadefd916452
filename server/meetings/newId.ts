import { randomBytes } from "node:crypto";

/** Short random ids (URL- and document-name-safe). */
export function newId(): string {
  return randomBytes(9).toString("base64url");
}
