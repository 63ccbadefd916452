/**
 * Suggestions on the server: the open ones of an item (what blocks approval), and deciding
 * them — accepting or rejecting is a change to the live body made by the server, applied as
 * the smallest Yjs change (people typing elsewhere keep their work), then recorded as a version
 * (who decided, whose suggestions) and in the audit log.
 */
import { updateYFragment } from "@tiptap/y-tiptap";
import { BODY_FRAGMENT, formatDocName } from "../../shared/docName";
import type { OpenSuggestion, SuggestionDecision } from "../../shared/suggestions";
import { decideSuggestions, listSuggestions } from "../../shared/suggestions";
import { ApiError } from "../http/ApiError";
import type { MeetingService } from "../meetings/MeetingService";
import type { User } from "../store";
import { readItemBody } from "../sync/suggestionGuard";
import type { SyncServer } from "../sync/SyncServer";
import type { VersionService } from "../versions/VersionService";

const DECISION_WORDS: Record<SuggestionDecision, string> = {
  accept: "accepteret",
  reject: "afvist",
};

export class SuggestionService {
  constructor(
    private readonly sync: SyncServer,
    private readonly versions: VersionService,
    private readonly meetings: MeetingService,
  ) {}

  /** The item's open suggestions in text order, from its committed live body. */
  async open(itemId: string): Promise<OpenSuggestion[]> {
    const doc = await this.sync.registry.get(formatDocName("item", itemId));
    if (!doc) throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    try {
      await doc.whenSettled();
      const body = readItemBody(doc.doc);
      return body ? listSuggestions(body) : [];
    } finally {
      this.sync.registry.release(doc);
    }
  }

  /**
   * Accepts or rejects the suggestions `ids` of an item. Every id must name an open suggestion
   * (else 404 `suggestion_not_found` and nothing changes). The caller has checked write access
   * and holds the meeting's lock.
   */
  async decide(user: User, itemId: string, ids: readonly string[], decision: SuggestionDecision) {
    const docName = formatDocName("item", itemId);
    const doc = await this.sync.registry.get(docName);
    if (!doc) throw new ApiError(404, "item_not_found", "Punktet findes ikke");
    let decided: OpenSuggestion[] = [];
    let missing: string[] = [];
    try {
      await doc.whenSettled();
      await doc.change((ydoc) => {
        // Read and written in one synchronous step: nothing can come between.
        const body = readItemBody(ydoc);
        if (!body) throw new ApiError(409, "invalid_body", "Punktets tekst kan ikke læses");
        const open = new Map(listSuggestions(body).map((s) => [s.id, s]));
        missing = ids.filter((id) => !open.has(id));
        if (missing.length > 0) return;
        decided = ids.map((id) => open.get(id)!);
        const next = decideSuggestions(body, new Set(ids), decision);
        updateYFragment(ydoc, ydoc.getXmlFragment(BODY_FRAGMENT), next, {
          mapping: new Map(),
          isOMark: new Map(),
        });
      });
    } finally {
      this.sync.registry.release(doc);
    }
    if (missing.length > 0) {
      throw new ApiError(404, "suggestion_not_found", "Forslaget findes ikke (længere)", {
        ids: missing,
      });
    }
    const authors = [...new Set(decided.map((s) => s.authorName))].join(", ");
    const version = await this.versions.record(
      itemId,
      `Forslag fra ${authors} ${DECISION_WORDS[decision]} af ${user.name}`,
      "auto",
      user.id,
    );
    const context = await this.meetings.itemContext(itemId);
    await this.meetings.audit(user.id, `item.suggestions_${decision}`, context.meeting.id, itemId, {
      versionId: version.id,
      contentHash: version.contentHash,
      suggestions: decided.map((s) => ({
        id: s.id,
        kind: s.kind,
        authorId: s.authorId,
        authorName: s.authorName,
        field: s.field,
        inserted: s.inserted,
        deleted: s.deleted,
      })),
    });
    return { decided: decided.map((s) => s.id), version: { id: version.id, name: version.name } };
  }
}
