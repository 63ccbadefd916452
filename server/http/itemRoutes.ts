import express, { Router } from "express";
import { formatDocName } from "../../shared/docName";
import { numberAgenda } from "../../shared/model";
import type { AttachmentService } from "../attachments/AttachmentService";
import { ATTACHMENT_MAX_BYTES } from "../attachments/attachmentTypes";
import { toRef } from "../attachments/AttachmentService";
import type { MeetingService } from "../meetings/MeetingService";
import { ApiError } from "./ApiError";
import { requireUser } from "./requireAuth";

export function itemRoutes(deps: {
  meetings: MeetingService;
  attachments: AttachmentService;
}): Router {
  const router = Router();
  const { meetings, attachments } = deps;

  // Every live item of every meeting, newest meeting first (the start page's list).
  router.get("/items", async (req, res) => {
    requireUser(req);
    const items = [];
    for (const committee of await meetings.listCommittees()) {
      for (const meeting of await meetings.listMeetings(committee.id)) {
        const numbers = numberAgenda(meeting.agenda);
        for (const section of meeting.agenda.sections) {
          if (section.deleted) continue;
          for (const item of section.items) {
            if (item.deleted) continue;
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
    requireUser(req);
    const context = await meetings.itemContext(req.params.itemId);
    res.json({
      item: {
        ...context.item,
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
    requireUser(req);
    await meetings.itemContext(req.params.itemId);
    res.json({ attachments: (await attachments.list(req.params.itemId)).map(toRef) });
  });

  // The file is the raw request body; its name comes in the query string (?filename=…).
  router.post(
    "/items/:itemId/attachments",
    express.raw({ type: () => true, limit: ATTACHMENT_MAX_BYTES }),
    async (req, res) => {
      const { user } = requireUser(req);
      const filename = typeof req.query.filename === "string" ? req.query.filename : "";
      if (!Buffer.isBuffer(req.body)) throw new ApiError(400, "attachment_empty", "Filen er tom");
      const row = await attachments.upload(req.params.itemId, filename, req.body, user.id);
      res.status(201).json({ attachment: toRef(row) });
    },
  );

  router.get("/attachments/:attachmentId", async (req, res) => {
    requireUser(req);
    const { row, file } = await attachments.get(req.params.attachmentId);
    res.attachment(row.filename);
    res.type(row.contentType);
    res.set("X-Content-Type-Options", "nosniff");
    res.sendFile(file);
  });

  router.delete("/attachments/:attachmentId", async (req, res) => {
    const { user } = requireUser(req);
    await attachments.remove(req.params.attachmentId, user.id);
    res.json({ ok: true });
  });

  return router;
}
