import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
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
  const beslutninger: Record<string, ProseMirrorJson[]> = {};
  const doc = await sync.registry.get(formatDocName("minutes", meeting.id));
  if (!doc) return beslutninger;
  try {
    await doc.whenSettled();
    for (const section of meeting.agenda.sections) {
      for (const item of section.items) {
        if (!doc.doc.share.has(item.id)) continue;
        const json = yXmlFragmentToProsemirrorJSON(doc.doc.getXmlFragment(item.id)) as {
          content?: ProseMirrorJson[];
        };
        if (json.content && json.content.length > 0) beslutninger[item.id] = json.content;
      }
    }
  } finally {
    sync.registry.release(doc);
  }
  return beslutninger;
}
