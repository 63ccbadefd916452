import { Router } from "express";
import { z } from "zod";
import { formatHeaderDate } from "../../shared/model";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { ExportFormat, PublicationService } from "../publishing/PublicationService";
import { EXPORT_CONTENT_TYPES } from "../publishing/PublicationService";
import { ApiError } from "./ApiError";
import { requireUser } from "./requireAuth";

const ExportQuery = z.object({
  kind: z.enum(["dagsorden", "referat"]).default("dagsorden"),
  variant: z.enum(["public", "internal"]).default("internal"),
});
const PublishRequest = z.object({
  kind: z.enum(["dagsorden", "referat"]),
  accepted: z.array(z.string().max(64)).max(1000).default([]),
});

/** Exports for members, the personal-data check and publishing for the secretariat. */
export function publicationRoutes(deps: {
  meetings: MeetingService;
  policy: AccessPolicy;
  publications: PublicationService;
}): Router {
  const router = Router();
  const { meetings, policy, publications } = deps;

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
    res.type(EXPORT_CONTENT_TYPES[format]);
    if (format !== "html") res.attachment(name);
    res.send(bytes);
  });

  router.get("/items/:itemId/delreferat.pdf", async (req, res) => {
    const { user } = requireUser(req);
    const { access, context } = await policy.itemAccess(user, req.params.itemId);
    if (access === "none") throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    const bytes = await publications.decisionExtract(context.meeting.id, req.params.itemId);
    res.type("application/pdf");
    res.attachment(
      `delreferat-${context.number ?? req.params.itemId}-${formatHeaderDate(context.meeting.date)}.pdf`,
    );
    res.send(bytes);
  });

  router.get("/meetings/:meetingId/personal-data", async (req, res) => {
    const { user } = requireUser(req);
    const meeting = await meetings.meeting(req.params.meetingId);
    await policy.requireRole(user, meeting.committeeId, "editAgenda");
    const { kind } = ExportQuery.parse(req.query);
    res.json(await publications.check(meeting.id, kind));
  });

  router.get("/meetings/:meetingId/publications", async (req, res) => {
    const { user } = requireUser(req);
    await policy.requireMeetingVisible(user, req.params.meetingId);
    const meeting = await meetings.meeting(req.params.meetingId);
    res.json({ publications: await publications.ofMeeting(meeting) });
  });

  router.post("/meetings/:meetingId/publish", async (req, res) => {
    const { user } = requireUser(req);
    const meeting = await meetings.meeting(req.params.meetingId);
    await policy.requireRole(user, meeting.committeeId, "editAgenda");
    const { kind, accepted } = PublishRequest.parse(req.body);
    res.json({ publication: await publications.publish(user, meeting.id, kind, accepted) });
  });

  return router;
}
