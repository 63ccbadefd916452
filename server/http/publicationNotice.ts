import type { PublicationSummary } from "../store";

const DANISH_DATE = new Intl.DateTimeFormat("da-DK", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Copenhagen",
});

/** "5. oktober 2025", in Danish time. */
export function danishDate(at: number): string {
  return DANISH_DATE.format(new Date(at));
}

/**
 * What a reader must know about a published document besides its text: that the minutes it
 * holds were reopened (when, and why) and, once republished, that it is replaced and by which.
 * Reopened minutes stay published as approved, with this notice, rather than being withdrawn:
 * the approved text is the body's record of its decisions until a new approval replaces it, and
 * a reader who has it, or links to it, must find it and learn that it is being revised.
 */
export function publicationNotice(
  publication: PublicationSummary,
  replacement: PublicationSummary | null,
): string | null {
  const lines: string[] = [];
  if (publication.reopenedAt !== null) {
    lines.push(
      `<p><strong>Referatet er genåbnet ${escapeHtml(danishDate(publication.reopenedAt))}: ${escapeHtml(publication.reopenReason ?? "")}</strong></p>`,
    );
    if (replacement === null) {
      lines.push(
        "<p>Teksten herunder er referatet, som det blev godkendt før genåbningen. Når det er godkendt igen, offentliggøres den nye udgave her.</p>",
      );
    }
  }
  if (replacement !== null) {
    lines.push(
      `<p><strong>Erstattet af</strong> <a href="/offentlig/dokumenter/${encodeURIComponent(replacement.id)}">en ny udgave, offentliggjort ${escapeHtml(danishDate(replacement.publishedAt))}</a>. Teksten herunder er den tidligere udgave.</p>`,
    );
  }
  if (lines.length === 0) return null;
  return `<aside class="publication-status" aria-label="Om dokumentet">\n${lines.join("\n")}\n</aside>`;
}

/** The stored HTML with the notice at the top of its body; the stored bytes themselves stay. */
export function withNotice(html: string, notice: string | null): string {
  if (notice === null) return html;
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return `${notice}\n${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}\n${notice}${html.slice(at)}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
