import type { Acceptance } from "../api/publicationApi";

const WHEN = new Intl.DateTimeFormat("da-DK", { dateStyle: "medium", timeStyle: "short" });

/** "Godkendt af Signe Holm 4. dec. 2026 kl. 19.20" — who accepted, and when. */
export function acceptanceText(acceptance: Acceptance, verb = "Godkendt"): string {
  return `${verb} af ${acceptance.byName ?? "en tidligere bruger"} ${WHEN.format(new Date(acceptance.at))}`;
}
