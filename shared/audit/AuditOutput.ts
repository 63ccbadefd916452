/** Where a details renderer puts what it shows, and the shape of a renderer. */
import type { AuditDetail, AuditNames } from "./renderAuditDetails";

export type AuditDetails = Record<string, unknown>;
export type AuditRenderer = (details: AuditDetails, names: AuditNames, out: AuditOutput) => void;

/** Collects details and remembers which keys were shown, for the generic renderer. */
export class AuditOutput {
  readonly details: AuditDetail[] = [];
  readonly used = new Set<string>();

  add(label: string, value: string | null | undefined, ...keys: string[]): void {
    for (const key of keys) this.used.add(key);
    if (value !== null && value !== undefined && value !== "") this.details.push({ label, value });
  }

  /** Keys that need no line of their own (shown elsewhere, or internal). */
  skip(...keys: string[]): void {
    for (const key of keys) this.used.add(key);
  }
}
