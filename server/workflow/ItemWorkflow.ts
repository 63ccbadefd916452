/**
 * The item workflow: Kladde → Til gennemsyn → Klar til godkendelse → Godkendt → (genåbnet)
 * Kladde. Each step is checked against the shared rules, stored, versioned and audited, and
 * open connections to the item are re-decided at once — approval turns every open editor
 * read-only, reopening makes it writable again.
 */
import { formatDocName } from "../../shared/docName";
import type { ItemTransition } from "../../shared/permissions";
import { ITEM_TRANSITIONS, TRANSITIONS_NEEDING_REASON } from "../../shared/permissions";
import { ApiError } from "../http/ApiError";
import type { MeetingService } from "../meetings/MeetingService";
import type { AccessPolicy } from "../permissions/AccessPolicy";
import type { User } from "../store";
import type { SyncServer } from "../sync/SyncServer";
import type { VersionService } from "../versions/VersionService";

const VERSION_NAMES: Record<ItemTransition, string> = {
  sendToReview: "Sendt til gennemsyn",
  signOff: "Klar til godkendelse",
  sendBack: "Sendt tilbage",
  approve: "Godkendt",
  reopen: "Genåbnet",
};

export class ItemWorkflow {
  constructor(
    private readonly meetings: MeetingService,
    private readonly policy: AccessPolicy,
    private readonly versions: VersionService,
    private readonly sync: SyncServer,
  ) {}

  async transition(user: User, itemId: string, transition: ItemTransition, reason: string | null) {
    const text = reason?.trim() ?? "";
    if (TRANSITIONS_NEEDING_REASON.includes(transition) && text.length === 0) {
      throw new ApiError(400, "reason_required", "Skriv en begrundelse");
    }
    const context = await this.policy.requireTransition(user, itemId, transition);
    const to = ITEM_TRANSITIONS[transition].to;
    await this.meetings.runCommand(
      context.meeting.id,
      { type: "setItemStatus", itemId, status: to },
      user.id,
    );
    // Demote or promote open editors before the snapshot, so nothing is written after it.
    await this.sync.refreshAccess(formatDocName("item", itemId));
    await this.sync.refreshAccess(formatDocName("comments", itemId));
    const version = await this.versions.record(
      itemId,
      `${VERSION_NAMES[transition]} (${user.name})`,
      "auto",
      user.id,
    );
    await this.meetings.audit(user.id, `item.${transition}`, context.meeting.id, itemId, {
      from: context.item.status,
      to,
      ...(text ? { reason: text } : {}),
      versionId: version.id,
      contentHash: version.contentHash,
    });
    return {
      status: to,
      version: { id: version.id, name: version.name, contentHash: version.contentHash },
    };
  }
}
