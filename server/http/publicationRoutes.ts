import { Router } from "express";
import type { Response } from "express";
import { z } from "zod";
import { formatHeaderDate, Id } from "../../shared/model";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { ExportFormat, PublicationService } from "../publishing/PublicationService";
import { EXPORT_CONTENT_TYPES } from "../publishing/PublicationService";
import { ApiError } from "./ApiError";
import type { RateLimiters } from "./rateLimits";
import { requireUser } from "./requireAuth";
import { sendHtml } from "./securityHeaders";

const ExportQuery = z.object({
  kind: z.enum(["dagsorden", "referat"]).default("dagsorden"),
  variant: z.enum(["public", "internal"]).default("internal"),
});
const Kind = z.enum(["dagsorden", "referat"]);
const PublishRequest = z.object({
  kind: Kind,
  /** The ids of the items not Godkendt that the person confirms publishing with. */
  confirmUnapprovedItems: z.array(Id).max(2000).default([]),
});
const AcceptRequest = z.object({ kind: Kind, key: z.string().regex(/^[0-9a-f]{32}$/) });
const RecordQuery = z.object({ kind: Kind.default("referat") });

/**
 * A rendered export, as it is: no ETag (Express would hash the whole file on the event loop for
 * one, and every rendering is new), and the length stated.
 */
function sendDownload(res: Response, bytes: Buffer): void {
  res.setHeader("Content-Length", bytes.byteLength);
  res.end(bytes);
}

/** Exports for members, the personal-data check and publishing for the secretariat. */
export function publicationRoutes(deps: {
  meetings: MeetingService;
  policy: AccessPolicy;
  publications: PublicationService;
  rateLimits: RateLimiters;
}): Router {
  const router = Router();
  const limits = deps.rateLimits;
  const { meetings, policy, publications } = deps;

  // Each limiter is its own registration before the handler, which keeps the handler's typed
  // path parameters.
  router.get("/meetings/:meetingId/export.:format", limits.exports);
  router.get("/meetings/:meetingId/export.:format", async (req, res) => {
    const { user } = requireUser(req);
    const format = req.params.format as ExportFormat;
    if (!(format in EXPORT_CONTENT_TYPES)) throw new ApiError(404, "not_found", "Ukendt format");
    const role = await policy.requireMeetingVisible(user, req.params.meetingId);
    const { kind, variant } = ExportQuery.parse(req.query);
    // Readers get what the public gets.
    const effective = role === "laeser" ? "public" : variant;
    const meeting = await meetings.meeting(req.params.meetingId);
    const bytes = await publications.render(meeting.id, kind, effective, format);
    const name = `${kind}-${formatHeaderDate(meeting.date)}${effective === "public" ? "-offentlig" : ""}.${format}`;
    if (format === "html") {
      sendHtml(res, Buffer.from(bytes).toString("utf8"));
      return;
    }
    res.type(EXPORT_CONTENT_TYPES[format]);
    res.attachment(name);
    sendDownload(res, bytes);
  });

  router.get("/items/:itemId/delreferat.pdf", limits.exports);
  router.get("/items/:itemId/delreferat.pdf", async (req, res) => {
    const { user } = requireUser(req);
    const { access, context } = await policy.itemAccess(user, req.params.itemId);
    if (access === "none") throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    const bytes = await publications.decisionExtract(context.meeting.id, req.params.itemId);
    res.type("application/pdf");
    res.attachment(
      `delreferat-${context.number ?? req.params.itemId}-${formatHeaderDate(context.meeting.date)}.pdf`,
    );
    sendDownload(res, bytes);
  });

  router.get("/meetings/:meetingId/record", async (req, res) => {
    const { user } = requireUser(req);
    await policy.requireMeetingVisible(user, req.params.meetingId);
    const { kind } = RecordQuery.parse(req.query);
    res.json(await publications.currentRecord(req.params.meetingId, kind));
  });

  router.get("/meetings/:meetingId/personal-data", limits.personalData);
  router.get("/meetings/:meetingId/personal-data", async (req, res) => {
    const { user } = requireUser(req);
    const meeting = await meetings.meeting(req.params.meetingId);
    await policy.requireRole(user, meeting.committeeId, "editAgenda");
    const { kind } = ExportQuery.parse(req.query);
    res.json(await publications.check(meeting.id, kind));
  });

  // Accepting a finding (or that an unreadable bilag has been looked at) is stored and audited
  // at once; publishing uses what is stored.
  router.post("/meetings/:meetingId/personal-data/acceptances", async (req, res) => {
    const { user } = requireUser(req);
    const meeting = await meetings.meeting(req.params.meetingId);
    await policy.requireRole(user, meeting.committeeId, "editAgenda");
    const { kind, key } = AcceptRequest.parse(req.body);
    res.status(201).json({ acceptance: await publications.accept(user, meeting.id, kind, key) });
  });

  router.delete("/meetings/:meetingId/personal-data/acceptances/:key", async (req, res) => {
    const { user } = requireUser(req);
    const meeting = await meetings.meeting(req.params.meetingId);
    await policy.requireRole(user, meeting.committeeId, "editAgenda");
    await publications.revoke(user, meeting.id, req.params.key);
    res.json({ ok: true });
  });

  router.get("/meetings/:meetingId/publications", async (req, res) => {
    const { user } = requireUser(req);
    await policy.requireMeetingVisible(user, req.params.meetingId);
    res.json({ publications: await publications.ofMeeting(req.params.meetingId) });
  });

  router.post("/meetings/:meetingId/publish", async (req, res) => {
    const { user } = requireUser(req);
    const meeting = await meetings.meeting(req.params.meetingId);
    await policy.requireRole(user, meeting.committeeId, "editAgenda");
    const { kind, confirmUnapprovedItems } = PublishRequest.parse(req.body);
    res.json({
      publication: await publications.publish(user, meeting.id, kind, confirmUnapprovedItems),
    });
  });

  return router;
}
