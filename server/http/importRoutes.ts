import express, { Router } from "express";
import { z } from "zod";
import { ClockTime, IsoDate } from "../../shared/model";
import { importAgendaBytes, MAX_IMPORT_BYTES } from "../import";
import type { ParsedMeeting } from "../import";
import { importIntoCommittee } from "../meetings/importIntoCommittee";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { Store } from "../store";
import { ApiError } from "./ApiError";
import { meetingView } from "./meetingRoutes";
import { requireUser } from "./requireAuth";

const ImportQuery = z.object({
  date: IsoDate.optional(),
  startTime: ClockTime.optional(),
  place: z.string().trim().max(300).optional(),
  title: z.string().trim().min(1).max(300).optional(),
});

/**
 * Importing an agenda or minutes file (.pdf, .docx, .txt) into a committee. The file is the raw
 * request body. `preview` parses and returns the structure with its warnings; the second request
 * sends the same file again to create the meeting, so nothing half-imported is ever kept.
 */
export function importRoutes(deps: {
  meetings: MeetingService;
  policy: AccessPolicy;
  store: Store;
}): Router {
  const router = Router();
  const raw = express.raw({ type: () => true, limit: MAX_IMPORT_BYTES });

  async function parse(body: unknown): Promise<ParsedMeeting> {
    if (!Buffer.isBuffer(body) || body.byteLength === 0) {
      throw new ApiError(400, "import_empty", "Filen er tom");
    }
    const result = await importAgendaBytes(new Uint8Array(body));
    if (!result.ok) throw new ApiError(422, result.error.code, result.error.message);
    return result.value;
  }

  router.post("/committees/:committeeId/imports/preview", raw, async (req, res) => {
    const { user } = requireUser(req);
    await deps.policy.requireRole(user, req.params.committeeId, "createMeeting");
    const parsed = await parse(req.body);
    // The preview shows structure and text; the rich bodies are rebuilt on import.
    res.json({
      parsed: {
        ...parsed,
        sections: parsed.sections.map((section) => ({
          ...section,
          items: section.items.map(({ body: _body, beslutning: _beslutning, ...item }) => item),
        })),
      },
    });
  });

  router.post("/committees/:committeeId/imports", raw, async (req, res) => {
    const { user } = requireUser(req);
    await deps.policy.requireRole(user, req.params.committeeId, "createMeeting");
    const query = ImportQuery.parse(req.query);
    const parsed = await parse(req.body);
    const { meeting } = await importIntoCommittee(
      deps.meetings,
      deps.store,
      parsed,
      req.params.committeeId,
      query,
      user.id,
    );
    res.status(201).json({ meeting: meetingView(meeting), warnings: parsed.warnings });
  });

  return router;
}
