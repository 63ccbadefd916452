import type { Entry, ZipFile } from "yauzl";
import { fromBufferPromise } from "yauzl";
import { importFailure } from "./ImportError";
import type { ImportResult } from "./ImportError";

/**
 * Bounds on a Word document's zip before mammoth (through jszip) inflates it: a few hundred
 * kilobytes of deflated zeros can declare — or, lying, hide — hundreds of megabytes. Checked in
 * two passes over the central directory, the one jszip reads too:
 *
 * 1. before inflating: the number of entries and every *declared* uncompressed size;
 * 2. while inflating: each entry streamed through zlib and counted, never kept, and refused the
 *    moment it passes its declared size (yauzl's own check) or a limit. Overlapping entries (a
 *    "non-recursive" bomb) are counted once per entry, so their sum is bounded as well.
 */
export interface DocxLimits {
  maxEntries: number;
  /** Largest uncompressed size of one XML part (document.xml and friends: what mammoth parses). */
  maxXmlBytes: number;
  /** Largest uncompressed size of all entries together (images included). */
  maxTotalBytes: number;
}

export const DOCX_LIMITS: DocxLimits = {
  maxEntries: 2_000,
  maxXmlBytes: 20 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
};

const MB = 1024 * 1024;

export async function checkDocxZip(
  bytes: Uint8Array,
  limits: DocxLimits = DOCX_LIMITS,
): Promise<ImportResult<null>> {
  let zip: ZipFile;
  try {
    zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    return importFailure(
      "import_truncated",
      `Word-filen er beskadiget eller ufuldstændig og kan ikke åbnes (${(error as Error).message}).`,
    );
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return tooLarge(
        `Word-filen består af ${zip.entryCount} dele; grænsen er ${limits.maxEntries}.`,
      );
    }
    const entries = await readEntries(zip);
    let declared = 0;
    for (const entry of entries) {
      const limit = limitFor(entry, limits);
      declared += entry.uncompressedSize;
      if (entry.uncompressedSize > limit || declared > limits.maxTotalBytes)
        return unpackedTooLarge(limits);
    }
    let inflated = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      const limit = limitFor(entry, limits);
      const size = await inflatedSize(zip, entry, Math.min(limit, limits.maxTotalBytes - inflated));
      if (size === null) return unpackedTooLarge(limits);
      inflated += size;
    }
    return { ok: true, value: null };
  } catch (error) {
    return importFailure(
      "import_truncated",
      `Word-filen er beskadiget og kan ikke åbnes (${(error as Error).message}).`,
    );
  } finally {
    zip.close();
  }
}

function limitFor(entry: Entry, limits: DocxLimits): number {
  return /\.(xml|rels)$/i.test(entry.fileName) ? limits.maxXmlBytes : limits.maxTotalBytes;
}

function tooLarge(message: string): ImportResult<never> {
  return importFailure("import_too_large", message);
}

function unpackedTooLarge(limits: DocxLimits): ImportResult<never> {
  return tooLarge(
    `Word-filen fylder for meget udpakket (en tekstdel må højst fylde ${limits.maxXmlBytes / MB} MB, ` +
      `hele filen ${limits.maxTotalBytes / MB} MB). Den kan være en såkaldt zip-bombe.`,
  );
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on("entry", (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once("end", () => resolve(entries));
    zip.once("error", reject);
    zip.readEntry();
  });
}

/** The entry's inflated size, or null as soon as it passes `limit` (the stream is then dropped). */
async function inflatedSize(zip: ZipFile, entry: Entry, limit: number): Promise<number | null> {
  const stream = await zip.openReadStreamPromise(entry);
  return new Promise((resolve, reject) => {
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.destroy();
        resolve(null);
      }
    });
    stream.once("end", () => resolve(size));
    stream.once("error", (error: Error) => {
      // yauzl refuses an entry that inflates past what it declared: a lying bomb.
      if (/too many bytes|exceeds/i.test(error.message)) resolve(null);
      else reject(error);
    });
  });
}
