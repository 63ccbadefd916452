import { Router } from "express";
import { z } from "zod";
import { Id } from "../../shared/model";
import type { NotificationService } from "../notifications/NotificationService";
import { requireUser } from "./requireAuth";

const ReadRequest = z.object({
  /** The notifications to mark read; absent: all of the person's. */
  ids: z.array(Id).min(1).max(500).optional(),
});

/** A person's own notifications: the list, and marking them read. */
export function notificationRoutes(deps: { notifications: NotificationService }): Router {
  const router = Router();

  router.get("/notifications", async (req, res) => {
    const { user } = requireUser(req);
    res.json(await deps.notifications.list(user));
  });

  router.post("/notifications/read", async (req, res) => {
    const { user } = requireUser(req);
    const { ids } = ReadRequest.parse(req.body ?? {});
    res.json({ unread: await deps.notifications.markRead(user, ids ?? null) });
  });

  return router;
}
