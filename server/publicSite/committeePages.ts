import { danishCount, formatDanishDate } from "../../shared/model";
import { escapeHtml } from "../exports/html/blocksToHtml";
import { danishDate } from "../http/publicationNotice";
import type { PublicationSummary } from "../store";
import type { PublicCommittee, PublicMeeting } from "./PublicSite";
import { PUBLIC_ROOT, publicPaths } from "./publicPaths";
import { renderPublicPage } from "./renderPublicPage";
import type { SiteSettings } from "./SiteSettings";

/** The front page: every committee, with how many meetings and current documents it has. */
export function renderFrontPage(
  settings: SiteSettings,
  committees: { committee: PublicCommittee; meetings: PublicMeeting[] }[],
): string {
  const rows = committees.map(({ committee, meetings }) => {
    const documents =
      meetings.filter((m) => m.dagsorden).length + meetings.filter((m) => m.referat).length;
    return `<li><a href="${publicPaths.committee(committee.slug)}">${escapeHtml(committee.name)}</a> <span class="meta">(${danishCount(meetings.length, "moede")}, ${danishCount(documents, "dokument")})</span></li>`;
  });
  const body = rows.length
    ? `<p>Udvalgenes møder med dagsordener og referater, når de er offentliggjort.</p><ul class="list">${rows.join("")}</ul>`
    : "<p>Der er ingen udvalg endnu.</p>";
  return renderPublicPage(settings, {
    title: "Offentliggjorte dagsordener og referater",
    body,
    alternates: [
      { type: "application/atom+xml", href: publicPaths.feed(), title: "Nye dokumenter (Atom)" },
    ],
  });
}

/** A committee's meetings by date, coming and past, each with its published documents. */
export function renderCommitteePage(
  settings: SiteSettings,
  committee: PublicCommittee,
  meetings: PublicMeeting[],
): string {
  // Coming meetings soonest first; past ones newest first.
  const coming = meetings
    .filter((m) => m.coming)
    .sort(
      (a, b) =>
        a.meeting.date.localeCompare(b.meeting.date) ||
        a.meeting.startTime.localeCompare(b.meeting.startTime),
    );
  const past = meetings.filter((m) => !m.coming);
  const list = (items: PublicMeeting[], none: string) =>
    items.length
      ? `<ul class="meetings">${items.map((m) => meetingRow(committee, m)).join("")}</ul>`
      : `<p>${none}</p>`;
  const body = `<p class="meta">${danishCount(meetings.length, "moede")} · <a href="${publicPaths.calendar(committee.slug)}">Mødekalender (iCalendar)</a> · <a href="${publicPaths.committeeFeed(committee.slug)}">Nye dokumenter (Atom)</a></p>
<h2>Kommende møder</h2>
${list(coming, "Der er ingen kommende møder.")}
<h2>Afholdte møder</h2>
${list(past, "Der er ingen afholdte møder.")}`;
  return renderPublicPage(settings, {
    title: `${committee.name}: dagsordener og referater`,
    body,
    trail: [{ label: "Alle udvalg", href: PUBLIC_ROOT }],
    alternates: committeeAlternates(committee),
  });
}

export function committeeAlternates(committee: PublicCommittee) {
  return [
    {
      type: "text/calendar" as const,
      href: publicPaths.calendar(committee.slug),
      title: `${committee.name}: mødekalender`,
    },
    {
      type: "application/atom+xml" as const,
      href: publicPaths.committeeFeed(committee.slug),
      title: `${committee.name}: nye dokumenter`,
    },
  ];
}

function meetingRow(committee: PublicCommittee, m: PublicMeeting): string {
  const { meeting } = m;
  const date = formatDanishDate(meeting.date);
  const time = meeting.endTime ? `${meeting.startTime}–${meeting.endTime}` : meeting.startTime;
  const documents = (["dagsorden", "referat"] as const).map((kind) =>
    documentLine(kind, date, kind === "dagsorden" ? m.dagsorden : m.referat, m.publications),
  );
  return `<li>
<h3><a href="${publicPaths.meeting(committee.slug, m.slug)}">${escapeHtml(date)} – ${escapeHtml(meeting.title)}</a></h3>
<p class="meta">Kl. ${escapeHtml(time)}${meeting.place ? ` · ${escapeHtml(meeting.place)}` : ""}</p>
<ul class="list">${documents.join("")}</ul>
</li>`;
}

const KIND_LABEL = { dagsorden: "Dagsorden", referat: "Referat" } as const;
const NOT_YET = {
  dagsorden: "Dagsordenen er ikke offentliggjort endnu.",
  referat: "Referatet er ikke offentliggjort endnu.",
} as const;

/** One document of a meeting: its current publication with its formats and earlier versions. */
function documentLine(
  kind: PublicationSummary["kind"],
  date: string,
  current: PublicationSummary | null,
  all: PublicationSummary[],
): string {
  if (!current) return `<li class="meta">${NOT_YET[kind]}</li>`;
  const label = `${KIND_LABEL[kind]} – møde ${date}`;
  const base = publicPaths.document(current.id);
  const earlier = all.filter((p) => p.kind === kind && p.replacedBy !== null);
  const earlierLinks = earlier.length
    ? ` · Tidligere udgaver: ${earlier
        .map(
          (e) =>
            `<a href="${publicPaths.document(e.id)}">offentliggjort ${escapeHtml(danishDate(e.publishedAt))}</a>`,
        )
        .join(", ")}`
    : "";
  const reopened = current.reopenedAt !== null ? " · <strong>Genåbnet</strong>" : "";
  return `<li><a href="${base}" aria-label="${escapeHtml(label)}">${KIND_LABEL[kind]}</a>
<span class="meta">offentliggjort ${escapeHtml(danishDate(current.publishedAt))}${reopened} ·
<a href="${base}.pdf" aria-label="${escapeHtml(label)} som PDF">PDF</a> ·
<a href="${base}.docx" aria-label="${escapeHtml(label)} som Word-dokument">Word</a>${earlierLinks}</span></li>`;
}
