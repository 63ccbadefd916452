/**
 * The item workflow: Kladde → Til gennemsyn → Klar til godkendelse → Godkendt → (genåbnet)
 * Kladde. Each step is checked against the shared rules, stored, versioned and audited, and
 * open connections to the item are re-decided at once — approval turns every open editor
 * read-only, reopening makes it writable again.
 */
import { formatDocName } from "../../shared/docName";
import type { ItemTransition } from "../../shared/permissions";
import { ITEM_TRANSITIONS, TRANSITIONS_NEEDING_REASON } from "../../shared/permissions";
import { itemBodySchema } from "../../shared/editor";
import { listSuggestions } from "../../shared/suggestions";
import { ApiError } from "../http/ApiError";
import type { ItemContext, MeetingService } from "../meetings/MeetingService";
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

/** Told after a workflow step is stored (notifications). */
export type TransitionListener = (
  by: User,
  context: ItemContext,
  transition: ItemTransition,
  reason: string | null,
) => Promise<void>;

export class ItemWorkflow {
  private readonly listeners: TransitionListener[] = [];

  onTransition(listener: TransitionListener): void {
    this.listeners.push(listener);
  }

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
    if (transition === "approve") await this.refuseOpenSuggestions(itemId);
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
    for (const listener of this.listeners) await listener(user, context, transition, text || null);
    return {
      status: to,
      version: { id: version.id, name: version.name, contentHash: version.contentHash },
    };
  }

  /**
   * The chair cannot approve text with open suggestions: 409 `open_suggestions`, listing them
   * (the dialog links to each). What is approved is accepted text only: the version's content
   * hash, exports and publication read the body without open suggestions (`acceptedBodyJson`).
   */
  private async refuseOpenSuggestions(itemId: string): Promise<void> {
    const body = await this.versions.liveBody(itemId);
    const open = listSuggestions(itemBodySchema().nodeFromJSON(body));
    if (open.length === 0) return;
    throw new ApiError(
      409,
      "open_suggestions",
      open.length === 1
        ? "Der er et åbent forslag i teksten. Det skal accepteres eller afvises før godkendelsen."
        : `Der er ${open.length} åbne forslag i teksten. De skal accepteres eller afvises før godkendelsen.`,
      { suggestions: open },
    );
  }
}
