import type { ExportInput } from "../ExportInput";
import type { ExportItem, ExportModel, ExportSection } from "../ExportModel";
import { attachmentListText, EXPORT_LABELS, itemHeading, sectionHeading } from "../exportLabels";
import { prepareExport } from "../prepareExport";
import { attachmentAnchor, blocksToHtml, escapeHtml } from "./blocksToHtml";
import { htmlStyles } from "./htmlStyles";

/**
 * The meeting as one standalone, semantic HTML5 page: h1 the document, h2 a section, h3 an
 * item, h4 its field headings and h5 the sub-headings inside a field; a contents `nav` linking to
 * every section and item; `./.` markers linking to the item's list of bilag. Everything from the
 * document is escaped. No scripts, no external resources.
 */
export function renderMeetingHtml(input: ExportInput): string {
  return renderModelHtml(prepareExport(input));
}

export function renderModelHtml(model: ExportModel): string {
  const title = `${model.documentTitle} – ${model.committee} – ${model.dateText}`;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${htmlStyles(model.runningHeader, EXPORT_LABELS.page)}</style>
</head>
<body>
<main>
${frontPage(model)}
${contents(model)}
${model.sections.map(sectionHtml).join("\n")}
</main>
${recordFooter(model)}
</body>
</html>
`;
}

/** The record this document was made from: when approved, and its fingerprint. */
function recordFooter(model: ExportModel): string {
  if (model.record === null) return "";
  const lines = model.recordLines.map((line) => {
    const hash = model.record!.hash;
    return line.endsWith(hash)
      ? `<p>${escapeHtml(line.slice(0, -hash.length))}<code class="record-hash">${escapeHtml(hash)}</code></p>`
      : `<p>${escapeHtml(line)}</p>`;
  });
  return `<footer class="record-footer">
${lines.join("\n")}
</footer>`;
}

function frontPage(model: ExportModel): string {
  const rows: [string, string][] = [
    [EXPORT_LABELS.date, model.dateText],
    [EXPORT_LABELS.time, model.timeText],
  ];
  if (model.place.trim() !== "") rows.push([EXPORT_LABELS.place, model.place]);
  if (model.attendance) {
    if (model.attendance.present.length > 0)
      rows.push([EXPORT_LABELS.present, model.attendance.present.join(", ")]);
    if (model.attendance.absent.length > 0)
      rows.push([EXPORT_LABELS.absent, model.attendance.absent.join(", ")]);
  }
  return `<header class="front-page">
<p class="running-header">${escapeHtml(model.runningHeader)}</p>
<p class="committee">${escapeHtml(model.committee)}</p>
<h1>${escapeHtml(model.documentTitle)}</h1>
<p>${escapeHtml(model.meetingTitle)}</p>
<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>
</header>`;
}

function contents(model: ExportModel): string {
  const entries = model.sections.map((section) => {
    const items = section.items
      .map((item) => {
        const closed = item.closed
          ? ` <span class="closed-note">(${escapeHtml(EXPORT_LABELS.closed.toLowerCase())})</span>`
          : "";
        return `<li><a href="#${escapeHtml(itemAnchor(item))}">${escapeHtml(itemHeading(item))}</a>${closed}</li>`;
      })
      .join("");
    return `<li class="toc-section"><a href="#${escapeHtml(sectionAnchor(section))}">${escapeHtml(
      sectionHeading(section),
    )}</a>${items === "" ? "" : `<ol>${items}</ol>`}</li>`;
  });
  return `<nav aria-label="${escapeHtml(EXPORT_LABELS.contents)}">
<h2>${escapeHtml(EXPORT_LABELS.contents)}</h2>
<ol>${entries.join("\n")}</ol>
</nav>`;
}

function sectionHtml(section: ExportSection): string {
  const anchor = sectionAnchor(section);
  return `<section class="agenda-section" aria-labelledby="${escapeHtml(anchor)}">
<h2 id="${escapeHtml(anchor)}">${escapeHtml(sectionHeading(section))}</h2>
${section.items.map(itemHtml).join("\n")}
</section>`;
}

function itemHtml(item: ExportItem): string {
  const anchor = itemAnchor(item);
  const parts = [`<h3 id="${escapeHtml(anchor)}">${escapeHtml(itemHeading(item))}</h3>`];
  if (item.caseLine !== null) parts.push(`<p class="case-line">${escapeHtml(item.caseLine)}</p>`);
  if (item.closed) parts.push(`<p class="closed-marker">${escapeHtml(EXPORT_LABELS.closed)}</p>`);
  for (const field of item.fields) {
    parts.push(`<section class="field field-${field.name}">
<h4>${escapeHtml(field.label)}</h4>
${blocksToHtml(field.blocks, item.id, "h5")}
</section>`);
  }
  if (item.attachments.length > 0) {
    const entries = item.attachments
      .map(
        (attachment) =>
          `<li id="${escapeHtml(attachmentAnchor(item.id, attachment.id))}">${escapeHtml(
            attachmentListText(attachment),
          )}</li>`,
      )
      .join("");
    parts.push(`<section class="bilag">
<h4>${escapeHtml(EXPORT_LABELS.attachments)}</h4>
<ul class="bilag-list">${entries}</ul>
</section>`);
  }
  return `<article class="item${item.closed ? " item-closed" : ""}" aria-labelledby="${escapeHtml(anchor)}">
${parts.join("\n")}
</article>`;
}

function sectionAnchor(section: ExportSection): string {
  return `afsnit-${section.id}`;
}

function itemAnchor(item: ExportItem): string {
  return `punkt-${item.id}`;
}
