import { escapeHtml } from "../exports/html/blocksToHtml";
import { publicPaths, PUBLIC_ROOT } from "./publicPaths";
import type { SiteSettings } from "./SiteSettings";

export interface PageLink {
  label: string;
  href: string;
}

export interface PublicPageOptions {
  title: string;
  /** The page's content, inside <main> after its h1. */
  body: string;
  /** Where the page sits: links from the site's front page down to the page's parent. */
  trail?: PageLink[];
  /** Feeds of the page (<link rel="alternate">). */
  alternates?: { type: "application/atom+xml" | "text/calendar"; href: string; title: string }[];
  /** The search field's value on the search page. */
  query?: string;
}

/**
 * The frame of every public page: the municipality's header with a search field, breadcrumbs,
 * the content. Plain HTML and one <style> (allowed by its hash, see `sendHtml`); no script, so
 * every page works without JavaScript.
 */
export function renderPublicPage(settings: SiteSettings, options: PublicPageOptions): string {
  const alternates = (options.alternates ?? [])
    .map(
      (alt) =>
        `<link rel="alternate" type="${alt.type}" href="${escapeHtml(alt.href)}" title="${escapeHtml(alt.title)}">`,
    )
    .join("\n");
  const trail = options.trail?.length
    ? `<nav aria-label="Brødkrumme" class="trail"><ol>${options.trail
        .map((link) => `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></li>`)
        .join("")}<li aria-current="page">${escapeHtml(options.title)}</li></ol></nav>`
    : "";
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} – ${escapeHtml(settings.name)}</title>
${alternates}
<style>${siteCss(settings)}</style>
</head>
<body>
<a class="skip" href="#indhold">Gå til indholdet</a>
<header class="site">
<div class="bar">
<p class="site-name"><a href="${PUBLIC_ROOT}">${escapeHtml(settings.name)}</a> <span>Dagsordener og referater</span></p>
<form role="search" method="get" action="${publicPaths.search()}">
<label for="soeg-q">Søg i dagsordener og referater</label>
<input id="soeg-q" name="q" type="search" maxlength="200" value="${escapeHtml(options.query ?? "")}">
<button type="submit">Søg</button>
</form>
</div>
</header>
<main id="indhold" tabindex="-1">
${trail}
<h1>${escapeHtml(options.title)}</h1>
${options.body}
</main>
<footer class="site"><p>${escapeHtml(settings.name)} · <a href="${publicPaths.feed()}">Nyt fra udvalgene (Atom)</a></p></footer>
</body>
</html>`;
}

function siteCss(settings: SiteSettings): string {
  const c = settings.color;
  return `
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; color: ${c}; padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; z-index: 1; }
header.site { background: ${c}; color: #fff; }
.bar, main, footer.site { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem; }
.bar { display: flex; flex-wrap: wrap; gap: 0.75rem 2rem; align-items: end; justify-content: space-between; }
.site-name { margin: 0; font-size: 1.25rem; }
.site-name a { color: #fff; font-weight: 700; text-decoration: none; }
.site-name span { display: block; font-size: 0.95rem; }
header.site a:focus-visible, header.site input:focus-visible, header.site button:focus-visible { outline: 3px solid #fff; outline-offset: 2px; }
header.site label { display: block; font-size: 0.9rem; }
header.site input { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #fff; border-radius: 3px; min-width: 14rem; }
header.site button { font: inherit; padding: 0.3rem 0.9rem; border: 2px solid #fff; border-radius: 3px; background: #fff; color: ${c}; font-weight: 600; cursor: pointer; }
main:focus { outline: none; }
a { color: ${c}; }
a:focus-visible { outline: 3px solid ${c}; outline-offset: 2px; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.25rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
h5 { font-size: 1rem; font-style: italic; font-weight: 600; margin: 0.75rem 0 0.25rem; }
.trail ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem; font-size: 0.95rem; }
.trail li + li::before { content: "›"; margin: 0 0.4rem 0 0.15rem; color: #4a4a4a; }
.list { padding-left: 1.25rem; }
.list li { margin: 0.5rem 0; }
.meta { color: #4a4a4a; font-size: 0.95rem; }
.meetings { list-style: none; padding: 0; }
.meetings > li { border-top: 1px solid #c8c8c8; padding: 0.75rem 0; }
.meetings h3 { margin: 0; }
.badge { display: inline-block; border: 1px solid #4a4a4a; border-radius: 3px; padding: 0 0.4rem; font-size: 0.85rem; color: #1a1a1a; }
.item { border-top: 1px solid #c8c8c8; margin-top: 1.5rem; }
.item:target { background: #fffbe6; }
.toc ol { padding-left: 1.25rem; }
.notice { border-left: 4px solid ${c}; background: #f3f3f3; padding: 0.5rem 1rem; }
.hit { margin: 1rem 0; }
.hit p { margin: 0.25rem 0; }
mark { background: #fff1a8; color: #1a1a1a; }
table { border-collapse: collapse; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.table-wrap { overflow-x: auto; }
footer.site { border-top: 1px solid #c8c8c8; color: #4a4a4a; font-size: 0.95rem; }
`;
}
