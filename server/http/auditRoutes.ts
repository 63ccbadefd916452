import { Router } from "express";
import type { Request } from "express";
import { z } from "zod";
import { AUDIT_CATEGORIES } from "../../shared/audit";
import type { AuditCategory } from "../../shared/audit";
import { danishToday, IsoDate } from "../../shared/model";
import type { AuditFilter, AuditLog } from "../audit/AuditLog";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import { ApiError } from "./ApiError";
import { auditCsv } from "./auditCsv";
import { requireUser } from "./requireAuth";

const AuditQuery = z.object({
  category: z.enum(Object.keys(AUDIT_CATEGORIES) as [AuditCategory, ...AuditCategory[]]).optional(),
  userId: z.string().max(64).optional(),
  meetingId: z.string().max(64).optional(),
  itemId: z.string().max(64).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

function filterOf(req: Request): AuditFilter {
  const parsed = AuditQuery.safeParse(
    Object.fromEntries(Object.entries(req.query).filter(([, value]) => value !== "")),
  );
  if (!parsed.success) {
    throw new ApiError(
      400,
      "invalid_audit_filter",
      `Ugyldigt filter: ${parsed.error.issues[0]?.message ?? "ukendt"}`,
    );
  }
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([, value]) => value !== undefined),
  ) as AuditFilter;
}

/** The committee's audit log (revisionsspor) for the roles that may read it, and as CSV. */
export function auditRoutes(deps: {
  meetings: MeetingService;
  policy: AccessPolicy;
  audit: AuditLog;
}): Router {
  const router = Router();
  const { meetings, policy, audit } = deps;

  router.get("/committees/:committeeId/audit", async (req, res) => {
    const { user } = requireUser(req);
    await meetings.committee(req.params.committeeId);
    await policy.requireRole(user, req.params.committeeId, "viewAudit");
    res.json(await audit.forCommittee(req.params.committeeId, filterOf(req)));
  });

  router.get("/committees/:committeeId/audit.csv", async (req, res) => {
    const { user } = requireUser(req);
    await meetings.committee(req.params.committeeId);
    await policy.requireRole(user, req.params.committeeId, "viewAudit");
    const { rows } = await audit.forCommittee(req.params.committeeId, filterOf(req));
    res.type("text/csv; charset=utf-8");
    res.attachment(`revisionsspor-${danishToday()}.csv`);
    res.send(auditCsv(rows));
  });

  router.get("/meetings/:meetingId/audit.csv", async (req, res) => {
    const { user } = requireUser(req);
    const meeting = await meetings.meeting(req.params.meetingId);
    await policy.requireRole(user, meeting.committeeId, "viewAudit");
    const { rows } = await audit.forCommittee(meeting.committeeId, {
      ...filterOf(req),
      meetingId: meeting.id,
    });
    res.type("text/csv; charset=utf-8");
    res.attachment(`revisionsspor-${meeting.date}.csv`);
    res.send(auditCsv(rows));
  });

  return router;
}
