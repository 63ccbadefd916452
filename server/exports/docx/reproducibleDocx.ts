import { unzipSync, zipSync } from "fflate";
import type { Zippable } from "fflate";

/**
 * A Word file whose bytes depend only on its content and `date`. docx stamps the core
 * properties (created, modified) and every zip entry with the time of packing, and numbers
 * bookmarks from one counter shared by every document the process ever made — so the same
 * meeting packed twice differs. Here the dates become `date` and the bookmark ids are numbered
 * afresh in document order (the `_Toc<id>` names the contents link to follow their bookmark's
 * id), so an approved record's exports can be compared byte for byte. Nothing else changes.
 */
export function reproducibleDocx(bytes: Uint8Array, date: Date): Buffer {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const entries = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    let content: Uint8Array = data;
    if (name === "docProps/core.xml") {
      content = rewrite(data, (xml) =>
        xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`),
      );
    } else if (name === "word/document.xml") {
      content = rewrite(data, renumberBookmarks);
    }
    out[name] = [content, { mtime: date }];
  }
  return Buffer.from(zipSync(out));
}

function rewrite(data: Uint8Array, change: (xml: string) => string): Uint8Array {
  return new TextEncoder().encode(change(new TextDecoder().decode(data)));
}

/** A bookmark's start or end tag, or a `_Toc<id>` name anywhere (a contents entry's link). */
const BOOKMARK = /<w:bookmark(?:Start|End)\b[^>]*>|\b_Toc\d+\b/g;
const NUMBER_IN_TAG = /(\bw:id="|\b_Toc)(\d+)/g;

function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  const renumber = (_whole: string, prefix: string, old: string) => {
    let id = ids.get(old);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(old, id);
    }
    return `${prefix}${id}`;
  };
  return xml.replace(BOOKMARK, (found) => found.replace(NUMBER_IN_TAG, renumber));
}
