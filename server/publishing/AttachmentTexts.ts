import type { AttachmentRef } from "../../shared/model";
import type { AttachmentService } from "../attachments/AttachmentService";
import { ApiError } from "../http/ApiError";
import type { Log } from "../logger";
import { DOCX_TYPE, PDF_TYPE, extractAttachmentText } from "../publication/extractAttachmentText";
import type { WorkerPool } from "../workers/WorkerPool";
import { WorkerTaskError } from "../workers/WorkerPool";
import type { AttachmentTextInput, AttachmentTextResult } from "../workers/tasks";

/** About 20 million characters of bilag text kept between checks. */
const CACHE_CHARS = 20_000_000;

/**
 * Bilag texts for the personal-data check, by content hash. Reading a PDF or a Word file is
 * seconds of CPU for a large one, so it runs in the task pool, off the sync server's event loop;
 * the check runs again on every acceptance and before publishing, so texts are kept. A bilag
 * that cannot be read (damaged, or too large or slow for the pool's bounds) gives "" and is
 * listed as unreadable by the check, which holds publishing back until a person has looked.
 * A full pool is not the bilag's fault: that is a 503 to try again, and nothing is kept.
 */
export class AttachmentTexts {
  private readonly cache = new Map<string, string>();
  private chars = 0;

  constructor(
    private readonly attachments: AttachmentService,
    private readonly workers: WorkerPool,
    private readonly log: Log,
  ) {}

  async textOf(attachment: AttachmentRef): Promise<string> {
    const cached = this.cache.get(attachment.sha256);
    if (cached !== undefined) {
      // Most recently used last.
      this.cache.delete(attachment.sha256);
      this.cache.set(attachment.sha256, cached);
      return cached;
    }
    const text = await this.read(attachment);
    this.cache.set(attachment.sha256, text);
    this.chars += text.length;
    for (const [key, value] of this.cache) {
      if (this.chars <= CACHE_CHARS) break;
      this.cache.delete(key);
      this.chars -= value.length;
    }
    return text;
  }

  private async read(attachment: AttachmentRef): Promise<string> {
    // Through the store's blob store, so every instance of a cluster reads the same bytes.
    const { bytes } = await this.attachments.read(attachment.id);
    if (!readsInWorker(attachment.contentType)) {
      // Plain text is decoded as it is; images and the rest have no text: nothing to offload.
      return extractAttachmentText(bytes, attachment.contentType);
    }
    // The worker gets a copy it owns: the blob store may hand out a view of a shared buffer.
    const input: AttachmentTextInput = {
      bytes: new Uint8Array(bytes),
      contentType: attachment.contentType,
    };
    let result: AttachmentTextResult;
    try {
      result = await this.workers.run<AttachmentTextResult>("readAttachmentText", input, [
        input.bytes.buffer as ArrayBuffer,
      ]);
    } catch (error) {
      if (error instanceof WorkerTaskError && error.kind === "busy") {
        throw new ApiError(
          503,
          "check_busy",
          "Serveren læser allerede mange bilag. Prøv igen om lidt.",
        );
      }
      result = { ok: false, reason: (error as Error).message };
    }
    if (result.ok) return result.text;
    this.log("bilag text could not be read", {
      attachment: attachment.id,
      error: result.reason,
    });
    return "";
  }
}

function readsInWorker(contentType: string): boolean {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return type === PDF_TYPE || type === DOCX_TYPE;
}
