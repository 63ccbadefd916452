import express, { Router } from "express";
import { z } from "zod";
import { ClockTime, IsoDate } from "../../shared/model";
import { IMPORT_MAX_BYTES } from "../../shared/importLimits";
import { importInWorker } from "../import/importInWorker";
import type { ImportErrorCode, ParsedMeeting } from "../import";
import {
  matchImportedOfficers,
  officerCandidates,
  unmatchedOfficerWarning,
} from "../meetings/committeeOfficers";
import { importIntoCommittee } from "../meetings/importIntoCommittee";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { Store } from "../store";
import type { WorkerPool } from "../workers";
import { ApiError } from "./ApiError";
import type { RateLimiters } from "./rateLimits";
import { meetingView } from "./meetingRoutes";
import { requireUser } from "./requireAuth";

const ImportQuery = z.object({
  date: IsoDate.optional(),
  startTime: ClockTime.optional(),
  place: z.string().trim().max(300).optional(),
  title: z.string().trim().min(1).max(300).optional(),
});

/** A refused import's HTTP status: the file itself is unreadable (422) unless said otherwise. */
const STATUS: Partial<Record<ImportErrorCode, number>> = {
  import_too_large: 413,
  import_busy: 503,
};

/**
 * Importing an agenda or minutes file (.pdf, .docx, .txt) into a committee. The file is the raw
 * request body. `preview` parses and returns the structure with its warnings; the second request
 * sends the same file again to create the meeting, so nothing half-imported is ever kept.
 * Reading and parsing run in the worker pool (importInWorker), under its memory and time bounds.
 */
export function importRoutes(deps: {
  meetings: MeetingService;
  policy: AccessPolicy;
  store: Store;
  workers: WorkerPool;
  rateLimits: RateLimiters;
}): Router {
  const router = Router();
  const limit = deps.rateLimits.imports;
  const raw = express.raw({ type: () => true, limit: IMPORT_MAX_BYTES });

  async function parse(body: unknown): Promise<ParsedMeeting> {
    if (!Buffer.isBuffer(body) || body.byteLength === 0) {
      throw new ApiError(400, "import_empty", "Filen er tom");
    }
    const result = await importInWorker(deps.workers, body);
    if (!result.ok)
      throw new ApiError(STATUS[result.error.code] ?? 422, result.error.code, result.error.message);
    return result.value;
  }

  // Each limiter is its own registration before the handler, which keeps the handler's typed
  // path parameters.
  router.post("/committees/:committeeId/imports/preview", limit);
  router.post("/committees/:committeeId/imports/preview", raw, async (req, res) => {
    const { user } = requireUser(req);
    await deps.policy.requireRole(user, req.params.committeeId, "createMeeting");
    const parsed = await parse(req.body);
    // Officers as they will be stored: members' initials as their accounts write them; the
    // others are flagged in the warnings and listed in `unmatchedOfficers`.
    const candidates = await officerCandidates(deps.store, req.params.committeeId);
    const unmatchedOfficers = matchImportedOfficers(
      parsed.sections.flatMap((section) => section.items.flatMap((item) => item.officers)),
      candidates,
    ).unmatched;
    const officerWarning = unmatchedOfficerWarning(unmatchedOfficers);
    // The preview shows structure and text; the rich bodies are rebuilt on import.
    res.json({
      parsed: {
        ...parsed,
        warnings: officerWarning ? [...parsed.warnings, officerWarning] : parsed.warnings,
        sections: parsed.sections.map((section) => ({
          ...section,
          items: section.items.map(({ body: _body, beslutning: _beslutning, ...item }) => ({
            ...item,
            officers: matchImportedOfficers(item.officers, candidates).officers,
          })),
        })),
      },
      unmatchedOfficers,
    });
  });

  router.post("/committees/:committeeId/imports", limit);
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
