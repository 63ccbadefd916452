import { danishCount, formatDanishDate } from "../../shared/model";
import type { ExportAttachment, ExportItem } from "../exports/ExportModel";
import { attachmentAnchor, blocksToHtml, escapeHtml } from "../exports/html/blocksToHtml";
import { danishDate } from "../http/publicationNotice";
import type { PublicationSummary } from "../store";
import { committeeAlternates } from "./committeePages";
import type { PublicDocument } from "./PublicDocument";
import type { PublicCommittee, PublicMeeting } from "./PublicSite";
import { itemAnchor, PUBLIC_ROOT, publicPaths } from "./publicPaths";
import { renderPublicPage } from "./renderPublicPage";
import type { SiteSettings } from "./SiteSettings";

/**
 * A meeting: its details, its published documents and — from the minutes when they are
 * published, else from the agenda — every item as an anchor (`#punkt-2-3`): a public item with
 * its text and downloadable bilag, a closed item by number and title only.
 */
export function renderMeetingPage(
  settings: SiteSettings,
  committee: PublicCommittee,
  m: PublicMeeting,
  shown: { publication: PublicationSummary; document: PublicDocument } | null,
): string {
  const { meeting } = m;
  const date = formatDanishDate(meeting.date);
  const time = meeting.endTime ? `${meeting.startTime}–${meeting.endTime}` : meeting.startTime;
  const parts = [
    `<p>${escapeHtml(committee.name)} · ${escapeHtml(date)} · kl. ${escapeHtml(time)}${meeting.place ? ` · ${escapeHtml(meeting.place)}` : ""}</p>`,
    documents(m),
  ];
  if (shown) {
    parts.push(items(committee, m, shown.publication, shown.document));
  } else if (m.dagsorden || m.referat) {
    parts.push(
      "<p>Punkterne kan læses i dokumentet ovenfor; det blev offentliggjort, før siden viste dem enkeltvis.</p>",
    );
  } else {
    parts.push("<p>Dagsordenen er ikke offentliggjort endnu.</p>");
  }
  return renderPublicPage(settings, {
    title: `${meeting.title}, ${date}`,
    body: parts.join("\n"),
    trail: [
      { label: "Alle udvalg", href: PUBLIC_ROOT },
      { label: committee.name, href: publicPaths.committee(committee.slug) },
    ],
    alternates: committeeAlternates(committee),
  });
}

function documents(m: PublicMeeting): string {
  const rows = (["dagsorden", "referat"] as const)
    .map((kind) => {
      const p = kind === "dagsorden" ? m.dagsorden : m.referat;
      if (!p) return "";
      const name = kind === "dagsorden" ? "Dagsorden" : "Referat";
      const base = publicPaths.document(p.id);
      const reopened =
        p.reopenedAt !== null
          ? ` · <strong>Genåbnet ${escapeHtml(danishDate(p.reopenedAt))}</strong>`
          : "";
      return `<li><a href="${base}">${name}</a> <span class="meta">offentliggjort ${escapeHtml(danishDate(p.publishedAt))}${reopened} · <a href="${base}.pdf" aria-label="${name} som PDF">PDF</a> · <a href="${base}.docx" aria-label="${name} som Word-dokument">Word</a></span></li>`;
    })
    .filter(Boolean);
  return rows.length ? `<h2>Dokumenter</h2><ul class="list">${rows.join("")}</ul>` : "";
}

function items(
  committee: PublicCommittee,
  m: PublicMeeting,
  publication: PublicationSummary,
  document: PublicDocument,
): string {
  const { model } = document;
  const all = model.sections.flatMap((section) => section.items);
  const source =
    publication.kind === "referat"
      ? `Teksten er fra referatet, offentliggjort ${escapeHtml(danishDate(publication.publishedAt))}.`
      : `Teksten er fra dagsordenen, offentliggjort ${escapeHtml(danishDate(publication.publishedAt))}.`;
  const reopened =
    publication.reopenedAt !== null
      ? `<p class="notice"><strong>Referatet er genåbnet ${escapeHtml(danishDate(publication.reopenedAt))}: ${escapeHtml(publication.reopenReason ?? "")}</strong> Teksten herunder er referatet, som det blev godkendt før genåbningen.</p>`
      : "";
  const toc = `<nav class="toc" aria-labelledby="punkter-overskrift"><h2 id="punkter-overskrift">Punkter (${danishCount(all.length, "punkt")})</h2><ol>${all
    .map(
      (item) =>
        `<li><a href="#${itemAnchor(item.number)}">${escapeHtml(item.number)}. ${escapeHtml(item.title)}</a>${item.withheld ? ' <span class="meta">(lukket punkt)</span>' : ""}</li>`,
    )
    .join("")}</ol></nav>`;
  const sections = model.sections
    .map(
      (section) =>
        `<h2>${escapeHtml(section.number)}. ${escapeHtml(section.title)}</h2>\n${section.items
          .map((item) => itemHtml(committee, m, item, document))
          .join("\n")}`,
    )
    .join("\n");
  // The minutes' front page says who attended; so does the meeting page.
  const attendance = model.attendance
    ? `<h2>Deltagere</h2><p>${escapeHtml(model.attendance.present.join(", ") || "–")}</p>${
        model.attendance.absent.length
          ? `<p><strong>Afbud:</strong> ${escapeHtml(model.attendance.absent.join(", "))}</p>`
          : ""
      }`
    : "";
  return `<p class="meta">${source}</p>${reopened}\n${attendance}\n${toc}\n${sections}`;
}

function itemHtml(
  committee: PublicCommittee,
  m: PublicMeeting,
  item: ExportItem,
  document: PublicDocument,
): string {
  const anchor = itemAnchor(item.number);
  const heading = `<h3 id="${anchor}-titel">${escapeHtml(item.number)}. ${escapeHtml(item.title)}</h3>`;
  if (item.withheld) {
    return `<section class="item" id="${anchor}" aria-labelledby="${anchor}-titel">${heading}<p><span class="badge">Lukket punkt</span></p></section>`;
  }
  const caseLine = item.caseLine ? `<p class="meta">${escapeHtml(item.caseLine)}</p>` : "";
  const fields = item.fields
    .map(
      (field) =>
        `<h4>${escapeHtml(field.label)}</h4>\n${blocksToHtml(field.blocks, item.id, "h5")}`,
    )
    .join("\n");
  const bilag = item.attachments.filter((a) => document.files[a.id] !== undefined);
  const bilagList = bilag.length
    ? `<h4>Bilag</h4><ul class="list">${bilag
        .map(
          (a) =>
            `<li id="${escapeHtml(attachmentAnchor(item.id, a.id))}"><a href="${publicPaths.bilag(committee.slug, m.slug, a.id)}" download>${escapeHtml(a.filename)}</a> <span class="meta">(${fileDescription(a)})</span></li>`,
        )
        .join("")}</ul>`
    : "";
  return `<section class="item" id="${anchor}" aria-labelledby="${anchor}-titel">${heading}${caseLine}\n${fields}\n${bilagList}</section>`;
}

const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
  "application/msword": "Word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
  "application/vnd.ms-excel": "Excel",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
  "text/plain": "tekst",
  "image/png": "PNG-billede",
  "image/jpeg": "JPEG-billede",
};

/** "PDF, 1,2 MB" */
function fileDescription(a: ExportAttachment): string {
  const type = a.contentType ? (TYPE_NAMES[a.contentType] ?? "fil") : "fil";
  return a.size === null ? type : `${type}, ${fileSize(a.size)}`;
}

export function fileSize(bytes: number): string {
  const number = (n: number) => n.toLocaleString("da-DK", { maximumFractionDigits: 1 });
  if (bytes < 1000) return `${bytes} byte`;
  if (bytes < 1_000_000) return `${number(Math.round(bytes / 100) / 10)} kB`;
  return `${number(Math.round(bytes / 100_000) / 10)} MB`;
}
