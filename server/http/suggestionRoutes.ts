import { Router } from "express";
import { z } from "zod";
import { isRecordFrozen } from "../../shared/permissions";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import { recordFrozenError } from "../record/recordFrozen";
import { SuggestionService } from "../suggestions/SuggestionService";
import type { SyncServer } from "../sync/SyncServer";
import type { VersionService } from "../versions/VersionService";
import { ApiError } from "./ApiError";
import { requireUser } from "./requireAuth";

const DecideRequest = z.object({
  ids: z.array(z.string().min(1).max(64)).min(1).max(500),
  decision: z.enum(["accept", "reject"]),
});

/** The open suggestions of an item, and accepting or rejecting them (write access). */
export function suggestionRoutes(deps: {
  policy: AccessPolicy;
  meetings: MeetingService;
  versions: VersionService;
  sync: SyncServer;
}): Router {
  const router = Router();
  const { policy, meetings } = deps;
  const suggestions = new SuggestionService(deps.sync, deps.versions, meetings);

  router.get("/items/:itemId/suggestions", async (req, res) => {
    const { user } = requireUser(req);
    await policy.requireItemReadable(user, req.params.itemId);
    res.json({ suggestions: await suggestions.open(req.params.itemId) });
  });

  router.post("/items/:itemId/suggestions/decide", async (req, res) => {
    const { user } = requireUser(req);
    const { itemId } = req.params;
    const { context } = await policy.requireItemReadable(user, itemId);
    const { ids, decision } = DecideRequest.parse(req.body);
    // Under the meeting's lock, so neither an approval nor the minutes' approval comes between
    // the check and the change.
    const result = await meetings.exclusive(context.meeting.id, async (current) => {
      if (isRecordFrozen(current.phase)) throw recordFrozenError();
      const { access } = await policy.requireItemReadable(user, itemId);
      if (access !== "write") {
        throw new ApiError(
          403,
          "forbidden",
          "Du kan ikke acceptere eller afvise forslag i dette punkt",
        );
      }
      return suggestions.decide(user, itemId, [...new Set(ids)], decision);
    });
    res.json(result);
  });

  return router;
}
