import { Router } from "express";
import { z } from "zod";
import {
  AgendaCommand,
  Id,
  MeetingDetails,
  MeetingTemplate,
  numberAgenda,
} from "../../shared/model";
import type { Meeting } from "../../shared/model";
import { formatDocName } from "../../shared/docName";
import type { MeetingService } from "../meetings/MeetingService";
import type { MeetingDocument } from "../meetings/readMeetingDocument";
import { readMeetingDocument } from "../meetings/readMeetingDocument";
import { withoutClosedAttachments } from "../meetings/withoutClosedAttachments";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { MeetingPhaseStep } from "../../shared/permissions";
import { MEETING_PHASE_STEPS } from "../../shared/permissions";
import type { MeetingPhases } from "../workflow/MeetingPhases";
import type { SyncServer } from "../sync/SyncServer";
import { ApiError } from "./ApiError";
import { requireUser } from "./requireAuth";

const CreateMeetingRequest = MeetingDetails.extend({
  fromTemplate: z.boolean().default(true),
});

/** The meeting as the API returns it: with its derived numbers and the name of its live document. */
export function meetingView(meeting: Meeting) {
  return {
    ...meeting,
    numbers: Object.fromEntries(numberAgenda(meeting.agenda)),
    doc: formatDocName("meeting", meeting.id),
  };
}

const PhaseStepRequest = z.object({
  step: z.enum(Object.keys(MEETING_PHASE_STEPS) as [MeetingPhaseStep, ...MeetingPhaseStep[]]),
  /** Why approved minutes are reopened (required for `reopenMinutes`). */
  reason: z.string().max(5000).nullable().optional(),
  /** `sendAgenda`: the ids of the items not Godkendt that the person confirms sending with. */
  confirmUnapprovedItems: z.array(Id).max(2000).optional(),
});

export function meetingRoutes(deps: {
  meetings: MeetingService;
  sync: SyncServer;
  policy: AccessPolicy;
  phases: MeetingPhases;
}): Router {
  const router = Router();
  const { meetings, policy, phases } = deps;

  router.post("/meetings/:meetingId/phase", async (req, res) => {
    const { user } = requireUser(req);
    const { step, reason, confirmUnapprovedItems } = PhaseStepRequest.parse(req.body);
    await policy.requireMeetingVisible(user, req.params.meetingId);
    const meeting = await phases.step(user, req.params.meetingId, step, {
      reason: reason ?? null,
      ...(confirmUnapprovedItems ? { confirmUnapprovedItems } : {}),
    });
    res.json({ meeting: meetingView(meeting) });
  });

  // The committees the person is a member of, with their role in each.
  router.get("/committees", async (req, res) => {
    const { user } = requireUser(req);
    const committees = [];
    for (const committee of await meetings.listCommittees()) {
      const role = await policy.roleIn(user.id, committee.id);
      if (role) committees.push({ ...committee, role });
    }
    res.json({ committees });
  });

  router.get("/committees/:committeeId/meetings", async (req, res) => {
    const { user } = requireUser(req);
    const role = await policy.roleIn(user.id, req.params.committeeId);
    if (!role) throw new ApiError(404, "committee_not_found", "Udvalget findes ikke");
    const list = (await meetings.listMeetings(req.params.committeeId)).filter(
      (m) => role !== "laeser" || m.phase !== "forberedelse",
    );
    res.json({
      meetings: list.map((m) => ({
        id: m.id,
        title: m.title,
        date: m.date,
        startTime: m.startTime,
        place: m.place,
        phase: m.phase,
        itemCount: m.agenda.sections.flatMap((s) =>
          s.deleted ? [] : s.items.filter((i) => !i.deleted),
        ).length,
      })),
    });
  });

  router.post("/committees/:committeeId/meetings", async (req, res) => {
    const { user } = requireUser(req);
    await policy.requireRole(user, req.params.committeeId, "createMeeting");
    const { fromTemplate, ...details } = CreateMeetingRequest.parse(req.body);
    const meeting = fromTemplate
      ? await meetings.createFromTemplate(req.params.committeeId, details, user.id)
      : await meetings.createMeeting(req.params.committeeId, details, [], user.id);
    res.status(201).json({ meeting: meetingView(meeting) });
  });

  router.get("/committees/:committeeId/template", async (req, res) => {
    const { user } = requireUser(req);
    await policy.requireRole(user, req.params.committeeId, "editTemplate");
    res.json({ template: await meetings.template(req.params.committeeId) });
  });

  router.put("/committees/:committeeId/template", async (req, res) => {
    const { user } = requireUser(req);
    await policy.requireRole(user, req.params.committeeId, "editTemplate");
    const template = MeetingTemplate.parse(req.body?.template);
    await meetings.setTemplate(req.params.committeeId, template, user.id);
    res.json({ template });
  });

  router.get("/meetings/:meetingId", async (req, res) => {
    const { user } = requireUser(req);
    const role = await policy.requireMeetingVisible(user, req.params.meetingId);
    const meeting = await meetings.meeting(req.params.meetingId);
    res.json({
      meeting: meetingView(role === "laeser" ? withoutClosedAttachments(meeting) : meeting),
    });
  });

  router.post("/meetings/:meetingId/commands", async (req, res) => {
    const { user } = requireUser(req);
    const target = await meetings.meeting(req.params.meetingId);
    await policy.requireRole(user, target.committeeId, "editAgenda");
    const parsed = AgendaCommand.safeParse(req.body);
    if (!parsed.success) {
      throw new ApiError(
        400,
        "invalid_command",
        firstIssue(parsed.error.issues),
        parsed.error.issues,
      );
    }
    const result = await meetings.runCommand(req.params.meetingId, parsed.data, user.id);
    res.json({ meeting: meetingView(result.meeting), createdId: result.createdId ?? null });
  });

  router.get("/meetings/:meetingId/document", async (req, res) => {
    const { user } = requireUser(req);
    const role = await policy.requireMeetingVisible(user, req.params.meetingId);
    const document: MeetingDocument = await readMeetingDocument(
      meetings,
      deps.sync,
      req.params.meetingId,
    );
    // Readers get what the public gets: no closed item's text, nor its bilag.
    if (role === "laeser") {
      for (const section of document.meeting.agenda.sections) {
        for (const item of section.items) if (item.closed) delete document.bodies[item.id];
      }
      document.meeting = withoutClosedAttachments(document.meeting);
    }
    res.json(document);
  });

  router.get("/meetings/:meetingId/audit", async (req, res) => {
    const { user } = requireUser(req);
    const meeting = await meetings.meeting(req.params.meetingId);
    await policy.requireRole(user, meeting.committeeId, "viewAudit");
    res.json({ entries: await meetings.auditFor(req.params.meetingId) });
  });

  return router;
}

/** The first problem, in Danish; where it is (the field path) is in `details`. */
function firstIssue(issues: { message: string; path: PropertyKey[] }[]): string {
  return issues[0]?.message ?? "Ugyldig kommando";
}
