import type { Meeting } from "../../shared/model";

/**
 * The meeting without its closed items' bilag: no file names, types, sizes or hashes. Readers
 * may not read a closed item, so they may not learn what is attached to it either.
 *
 * The `meeting:<id>` document is one projection shared by everyone connected to it, readers
 * included, so it never carries a closed item's bilag; the roles that may read the item get
 * them from `GET /api/items/:itemId/attachments`. HTTP answers to readers leave them out too.
 */
export function withoutClosedAttachments(meeting: Meeting): Meeting {
  return {
    ...meeting,
    agenda: {
      sections: meeting.agenda.sections.map((section) => ({
        ...section,
        items: section.items.map((item) => (item.closed ? { ...item, attachments: [] } : item)),
      })),
    },
  };
}
