import type { AttachmentRef } from "../../shared/model";
import type { AttachmentService } from "../attachments/AttachmentService";
import type { Log } from "../logger";
import { extractAttachmentText } from "../publication";

/** About 20 million characters of bilag text kept between checks. */
const CACHE_CHARS = 20_000_000;

/**
 * Bilag texts for the personal-data check, by content hash: reading a large PDF takes a while,
 * and the check runs again on every acceptance and before publishing. A bilag that cannot be
 * read gives "" (and is listed as unreadable by the check).
 */
export class AttachmentTexts {
  private readonly cache = new Map<string, string>();
  private chars = 0;

  constructor(
    private readonly attachments: AttachmentService,
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
    try {
      // Through the store's blob store, so every instance of a cluster reads the same bytes.
      const { bytes } = await this.attachments.read(attachment.id);
      return await extractAttachmentText(bytes, attachment.contentType);
    } catch (error) {
      this.log("bilag text could not be read", {
        attachment: attachment.id,
        error: (error as Error).message,
      });
      return "";
    }
  }
}
