/** Audit detail values made readable: the small conversions the detail renderers share. */
import { ITEM_STATUS_LABELS, MEETING_PHASE_LABELS } from "../model/agenda";
import { formatDanishDate } from "../model/formatDanishDate";
import { ROLE_LABELS } from "../roles";
import type { AuditDetails, AuditOutput } from "./AuditOutput";
import type { AuditNames } from "./renderAuditDetails";

export function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

export function text(value: unknown): string | null {
  return str(value);
}

export function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function count(value: unknown): string | null {
  const n = num(value);
  return n === null ? null : String(n);
}

export function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function nameList(value: unknown): string | null {
  return Array.isArray(value) && value.length > 0 ? value.map(String).join(", ") : null;
}

export function idName(value: unknown, resolve: (id: string) => string | null): string | null {
  return typeof value === "string" ? resolve(value) : null;
}

export function personOf(value: unknown, names: AuditNames): string | null {
  return idName(value, (id) => names.person(id));
}

export function roleOf(value: unknown): string | null {
  return typeof value === "string" && value in ROLE_LABELS
    ? ROLE_LABELS[value as keyof typeof ROLE_LABELS]
    : null;
}

export function statusOf(value: unknown): string | null {
  return typeof value === "string" && value in ITEM_STATUS_LABELS
    ? ITEM_STATUS_LABELS[value as keyof typeof ITEM_STATUS_LABELS]
    : null;
}

export function phaseOf(value: unknown): string | null {
  return typeof value === "string" && value in MEETING_PHASE_LABELS
    ? MEETING_PHASE_LABELS[value as keyof typeof MEETING_PHASE_LABELS]
    : null;
}

export function dateOf(value: unknown): string | null {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? formatDanishDate(value)
    : str(value);
}

export function position(value: unknown): string | null {
  const n = num(value);
  return n === null ? null : `nr. ${n + 1}`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

const KIND_LABELS: Record<string, string> = { dagsorden: "Dagsorden", referat: "Referat" };

/** "Dagsorden" or "Referat"; an unknown kind as recorded. */
export function kindOf(value: unknown): string | null {
  const kind = str(value);
  return kind ? (KIND_LABELS[kind] ?? kind) : null;
}

/** The item an entry is about: by its recorded number and title, or by id. */
export function itemOf(d: AuditDetails, n: AuditNames, out: AuditOutput): void {
  const number = str(d["itemNumber"]);
  const title = str(d["itemTitle"]);
  const recorded = title ? (number ? `${number}. ${title}` : title) : null;
  out.add("Punkt", recorded ?? idName(d["itemId"], n.item), "itemNumber", "itemTitle", "itemId");
}

/** Items listed by id, or as { number, title } (as the publication step may record them). */
export function itemList(value: unknown, names: AuditNames): string | null {
  if (!Array.isArray(value)) return null;
  const shown = value
    .map((entry) => {
      if (typeof entry === "string") return names.item(entry);
      const item = record(entry);
      if (!item) return null;
      const number = str(item["number"]);
      const title = str(item["title"]);
      if (title) return number ? `${number}. ${title}` : title;
      return typeof item["id"] === "string" ? names.item(item["id"]) : null;
    })
    .filter((entry) => entry !== null);
  return shown.length > 0 ? shown.join("; ") : value.length === 0 ? "ingen" : null;
}
