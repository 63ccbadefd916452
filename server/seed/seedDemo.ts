import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { hashPassword } from "../auth/passwords";
import { parseAgendaText } from "../import/parseAgendaText";
import type { MeetingService } from "../meetings/MeetingService";
import { meetingFromImport } from "../meetings/meetingFromImport";
import { PROJECT_ROOT } from "../projectRoot";
import type { Store } from "../store";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demoAccounts";

export const DEMO_COMMITTEE_ID = "kkr-syddanmark";
export const DEMO_MEETING_ID = "demo-2025-09-03";
/** Item 2.1 of the demo meeting: "Temadrøftelse om sundhedsreformen …". */
export const DEMO_ITEM_ID = "demo-2-1";

const FIXTURE_NAME = "kkr-syddanmark-2025-09-03-referat.txt";

/**
 * The published minutes the demo meeting is imported from: in the test fixtures when run from
 * the sources, else the copy the production build puts beside the compiled server
 * (esbuild.config.mjs), so `--demo` works from an install of the build alone.
 */
const FIXTURE_PLACES = [
  path.join(PROJECT_ROOT, "tests/fixtures/agendas", FIXTURE_NAME),
  path.join(PROJECT_ROOT, "dist/server/demo", FIXTURE_NAME),
];

/**
 * Fills an empty database with the demo accounts, the committee KKR Syddanmark, its real
 * meeting of 3 September 2025 (imported from the published minutes) and an upcoming meeting
 * made from the template. Does nothing when there are users already.
 */
export async function seedDemo(store: Store, meetings: MeetingService): Promise<boolean> {
  if ((await store.users.listUsers()).length > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    await store.users.createUser({
      id: account.id,
      email: account.email,
      name: account.name,
      initials: account.initials,
      color: account.color,
      passwordHash,
      active: true,
    });
  }
  await meetings.createCommittee("KKR Syddanmark", DEMO_COMMITTEE_ID);
  for (const account of DEMO_ACCOUNTS) {
    await store.users.setMembership(account.id, DEMO_COMMITTEE_ID, account.role);
  }
  const fixture = FIXTURE_PLACES.find((place) => existsSync(place));
  if (!fixture) throw new Error(`demo fixture not found in ${FIXTURE_PLACES.join(" or ")}`);
  const parsed = parseAgendaText(await readFile(fixture, "utf8"));
  if (!parsed.ok) throw new Error(`demo fixture does not parse: ${parsed.error.message}`);
  await meetingFromImport(meetings, store, parsed.value, {
    committeeId: DEMO_COMMITTEE_ID,
    details: {
      title: "Møde i KKR Syddanmark",
      date: "2025-09-03",
      startTime: "10:00",
      endTime: "13:00",
      place: "Odense",
    },
    userId: null,
    idPrefix: "demo",
    meetingId: DEMO_MEETING_ID,
  });
  const next = new Date(Date.now() + 21 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await meetings.createFromTemplate(
    DEMO_COMMITTEE_ID,
    {
      title: "Møde i KKR Syddanmark",
      date: next,
      startTime: "10:00",
      endTime: "13:00",
      place: "Odense",
    },
    "u-sekretariat",
  );
  return true;
}
