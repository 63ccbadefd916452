import { Router } from "express";
import { formatDanishDate } from "../../shared/model";
import type { MeetingService } from "../meetings/MeetingService";
import type { Store } from "../store";
import { ApiError } from "./ApiError";

/**
 * The public site, readable without login and without JavaScript: committees, their published
 * agendas and minutes, and the documents themselves (the accessible HTML export, plus PDF and
 * DOCX to download). Server-rendered, semantic, Danish.
 */
export function publicPages(deps: { store: Store; meetings: MeetingService }): Router {
  const router = Router();

  router.get("/offentlig", async (_req, res) => {
    const committees = await deps.meetings.listCommittees();
    const rows = [];
    for (const c of committees) {
      const count = (await deps.store.publications.listPublications(c.id)).length;
      rows.push(
        `<li><a href="/offentlig/${encodeURIComponent(c.id)}">${escape(c.name)}</a> <span class="meta">(${count} dokumenter)</span></li>`,
      );
    }
    res
      .type("html")
      .send(
        page("Offentliggjorte dagsordener og referater", `<ul class="list">${rows.join("")}</ul>`),
      );
  });

  router.get("/offentlig/:committeeId", async (req, res) => {
    const committee = await deps.store.meetings.getCommittee(req.params.committeeId);
    if (!committee) throw new ApiError(404, "committee_not_found", "Udvalget findes ikke");
    const publications = await deps.store.publications.listPublications(committee.id);
    const rows = publications.map((p) => {
      const base = `/offentlig/dokumenter/${encodeURIComponent(p.id)}`;
      const label = `${p.kind === "dagsorden" ? "Dagsorden" : "Referat"} – møde ${formatDanishDate(p.meetingDate)}`;
      return `<li><a href="${base}">${escape(label)}</a>
        <span class="meta">Offentliggjort ${escape(new Date(p.publishedAt).toLocaleDateString("da-DK"))} ·
        <a href="${base}.pdf" aria-label="${escape(label)} som PDF">PDF</a> ·
        <a href="${base}.docx" aria-label="${escape(label)} som Word-dokument">Word</a></span></li>`;
    });
    const body = rows.length
      ? `<ul class="list">${rows.join("")}</ul>`
      : "<p>Der er endnu ikke offentliggjort noget.</p>";
    res
      .type("html")
      .send(
        page(
          `${committee.name}: dagsordener og referater`,
          `<p><a href="/offentlig">Alle udvalg</a></p>${body}`,
        ),
      );
  });

  router.get("/offentlig/dokumenter/:file", async (req, res) => {
    const match = /^([A-Za-z0-9_-]{1,64})(?:\.(pdf|docx))?$/.exec(req.params.file);
    const publication = match ? await deps.store.publications.getPublication(match[1]!) : null;
    if (!match || !publication)
      throw new ApiError(404, "publication_not_found", "Dokumentet findes ikke");
    const name = `${publication.kind}-${publication.meetingDate}`;
    if (match[2] === "pdf") {
      res.type("application/pdf").attachment(`${name}.pdf`).send(Buffer.from(publication.pdf));
    } else if (match[2] === "docx") {
      res
        .type("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        .attachment(`${name}.docx`)
        .send(Buffer.from(publication.docx));
    } else {
      res.type("html").send(publication.html);
    }
  });

  return router;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
  header, main { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem; }
  header { border-bottom: 1px solid #c8c8c8; }
  a { color: #0b4f8a; }
  a:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
  .list { padding-left: 1.25rem; }
  .list li { margin: 0.5rem 0; }
  .meta { color: #4a4a4a; font-size: 0.95rem; }
</style>
</head>
<body>
<header><p><strong>Dagsorden</strong> – offentlige dokumenter</p></header>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>`;
}
