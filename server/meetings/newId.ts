import { randomBytes } from "node:crypto";

/** Short random ids (URL- and document-name-safe, never starting with "-" or "_"). */
export function newId(): string {
  const id = randomBytes(9).toString("base64url");
  return /^[A-Za-z0-9]/.test(id) ? id : `x${id.slice(1)}`;
}
