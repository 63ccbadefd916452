import express, { Router } from "express";
import { z } from "zod";
import type { ItemTransition } from "../../shared/permissions";
import { isRecordFrozen, ITEM_TRANSITIONS } from "../../shared/permissions";
import { recordFrozenError } from "../record/recordFrozen";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { User } from "../store";
import type { VersionService } from "../versions/VersionService";
import type { ItemHandoff } from "../workflow/ItemHandoff";
import type { ItemWorkflow } from "../workflow/ItemWorkflow";
import { formatDocName } from "../../shared/docName";
import { HandoffRequest, itemDeadline, numberAgenda } from "../../shared/model";
import type { AttachmentService } from "../attachments/AttachmentService";
import { ATTACHMENT_MAX_BYTES } from "../attachments/attachmentTypes";
import { toRef } from "../attachments/AttachmentService";
import type { MeetingService } from "../meetings/MeetingService";
import { ApiError } from "./ApiError";
import { requireUser } from "./requireAuth";

const TransitionRequest = z.object({
  transition: z.enum(Object.keys(ITEM_TRANSITIONS) as [ItemTransition, ...ItemTransition[]]),
  reason: z.string().max(5000).nullable().optional(),
});

const NamedVersionRequest = z.object({ name: z.string().trim().min(1).max(200) });
const PublicRequest = z.object({ public: z.boolean() });

export function itemRoutes(deps: {
  meetings: MeetingService;
  attachments: AttachmentService;
  policy: AccessPolicy;
  workflow: ItemWorkflow;
  handoff: ItemHandoff;
  versions: VersionService;
}): Router {
  const router = Router();
  const { meetings, attachments, policy, workflow, handoff, versions } = deps;

  /** The item if the person may see it at all; 404 otherwise (not even its existence leaks). */
  async function visibleItem(user: User, itemId: string) {
    return policy.requireItemReadable(user, itemId);
  }

  /**
   * The item if the person may change its bilag now: 409 `record_frozen` once the minutes are
   * approved (said before the role's refusal, since nobody may then), else 403 without write.
   */
  async function writableItem(user: User, itemId: string, refusal: string) {
    const result = await visibleItem(user, itemId);
    if (isRecordFrozen(result.context.meeting.phase)) throw recordFrozenError();
    if (result.access !== "write") throw new ApiError(403, "forbidden", refusal);
    return result;
  }

  // Every live item of every meeting, newest meeting first (the start page's list).
  router.get("/items", async (req, res) => {
    const { user } = requireUser(req);
    const items = [];
    for (const committee of await meetings.listCommittees()) {
      const role = await policy.roleIn(user.id, committee.id);
      if (!role) continue;
      for (const meeting of await meetings.listMeetings(committee.id)) {
        if (role === "laeser" && meeting.phase === "forberedelse") continue;
        const numbers = numberAgenda(meeting.agenda);
        for (const section of meeting.agenda.sections) {
          if (section.deleted) continue;
          for (const item of section.items) {
            if (item.deleted || (role === "laeser" && item.closed)) continue;
            items.push({
              ...item,
              number: numbers.get(item.id) ?? null,
              meetingId: meeting.id,
              meetingTitle: meeting.title,
              meetingDate: meeting.date,
              doc: formatDocName("item", item.id),
            });
          }
        }
      }
    }
    res.json({ items });
  });

  router.get("/items/:itemId", async (req, res) => {
    const { user } = requireUser(req);
    const { context, access, role, isOfficer } = await visibleItem(user, req.params.itemId);
    res.json({
      item: {
        ...context.item,
        access,
        role,
        isOfficer,
        // The deadline that holds for the item: its own, else the meeting's.
        deadline: itemDeadline(context.item, context.meeting.deadline),
        meetingPhase: context.meeting.phase,
        number: context.number,
        sectionId: context.sectionId,
        meetingId: context.meeting.id,
        meetingTitle: context.meeting.title,
        meetingDate: context.meeting.date,
        doc: formatDocName("item", context.item.id),
      },
    });
  });

  // The item's bilag in their order, with the names known without a file (imported).
  router.get("/items/:itemId/attachments", async (req, res) => {
    const { user } = requireUser(req);
    const { context } = await visibleItem(user, req.params.itemId);
    res.json({ attachments: context.item.attachments });
  });

  // The file is the raw request body; its name comes in the query string (?filename=…).
  router.post(
    "/items/:itemId/attachments",
    // Twice the limit, so an oversized bilag gets the service's own clear refusal.
    express.raw({ type: () => true, limit: ATTACHMENT_MAX_BYTES * 2 }),
    async (req, res) => {
      const { user } = requireUser(req);
      await writableItem(user, req.params.itemId, "Du kan ikke tilføje bilag til dette punkt");
      const filename = typeof req.query.filename === "string" ? req.query.filename : "";
      const entry = typeof req.query.entry === "string" ? req.query.entry : null;
      if (!Buffer.isBuffer(req.body)) throw new ApiError(400, "attachment_empty", "Filen er tom");
      const row = await attachments.upload(req.params.itemId, filename, req.body, user.id, entry);
      res.status(201).json({ attachment: toRef(row) });
    },
  );

  router.get("/attachments/:attachmentId", async (req, res) => {
    const { user } = requireUser(req);
    const { row } = await attachments.get(req.params.attachmentId);
    await visibleItem(user, row.itemId);
    const { bytes } = await attachments.read(row.id);
    res.attachment(row.filename);
    res.type(row.contentType);
    res.set("X-Content-Type-Options", "nosniff");
    // Content-addressed: the bytes behind an attachment id never change.
    res.set("ETag", `"${row.sha256}"`);
    res.set("Cache-Control", "private, no-cache");
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.send(bytes);
  });

  router.delete("/attachments/:attachmentId", async (req, res) => {
    const { user } = requireUser(req);
    const { row } = await attachments.get(req.params.attachmentId);
    await writableItem(user, row.itemId, "Du kan ikke fjerne bilag fra dette punkt");
    await attachments.remove(req.params.attachmentId, user.id);
    res.json({ ok: true });
  });

  // A corrected file for a bilag, same place and id (e.g. one with personal data removed).
  router.post(
    "/attachments/:attachmentId/replace",
    express.raw({ type: () => true, limit: ATTACHMENT_MAX_BYTES * 2 }),
    async (req, res) => {
      const { user } = requireUser(req);
      const { row } = await attachments.get(req.params.attachmentId);
      await writableItem(user, row.itemId, "Du kan ikke erstatte bilag på dette punkt");
      const filename = typeof req.query.filename === "string" ? req.query.filename : row.filename;
      if (!Buffer.isBuffer(req.body)) throw new ApiError(400, "attachment_empty", "Filen er tom");
      const replaced = await attachments.replace(row.id, filename, req.body, user.id);
      res.json({ attachment: toRef(replaced.row) });
    },
  );

  // Whether the public version lists a bilag: the secretariat's publication choice.
  router.put("/attachments/:attachmentId/public", async (req, res) => {
    const { user } = requireUser(req);
    const { row } = await attachments.get(req.params.attachmentId);
    const { context } = await visibleItem(user, row.itemId);
    await policy.requireRole(user, context.meeting.committeeId, "editAgenda");
    const { public: isPublic } = PublicRequest.parse(req.body);
    res.json({ attachment: await attachments.setPublic(row.id, isPublic, user.id) });
  });

  // Removes a bilag of the item: a file, or a name without one (imported).
  router.delete("/items/:itemId/attachments/:attachmentId", async (req, res) => {
    const { user } = requireUser(req);
    await writableItem(user, req.params.itemId, "Du kan ikke fjerne bilag fra dette punkt");
    await attachments.removeEntry(req.params.itemId, req.params.attachmentId, user.id);
    res.json({ ok: true });
  });

  router.post("/items/:itemId/transitions", async (req, res) => {
    const { user } = requireUser(req);
    const { transition, reason } = TransitionRequest.parse(req.body);
    const { context } = await visibleItem(user, req.params.itemId);
    if (isRecordFrozen(context.meeting.phase)) throw recordFrozenError();
    res.json(await workflow.transition(user, req.params.itemId, transition, reason ?? null));
  });

  // "Giv videre til …": the item's responsibility to another member, with a note (audited).
  router.post("/items/:itemId/handoff", async (req, res) => {
    const { user } = requireUser(req);
    const request = HandoffRequest.parse(req.body);
    const outcome = await handoff.handoff(user, req.params.itemId, request);
    res.json({ officers: outcome.officers, from: outcome.from, to: outcome.to });
  });

  router.get("/items/:itemId/versions", async (req, res) => {
    const { user } = requireUser(req);
    await visibleItem(user, req.params.itemId);
    const list = await versions.list(req.params.itemId);
    const names = await meetings.userNames(list.map((v) => v.createdBy));
    res.json({
      versions: list.map((v) => ({
        ...v,
        createdByName: v.createdBy ? (names.get(v.createdBy) ?? null) : null,
      })),
    });
  });

  router.post("/items/:itemId/versions", async (req, res) => {
    const { user } = requireUser(req);
    const { access } = await visibleItem(user, req.params.itemId);
    if (access === "read")
      throw new ApiError(403, "forbidden", "Du kan ikke gemme versioner af dette punkt");
    const { name } = NamedVersionRequest.parse(req.body);
    const version = await versions.record(req.params.itemId, name, "named", user.id);
    const context = await meetings.itemContext(req.params.itemId);
    await meetings.audit(user.id, "item.version", context.meeting.id, req.params.itemId, {
      versionId: version.id,
      name,
    });
    res.status(201).json({
      version: {
        id: version.id,
        name: version.name,
        contentHash: version.contentHash,
        createdAt: version.createdAt,
      },
    });
  });

  return router;
}
