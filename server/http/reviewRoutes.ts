import { Router } from "express";
import * as Y from "yjs";
import { formatDocName } from "../../shared/docName";
import {
  CreateThreadRequest,
  EditMessageRequest,
  ReplyRequest,
  ResolveRequest,
} from "../../shared/model";
import { isRecordFrozen } from "../../shared/permissions";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import { recordFrozenError } from "../record/recordFrozen";
import { attribution } from "../review/attribution";
import type { CommentService } from "../review/CommentService";
import { redline } from "../review/redline";
import type { MeetingService } from "../meetings/MeetingService";
import type { Store, User } from "../store";
import type { SyncServer } from "../sync/SyncServer";
import type { VersionService } from "../versions/VersionService";
import { ApiError } from "./ApiError";
import { requireUser } from "./requireAuth";

export interface ReviewDeps {
  store: Store;
  comments: CommentService;
  versions: VersionService;
  policy: AccessPolicy;
  meetings: MeetingService;
  sync: SyncServer;
}

/** Comments, version history, redline and attribution: what reviewing an item needs. */
export function reviewRoutes(deps: ReviewDeps): Router {
  const router = Router();
  const { comments, versions, policy, meetings, store } = deps;

  async function visible(user: User, itemId: string) {
    return policy.requireItemReadable(user, itemId);
  }

  router.get("/items/:itemId/comments", async (req, res) => {
    const { user } = requireUser(req);
    res.json({ threads: await comments.threads(user, req.params.itemId) });
  });

  router.get("/items/:itemId/people", async (req, res) => {
    const { user } = requireUser(req);
    res.json({ people: await comments.mentionable(user, req.params.itemId) });
  });

  router.post("/items/:itemId/comments", async (req, res) => {
    const { user } = requireUser(req);
    const request = CreateThreadRequest.parse(req.body);
    res.status(201).json({ thread: await comments.create(user, req.params.itemId, request) });
  });

  router.post("/items/:itemId/comments/:threadId/replies", async (req, res) => {
    const { user } = requireUser(req);
    const { text, mentions } = ReplyRequest.parse(req.body);
    res.status(201).json({
      thread: await comments.reply(user, req.params.itemId, req.params.threadId, text, mentions),
    });
  });

  router.patch("/items/:itemId/comments/:threadId/messages/:messageId", async (req, res) => {
    const { user } = requireUser(req);
    const { text } = EditMessageRequest.parse(req.body);
    const { itemId, threadId, messageId } = req.params;
    res.json({ thread: await comments.edit(user, itemId, threadId, messageId, text) });
  });

  router.post("/items/:itemId/comments/:threadId/resolve", async (req, res) => {
    const { user } = requireUser(req);
    const { resolved } = ResolveRequest.parse(req.body);
    res.json({
      thread: await comments.resolve(user, req.params.itemId, req.params.threadId, resolved),
    });
  });

  router.get("/me/mentions", async (req, res) => {
    const { user } = requireUser(req);
    res.json({ mentions: await comments.mine(user) });
  });

  router.get("/items/:itemId/versions/:versionId", async (req, res) => {
    const { user } = requireUser(req);
    await visible(user, req.params.itemId);
    const result = await versions.body(req.params.versionId);
    if (result.version.doc !== formatDocName("item", req.params.itemId)) {
      throw new ApiError(404, "version_not_found", "Versionen findes ikke");
    }
    res.json(result);
  });

  router.post("/items/:itemId/versions/:versionId/restore", async (req, res) => {
    const { user } = requireUser(req);
    const { access, context } = await visible(user, req.params.itemId);
    if (isRecordFrozen(context.meeting.phase)) throw recordFrozenError();
    if (access !== "write")
      throw new ApiError(403, "forbidden", "Du kan ikke ændre teksten i dette punkt");
    const { version: restored } = await versions.body(req.params.versionId);
    if (restored.doc !== formatDocName("item", req.params.itemId)) {
      throw new ApiError(404, "version_not_found", "Versionen findes ikke");
    }
    // Under the meeting's lock, so approving the minutes cannot come between check and write.
    // One restore is one version entry: the text it replaces (so the restore can be undone);
    // the restored text is the chosen version's, already in the list.
    const previous = await meetings.exclusive(context.meeting.id, async (current) => {
      if (isRecordFrozen(current.phase)) throw recordFrozenError();
      const before = await versions.record(
        req.params.itemId,
        `Før gendannelse af «${restored.name}» (${user.name})`,
        "auto",
        user.id,
      );
      await versions.restore(req.params.itemId, req.params.versionId);
      return before;
    });
    await meetings.audit(user.id, "item.restore_version", context.meeting.id, req.params.itemId, {
      versionId: req.params.versionId,
      previousVersionId: previous.id,
    });
    res.json({
      version: { id: previous.id, name: previous.name, contentHash: previous.contentHash },
    });
  });

  /** `from` and `to` are version ids or `live`. */
  router.get("/items/:itemId/redline", async (req, res) => {
    const { user } = requireUser(req);
    await visible(user, req.params.itemId);
    const body = async (ref: unknown) => {
      if (ref === "live" || ref === undefined) return versions.liveBody(req.params.itemId);
      const result = await versions.body(String(ref));
      if (result.version.doc !== formatDocName("item", req.params.itemId)) {
        throw new ApiError(404, "version_not_found", "Versionen findes ikke");
      }
      return result.body;
    };
    res.json({ fields: redline(await body(req.query.from), await body(req.query.to)) });
  });

  /** What changed since the person's own last workflow step on the item (review or approval). */
  router.get("/items/:itemId/redline/since-mine", async (req, res) => {
    const { user } = requireUser(req);
    await visible(user, req.params.itemId);
    const mine = (await versions.list(req.params.itemId)).filter(
      (v) => v.createdBy === user.id && v.kind === "auto",
    );
    const last = mine[mine.length - 1];
    if (!last) {
      res.json({ since: null, fields: null });
      return;
    }
    const from = (await versions.body(last.id)).body;
    res.json({ since: last, fields: redline(from, await versions.liveBody(req.params.itemId)) });
  });

  router.get("/items/:itemId/attribution", async (req, res) => {
    const { user } = requireUser(req);
    await visible(user, req.params.itemId);
    const name = formatDocName("item", req.params.itemId);
    const live = await deps.sync.registry.get(name);
    if (!live) throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    let state: Uint8Array;
    try {
      await live.whenSettled();
      state = Y.encodeStateAsUpdate(live.doc);
    } finally {
      deps.sync.registry.release(live);
    }
    const copy = new Y.Doc({ gc: false });
    Y.applyUpdate(copy, state);
    const writers = await store.review.docClients(name);
    const runs = attribution(copy, writers);
    copy.destroy();
    const people: Record<string, string> = {};
    for (const userId of new Set(writers.values()))
      people[userId] = (await store.users.getUser(userId))?.name ?? userId;
    res.json({ fields: runs, people });
  });

  return router;
}
