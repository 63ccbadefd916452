import type { ItemVersion } from "../api/versionsApi";
import { formatDateTime } from "./formatDateTime";

/** "Godkendt (Frederik Lund) – 3. sep. 2025 10.15": a version as a choice in a list. */
export function versionLabel(version: ItemVersion): string {
  return `${version.name} – ${formatDateTime(version.createdAt)}`;
}
