import type { Request, RequestHandler, Response } from "express";
import { Router } from "express";
import type { MeetingService } from "../meetings/MeetingService";
import { renderCommitteePage, renderFrontPage } from "../publicSite/committeePages";
import { renderMeetingPage } from "../publicSite/meetingPage";
import type { PublicCommittee, PublicMeeting } from "../publicSite/PublicSite";
import { PublicSite, SEARCH_MAX_LENGTH } from "../publicSite/PublicSite";
import { publicPaths } from "../publicSite/publicPaths";
import { renderPublicPage } from "../publicSite/renderPublicPage";
import { renderSearchPage } from "../publicSite/searchPage";
import type { SiteSettings } from "../publicSite/SiteSettings";
import { DEFAULT_SITE_SETTINGS } from "../publicSite/SiteSettings";
import type { PublicationService } from "../publishing/PublicationService";
import type { Store } from "../store";
import { ApiError } from "./ApiError";
import { publicationNotice, withNotice } from "./publicationNotice";
import { sendHtml } from "./securityHeaders";

/** The feed and calendar writers (feed, ical-generator), loaded when first asked for. */
const feeds = () => import("../publicSite/feeds");

/**
 * The public site, readable without login and without JavaScript (see `server/publicSite`):
 * committees, each committee's meetings by date, each meeting's items with their public text
 * and bilag, search, a meeting calendar and an Atom feed per committee. Texts and bilag come
 * from publications only. The published documents are served exactly as they were generated
 * at publishing (HTML, PDF, DOCX), never made again from live data; the HTML page adds a notice
 * when the minutes were reopened or the document is replaced; `….html` is the stored file as
 * is. `…/kontrol` compares a document's record hash with the meeting's record now.
 */
export function publicPages(deps: {
  store: Store;
  meetings: MeetingService;
  publications: PublicationService;
  site?: SiteSettings;
  headers?: { publicUrl: string | null };
  /** Per-address limit on searches (see `rateLimits.ts`). */
  searchLimit?: RequestHandler;
}): Router {
  const router = Router();
  const site = new PublicSite(deps.store);
  const settings = deps.site ?? DEFAULT_SITE_SETTINGS;
  const origin = (req: Request) =>
    deps.headers?.publicUrl
      ? new URL(deps.headers.publicUrl).origin
      : `${req.protocol}://${req.get("host")}`;

  router.get("/offentlig", async (_req, res) => {
    const committees = await site.committees();
    const rows = [];
    for (const committee of committees) {
      rows.push({ committee, meetings: await site.meetings(committee) });
    }
    sendHtml(res, renderFrontPage(settings, rows));
  });

  router.get("/offentlig/publikationer.atom", async (req, res) => {
    const entries = [];
    for (const committee of await site.committees()) {
      entries.push(...currentPublications(committee, await site.meetings(committee)));
    }
    res
      .type("application/atom+xml")
      .send(
        (await feeds()).publicationsFeed(
          settings,
          origin(req),
          `${settings.name}: dagsordener og referater`,
          publicPaths.feed(),
          entries,
        ),
      );
  });

  const searchLimit: RequestHandler = deps.searchLimit ?? ((_req, _res, next) => next());
  router.get("/offentlig/soeg", searchLimit, async (req, res) => {
    const raw = req.query.q;
    if (raw !== undefined && typeof raw !== "string") {
      throw new ApiError(400, "search_query_invalid", "Søg efter én tekst ad gangen");
    }
    const query = (raw ?? "").slice(0, SEARCH_MAX_LENGTH).trim();
    sendHtml(
      res,
      renderSearchPage(settings, query, query === "" ? null : await site.search(query)),
    );
  });

  // Whether a published document still matches its meeting's record: the hash it states
  // against the hash of the record now (recomputed on every request).
  router.get("/offentlig/dokumenter/:id/kontrol", async (req, res) => {
    const publication = await deps.store.publications.getPublication(req.params.id);
    if (!publication) throw new ApiError(404, "publication_not_found", "Dokumentet findes ikke");
    const current = await deps.publications.currentRecord(publication.meetingId, publication.kind);
    const stated = publication.recordHash === "" ? null : publication.recordHash;
    res.json({
      publicationId: publication.id,
      kind: publication.kind,
      title: publication.title,
      publishedAt: publication.publishedAt,
      recordHash: stated,
      currentRecordHash: current.recordHash,
      unchanged: stated === null ? null : stated === current.recordHash,
      replacedBy: publication.replacedBy,
      reopenedAt: publication.reopenedAt,
    });
  });

  router.get("/offentlig/dokumenter/:file", async (req, res) => {
    const match = /^([A-Za-z0-9_-]{1,64})(?:\.(pdf|docx|html))?$/.exec(req.params.file);
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
    } else if (match[2] === "html") {
      sendHtml(res, publication.html);
    } else {
      const replacement = publication.replacedBy
        ? await deps.store.publications.getPublication(publication.replacedBy)
        : null;
      sendHtml(res, withNotice(publication.html, publicationNotice(publication, replacement)));
    }
  });

  /** The committee of the address (by slug, or by id redirected to its slug), or a 404 page. */
  async function committeeOf(req: Request, res: Response): Promise<PublicCommittee | null> {
    const key = String(req.params.committee);
    const committee = await site.committee(key);
    if (!committee) {
      notFound(res, settings);
      return null;
    }
    if (committee.slug !== key) {
      const rest = req.originalUrl.slice(`/offentlig/${encodeURIComponent(key)}`.length);
      res.redirect(308, publicPaths.committee(committee.slug) + rest);
      return null;
    }
    return committee;
  }

  router.get("/offentlig/:committee", async (req, res) => {
    const committee = await committeeOf(req, res);
    if (!committee) return;
    sendHtml(res, renderCommitteePage(settings, committee, await site.meetings(committee)));
  });

  router.get("/offentlig/:committee/moeder.ics", async (req, res) => {
    const committee = await committeeOf(req, res);
    if (!committee) return;
    res
      .type("text/calendar; charset=utf-8")
      .send(
        (await feeds()).meetingCalendar(
          settings,
          origin(req),
          committee,
          await site.meetings(committee),
        ),
      );
  });

  router.get("/offentlig/:committee/publikationer.atom", async (req, res) => {
    const committee = await committeeOf(req, res);
    if (!committee) return;
    const entries = currentPublications(committee, await site.meetings(committee));
    res
      .type("application/atom+xml")
      .send(
        (await feeds()).publicationsFeed(
          settings,
          origin(req),
          `${committee.name}: dagsordener og referater`,
          publicPaths.committeeFeed(committee.slug),
          entries,
        ),
      );
  });

  router.get("/offentlig/:committee/:meeting", async (req, res) => {
    const committee = await committeeOf(req, res);
    if (!committee) return;
    const m = await site.meeting(committee, req.params.meeting);
    if (!m) return notFound(res, settings);
    const publication = m.referat ?? m.dagsorden;
    const document = publication ? await site.document(publication.id) : null;
    sendHtml(
      res,
      renderMeetingPage(
        settings,
        committee,
        m,
        publication && document ? { publication, document } : null,
      ),
    );
  });

  // A bilag of a public item in a current publication of the meeting, the bytes that were
  // published. Anything else — a closed item's bilag, one kept out of the public version, an
  // unknown id — is the same 404, which names nothing.
  router.get("/offentlig/:committee/:meeting/bilag/:attachment", async (req, res) => {
    const committee = await committeeOf(req, res);
    if (!committee) return;
    const m = await site.meeting(committee, req.params.meeting);
    const id = req.params.attachment;
    for (const publication of m ? [m.referat, m.dagsorden] : []) {
      if (!publication) continue;
      const document = await site.document(publication.id);
      const sha256 = document?.files[id];
      const listed = document?.model.sections
        .flatMap((section) => section.items)
        .filter((item) => !item.withheld)
        .flatMap((item) => item.attachments)
        .find((attachment) => attachment.id === id);
      if (!sha256 || !listed) continue;
      const bytes = await deps.store.blobs.getBlob(sha256);
      if (!bytes) continue;
      res.attachment(listed.filename);
      res.type(listed.contentType ?? "application/octet-stream");
      res.set("ETag", `"${sha256}"`);
      res.set("Cache-Control", "public, max-age=300");
      res.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return;
    }
    notFound(res, settings);
  });

  return router;
}

function currentPublications(committee: PublicCommittee, meetings: PublicMeeting[]) {
  return meetings.flatMap((meeting) =>
    [meeting.dagsorden, meeting.referat]
      .filter((p) => p !== null)
      .map((publication) => ({ committee, meeting, publication })),
  );
}

function notFound(res: Response, settings: SiteSettings): void {
  res.status(404);
  sendHtml(
    res,
    renderPublicPage(settings, {
      title: "Siden findes ikke",
      body: `<p>Adressen findes ikke, eller det, den pegede på, er ikke offentligt. <a href="/offentlig">Se alle udvalg</a>.</p>`,
    }),
  );
}
