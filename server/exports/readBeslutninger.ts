import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { formatDocName } from "../../shared/docName";
import type { Meeting } from "../../shared/model";
import type { ProseMirrorJson } from "../import";
import type { SyncServer } from "../sync/SyncServer";

/**
 * Each item's Beslutning from the meeting's minutes document (`minutes:<meetingId>`, one
 * fragment per item id), as the block nodes `ExportInput.beslutninger` takes. Read through the
 * sync server's registry, like `readMeetingDocument`, so what is exported is the live state.
 * Items without a Beslutning are left out.
 */
export async function readBeslutninger(
  sync: SyncServer,
  meeting: Meeting,
): Promise<Record<string, ProseMirrorJson[]>> {
  const doc = await sync.registry.get(formatDocName("minutes", meeting.id));
  if (!doc) return {};
  try {
    await doc.whenSettled();
    return beslutningerIn(doc.doc, meeting);
  } finally {
    sync.registry.release(doc);
  }
}

/** Each item's Beslutning in a minutes document (live, or a version's state). */
export function beslutningerIn(
  minutes: Y.Doc,
  meeting: Meeting,
): Record<string, ProseMirrorJson[]> {
  const beslutninger: Record<string, ProseMirrorJson[]> = {};
  for (const section of meeting.agenda.sections) {
    for (const item of section.items) {
      if (!minutes.share.has(item.id)) continue;
      const json = yXmlFragmentToProsemirrorJSON(minutes.getXmlFragment(item.id)) as {
        content?: ProseMirrorJson[];
      };
      if (json.content && json.content.length > 0) beslutninger[item.id] = json.content;
    }
  }
  return beslutninger;
}
