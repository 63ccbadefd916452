import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Meeting, numberAgenda } from "../../../shared/model";
import type { AgendaItem } from "../../../shared/model";
import type { ExportInput } from "../../../server/exports";
import { parseAgendaText } from "../../../server/import";
import type { ProseMirrorJson } from "../../../server/import";

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../fixtures/agendas",
);

export const REFERAT_FIXTURE = "kkr-syddanmark-2025-09-03-referat.txt";

/**
 * An export input made from a fixture without a server: the parse result as a meeting with
 * the demo seed's ids ("demo-2-3") and details, each item's body and Beslutning as parsed.
 * `change` adjusts single items (closed, attachments) before the numbers are worked out.
 */
export function fixtureExportInput(
  options: {
    fixture?: string;
    kind?: ExportInput["kind"];
    variant?: ExportInput["variant"];
    change?: (item: AgendaItem) => AgendaItem;
  } = {},
): ExportInput {
  const text = readFileSync(path.join(FIXTURES, options.fixture ?? REFERAT_FIXTURE), "utf8");
  const parsed = parseAgendaText(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const bodies: Record<string, unknown> = {};
  const beslutninger: Record<string, ProseMirrorJson[]> = {};
  // Parsed, so the schema's defaults fill in whatever the meeting has besides the agenda.
  const meeting = Meeting.parse({
    id: "demo-2025-09-03",
    committeeId: "kkr-syddanmark",
    title: "Møde i KKR Syddanmark",
    date: parsed.value.meetingDate ?? "2025-09-03",
    startTime: "10:00",
    endTime: "13:00",
    place: "Odense",
    phase: "afholdt",
    version: 1,
    agenda: {
      sections: parsed.value.sections.map((section) => ({
        id: `demo-s${section.number}`,
        title: section.title,
        deleted: false,
        items: section.items.map((parsedItem) => {
          const id = `demo-${parsedItem.number.replace(/\./g, "-")}`;
          bodies[id] = parsedItem.body;
          if (parsedItem.beslutning) beslutninger[id] = parsedItem.beslutning;
          const item: AgendaItem = {
            id,
            title: parsedItem.title,
            caseNumber: parsedItem.caseNumber,
            officers: parsedItem.officers,
            status: "godkendt",
            closed: false,
            attachments: [],
            deleted: false,
          };
          return options.change ? options.change(item) : item;
        }),
      })),
    },
  });
  return {
    document: {
      meeting,
      committee: { id: "kkr-syddanmark", name: parsed.value.committee ?? "KKR Syddanmark" },
      numbers: Object.fromEntries(numberAgenda(meeting.agenda)),
      bodies,
    },
    kind: options.kind ?? "referat",
    variant: options.variant ?? "internal",
    beslutninger,
  };
}

/** The plain text of one ProseMirror JSON node, for asserting what an export must (not) hold. */
export function nodeText(node: unknown): string {
  if (typeof node !== "object" || node === null) return "";
  const record = node as { text?: unknown; content?: unknown };
  if (typeof record.text === "string") return record.text;
  return Array.isArray(record.content) ? record.content.map(nodeText).join(" ") : "";
}
