import express, { Router } from "express";
import { z } from "zod";
import type { ItemTransition } from "../../shared/permissions";
import { ITEM_TRANSITIONS } from "../../shared/permissions";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { User } from "../store";
import type { VersionService } from "../versions/VersionService";
import type { ItemWorkflow } from "../workflow/ItemWorkflow";
import { formatDocName } from "../../shared/docName";
import { numberAgenda } from "../../shared/model";
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

export function itemRoutes(deps: {
  meetings: MeetingService;
  attachments: AttachmentService;
  policy: AccessPolicy;
  workflow: ItemWorkflow;
  versions: VersionService;
}): Router {
  const router = Router();
  const { meetings, attachments, policy, workflow, versions } = deps;

  /** The item if the person may see it at all; 404 otherwise (not even its existence leaks). */
  async function visibleItem(user: User, itemId: string) {
    const result = await policy.itemAccess(user, itemId);
    if (result.access === "none") throw new ApiError(404, "item_not_found", "Punktet findes ikke");
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
        deadline: context.meeting.deadline ?? null,
        number: context.number,
        sectionId: context.sectionId,
        meetingId: context.meeting.id,
        meetingTitle: context.meeting.title,
        meetingDate: context.meeting.date,
        doc: formatDocName("item", context.item.id),
      },
    });
  });

  router.get("/items/:itemId/attachments", async (req, res) => {
    const { user } = requireUser(req);
    await visibleItem(user, req.params.itemId);
    res.json({ attachments: (await attachments.list(req.params.itemId)).map(toRef) });
  });

  // The file is the raw request body; its name comes in the query string (?filename=…).
  router.post(
    "/items/:itemId/attachments",
    // Twice the limit, so an oversized bilag gets the service's own clear refusal.
    express.raw({ type: () => true, limit: ATTACHMENT_MAX_BYTES * 2 }),
    async (req, res) => {
      const { user } = requireUser(req);
      const { access } = await visibleItem(user, req.params.itemId);
      if (access !== "write")
        throw new ApiError(403, "forbidden", "Du kan ikke tilføje bilag til dette punkt");
      const filename = typeof req.query.filename === "string" ? req.query.filename : "";
      if (!Buffer.isBuffer(req.body)) throw new ApiError(400, "attachment_empty", "Filen er tom");
      const row = await attachments.upload(req.params.itemId, filename, req.body, user.id);
      res.status(201).json({ attachment: toRef(row) });
    },
  );

  router.get("/attachments/:attachmentId", async (req, res) => {
    const { user } = requireUser(req);
    const { row, file } = await attachments.get(req.params.attachmentId);
    await visibleItem(user, row.itemId);
    res.attachment(row.filename);
    res.type(row.contentType);
    res.set("X-Content-Type-Options", "nosniff");
    res.sendFile(file);
  });

  router.delete("/attachments/:attachmentId", async (req, res) => {
    const { user } = requireUser(req);
    const { row } = await attachments.get(req.params.attachmentId);
    const { access } = await visibleItem(user, row.itemId);
    if (access !== "write")
      throw new ApiError(403, "forbidden", "Du kan ikke fjerne bilag fra dette punkt");
    await attachments.remove(req.params.attachmentId, user.id);
    res.json({ ok: true });
  });

  router.post("/items/:itemId/transitions", async (req, res) => {
    const { user } = requireUser(req);
    const { transition, reason } = TransitionRequest.parse(req.body);
    await visibleItem(user, req.params.itemId);
    res.json(await workflow.transition(user, req.params.itemId, transition, reason ?? null));
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
