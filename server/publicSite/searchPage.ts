import { danishCount, formatDanishDate } from "../../shared/model";
import { escapeHtml } from "../exports/html/blocksToHtml";
import { danishStems } from "./danishStems";
import type { PublicHit } from "./PublicSite";
import { itemAnchor, PUBLIC_ROOT, publicPaths } from "./publicPaths";
import { renderPublicPage } from "./renderPublicPage";
import type { SiteSettings } from "./SiteSettings";

/** The search page: the form (in the header) and the public items found, best first. */
export function renderSearchPage(
  settings: SiteSettings,
  query: string,
  hits: PublicHit[] | null,
): string {
  let body: string;
  if (hits === null) {
    body =
      "<p>Søg i de offentliggjorte dagsordener og referater, fx efter et ord fra en beslutning. Bøjede former findes også: «beslutninger» finder «beslutning».</p>";
  } else {
    const stems = new Set(danishStems(query));
    const results = hits.map((hit) => {
      const href = `${publicPaths.meeting(hit.committee.slug, hit.meetingSlug)}#${itemAnchor(hit.itemNumber)}`;
      return `<li class="hit"><h2><a href="${href}">${escapeHtml(hit.itemNumber)}. ${escapeHtml(hit.title)}</a></h2>
<p class="meta">${escapeHtml(hit.committee.name)} · ${escapeHtml(hit.meetingTitle)}, ${escapeHtml(formatDanishDate(hit.meetingDate))} · ${hit.kind === "referat" ? "Referat" : "Dagsorden"}</p>
<p>${snippet(hit.body, stems)}</p></li>`;
    });
    body = `<p role="status">${danishCount(hits.length, "resultat")} for «${escapeHtml(query)}»</p>${
      results.length ? `<ol class="list" aria-label="Resultater">${results.join("")}</ol>` : ""
    }`;
  }
  return renderPublicPage(settings, {
    title: hits === null ? "Søg" : `Søgning: ${query}`,
    body,
    trail: [{ label: "Alle udvalg", href: PUBLIC_ROOT }],
    query,
  });
}

/** About 30 words of the text around its first match, matching words marked. */
export function snippet(text: string, stems: Set<string>, radius = 15): string {
  const parts = text.split(/([\p{L}\p{N}]+)/u);
  const words: { index: number; match: boolean }[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      const [stem] = danishStems(part);
      words.push({ index, match: stem !== undefined && stems.has(stem) });
    }
  });
  const first = Math.max(
    0,
    words.findIndex((word) => word.match),
  );
  const from = Math.max(0, first - radius);
  const to = Math.min(words.length, first + radius + 1);
  if (words.length === 0) return "";
  const start = words[from]!.index;
  const end = words[to - 1]!.index;
  const html = parts
    .slice(start, end + 1)
    .map((part, offset) => {
      const escaped = escapeHtml(part.replace(/\s+/g, " "));
      const word = words.find((w) => w.index === start + offset);
      return word?.match ? `<mark>${escaped}</mark>` : escaped;
    })
    .join("");
  return `${from > 0 ? "… " : ""}${html}${to < words.length ? " …" : ""}`;
}
