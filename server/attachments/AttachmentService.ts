/**
 * Attachments (bilag): files stored once by content hash under `DATA_DIR/attachments`, with a
 * row per upload and a reference in the item's header, so the agenda shows them live.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AttachmentRef } from "../../shared/model";
import { ApiError } from "../http/ApiError";
import type { MeetingService } from "../meetings/MeetingService";
import { newId } from "../meetings/newId";
import type { AttachmentRow, Store } from "../store";
import { attachmentTypeOf, ATTACHMENT_MAX_BYTES } from "./attachmentTypes";

export class AttachmentService {
  private readonly dir: string;

  constructor(
    private readonly store: Store,
    private readonly meetings: MeetingService,
    dataDir: string,
  ) {
    this.dir = path.join(dataDir, "attachments");
  }

  async upload(
    itemId: string,
    filename: string,
    bytes: Buffer,
    userId: string,
  ): Promise<AttachmentRow> {
    const name = cleanFilename(filename);
    if (bytes.byteLength === 0) throw new ApiError(400, "attachment_empty", "Filen er tom");
    if (bytes.byteLength > ATTACHMENT_MAX_BYTES) {
      throw new ApiError(
        413,
        "attachment_too_large",
        `Bilag må højst fylde ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
      );
    }
    const type = attachmentTypeOf(name, bytes);
    if (!type) {
      throw new ApiError(
        415,
        "attachment_type_not_allowed",
        "Filtypen er ikke tilladt (PDF, Word, Excel, PowerPoint, billeder, tekst og CSV er tilladt)",
      );
    }
    const context = await this.meetings.itemContext(itemId);
    if (context.item.deleted) throw new ApiError(409, "item_deleted", "Punktet er slettet");
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    this.writeContent(sha256, bytes);
    const row: AttachmentRow = {
      id: newId(),
      itemId,
      filename: name,
      contentType: type,
      size: bytes.byteLength,
      sha256,
      createdBy: userId,
      createdAt: Date.now(),
      deletedAt: null,
    };
    await this.store.attachments.createAttachment(row);
    await this.meetings.runCommand(
      context.meeting.id,
      { type: "addAttachment", itemId, attachment: toRef(row) },
      userId,
    );
    return row;
  }

  async get(id: string): Promise<{ row: AttachmentRow; file: string }> {
    const row = await this.store.attachments.getAttachment(id);
    if (!row || row.deletedAt !== null)
      throw new ApiError(404, "attachment_not_found", "Bilaget findes ikke");
    return { row, file: this.pathOf(row.sha256) };
  }

  list(itemId: string): Promise<AttachmentRow[]> {
    return this.store.attachments.listAttachments(itemId);
  }

  async remove(id: string, userId: string): Promise<void> {
    const { row } = await this.get(id);
    const context = await this.meetings.itemContext(row.itemId);
    await this.meetings.runCommand(
      context.meeting.id,
      { type: "removeAttachment", itemId: row.itemId, attachmentId: id },
      userId,
    );
    // The file stays: other uploads may share its content, and deletions are restorable.
    await this.store.attachments.markAttachmentDeleted(id, Date.now());
  }

  private pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  private writeContent(sha256: string, bytes: Buffer): void {
    const target = this.pathOf(sha256);
    if (existsSync(target)) return;
    mkdirSync(path.dirname(target), { recursive: true });
    // Write then rename, so a crash never leaves a half-written file under its hash.
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  }
}

export function toRef(row: AttachmentRow): AttachmentRef {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
  };
}

function cleanFilename(filename: string): string {
  // Keep the name people gave the file, minus paths and control characters.
  const base = filename.split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join("")
    .trim()
    .slice(0, 255);
  if (!clean) throw new ApiError(400, "attachment_filename_invalid", "Filnavnet mangler");
  return clean;
}
