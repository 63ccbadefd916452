import { createHash } from "node:crypto";
import type { LocatedFinding } from "../publication";

/**
 * Keys that say exactly what an acceptance covers. A finding's key is its place (item, field,
 * bilag — by id and by content hash, so a replaced bilag is checked afresh), its kind and the
 * matched text: fixing the text (the match changes or goes) leaves nothing for the acceptance to
 * match, while a fix elsewhere in the item keeps every other acceptance. An unreadable bilag's
 * key is the bilag and its content.
 */
export function findingKey(finding: LocatedFinding, attachmentSha256: string | null): string {
  return digest([
    "finding",
    finding.itemId,
    finding.field,
    finding.attachmentId ?? "",
    attachmentSha256 ?? "",
    finding.kind,
    finding.match,
  ]);
}

export function unreadableKey(itemId: string, attachmentId: string, sha256: string): string {
  return digest(["unreadable", itemId, attachmentId, sha256]);
}

function digest(parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}
