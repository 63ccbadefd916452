import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { formatDocName } from "../../shared/docName";
import type { AgendaItem, AttachmentEntry, Meeting } from "../../shared/model";
import { MEETING_DOC_ROOT, MEETING_DOC_STATE_KEY } from "../../shared/model";
import { readAgendaFile } from "../../server/import";
import { DEMO_COMMITTEE_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { publishAccepting, stepMeeting } from "./helpers/meetingSteps";
import { openRaw } from "./helpers/rawSocket";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import { connectClient, waitSynced } from "./helpers/yClient";

/**
 * Closed items (lukket punkt) through import and to readers. The demo meeting gets a closed item
 * with bilag; our own internal exports of it (PDF, DOCX, HTML) are imported again and must come
 * back with the item closed, no "Lukket punkt" in any body and the bilag list as bilag entries.
 * Then every way a reader has into the meeting is tried for the closed item's bilag metadata.
 */

const CLOSED = "demo-2-2";
const OPEN = "demo-2-3";
const SECRET_NAMES = ["Fortroligt notat om personsag.txt", "Økonomi for lukket sag.csv"];
const OPEN_NAME = "Årsrapport 2024.txt";

interface Upload {
  id: string;
  filename: string;
  sha256: string;
}

let server: TestServer;
let secretariat: TestSession;
let reader: TestSession;
const secret: Upload[] = [];

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function upload(itemId: string, filename: string, text: string, entry?: string) {
  const response = await fetch(
    `${server.url}/api/items/${itemId}/attachments?filename=${encodeURIComponent(filename)}` +
      (entry ? `&entry=${entry}` : ""),
    {
      method: "POST",
      headers: {
        cookie: secretariat.cookie,
        "x-csrf-token": secretariat.csrfToken,
        "content-type": "application/octet-stream",
      },
      body: new TextEncoder().encode(text),
    },
  );
  return (await json<{ attachment: Upload }>(response, 201)).attachment;
}

async function importFile(bytes: Uint8Array) {
  const response = await fetch(`${server.url}/api/committees/${DEMO_COMMITTEE_ID}/imports`, {
    method: "POST",
    headers: {
      cookie: secretariat.cookie,
      "x-csrf-token": secretariat.csrfToken,
      "content-type": "application/octet-stream",
    },
    body: Buffer.from(bytes),
  });
  return (await json<{ meeting: Meeting }>(response, 201)).meeting;
}

async function exportBytes(session: TestSession, format: string, query: string) {
  const response = await session.request(
    "GET",
    `/api/meetings/${DEMO_MEETING_ID}/export.${format}?${query}`,
  );
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

function items(meeting: Meeting): AgendaItem[] {
  return meeting.agenda.sections.flatMap((section) => section.items);
}

/** Every trace of the closed item's bilag a response could hold. */
function expectNoSecret(text: string, where: string) {
  for (const attachment of secret) {
    expect(text, `${where}: ${attachment.filename}`).not.toContain(attachment.filename);
    expect(text, `${where}: ${attachment.id}`).not.toContain(attachment.id);
    expect(text, `${where}: sha256`).not.toContain(attachment.sha256);
  }
}

beforeAll(async () => {
  server = await startTestServer();
  secretariat = await login(server.url, "sekretariat@demo.dk");
  reader = await login(server.url, "laeser@demo.dk");
  for (const name of SECRET_NAMES) {
    secret.push(await upload(CLOSED, name, `Indhold af ${name}`));
  }
  await upload(OPEN, OPEN_NAME, "Årsrapporten");
  await json(
    await secretariat.request("POST", `/api/meetings/${DEMO_MEETING_ID}/commands`, {
      type: "updateItem",
      itemId: CLOSED,
      closed: true,
    }),
  );
}, 60_000);

afterAll(async () => {
  await server.dispose();
});

describe("importing our own internal export of a meeting with a closed item", () => {
  const FORMATS = ["pdf", "docx", "html"] as const;

  it.each(FORMATS)(
    "from %s: the item comes back closed, with its bilag as entries and no marker in any body",
    async (format) => {
      const file = await exportBytes(secretariat, format, "kind=dagsorden&variant=internal");
      const meeting = await importFile(file);
      const numbers = (meeting as Meeting & { numbers: Record<string, string> }).numbers;
      const byNumber = new Map(items(meeting).map((item) => [numbers[item.id], item]));
      const closed = byNumber.get("2.2")!;
      expect(closed.title).toBe("Siden sidst");
      expect(closed.closed).toBe(true);
      expect(closed.attachments).toEqual(
        SECRET_NAMES.map((filename) => ({ id: expect.any(String), filename, missingFile: true })),
      );
      const open = byNumber.get("2.3")!;
      expect(open.closed).toBe(false);
      expect(open.attachments.map((a) => a.filename)).toEqual([OPEN_NAME]);
      expect(items(meeting).filter((item) => item.closed)).toHaveLength(1);

      const document = await json<{ bodies: Record<string, unknown> }>(
        await secretariat.request("GET", `/api/meetings/${meeting.id}/document`),
      );
      const bodies = JSON.stringify(document.bodies);
      expect(bodies).not.toMatch(/lukket punkt/i);
      expect(bodies).not.toMatch(/Bilag \d+:/);
      for (const name of SECRET_NAMES) expect(bodies).not.toContain(name);
      // The closed item's own text is kept, internal.
      expect(JSON.stringify(document.bodies[closed.id])).toContain("formandskab");

      // Its public export withholds the body and lists no bilag without a file.
      const publicHtml = await (
        await secretariat.request(
          "GET",
          `/api/meetings/${meeting.id}/export.html?kind=dagsorden&variant=public`,
        )
      ).text();
      expect(publicHtml).not.toContain("formandskab");
      expect(publicHtml).not.toContain(OPEN_NAME);
      for (const name of SECRET_NAMES) expect(publicHtml).not.toContain(name);
      // The internal one lists them, marked.
      const internalHtml = await (
        await secretariat.request(
          "GET",
          `/api/meetings/${meeting.id}/export.html?kind=dagsorden&variant=internal`,
        )
      ).text();
      expect(internalHtml).toContain(`Bilag 1: ${OPEN_NAME} (fil mangler)`);
    },
    60_000,
  );

  it.each(FORMATS)(
    "from the public %s export: the closed item comes back closed and empty",
    async (format) => {
      const file = await exportBytes(secretariat, format, "kind=dagsorden&variant=public");
      const text = await readAgendaFile(file);
      expect(text.ok && text.value.text).toContain("Lukket punkt");
      const meeting = await importFile(file);
      const numbers = (meeting as Meeting & { numbers: Record<string, string> }).numbers;
      const closed = items(meeting).find((item) => numbers[item.id] === "2.2")!;
      expect(closed).toMatchObject({ title: "Siden sidst", closed: true, attachments: [] });
      const document = await json<{ bodies: Record<string, unknown> }>(
        await secretariat.request("GET", `/api/meetings/${meeting.id}/document`),
      );
      expect(JSON.stringify(document.bodies)).not.toMatch(/lukket punkt/i);
    },
    60_000,
  );

  it("lets the secretariat upload the file of an imported bilag, or remove the entry", async () => {
    const file = await exportBytes(secretariat, "docx", "kind=dagsorden&variant=internal");
    const meeting = await importFile(file);
    const numbers = (meeting as Meeting & { numbers: Record<string, string> }).numbers;
    const closed = items(meeting).find((item) => numbers[item.id] === "2.2")!;
    const [first, second] = closed.attachments as AttachmentEntry[];

    const filled = await upload(closed.id, "notat.txt", "Notatet", first!.id);
    expect(filled.id).toBe(first!.id);
    const again = await fetch(
      `${server.url}/api/items/${closed.id}/attachments?filename=x.txt&entry=${first!.id}`,
      {
        method: "POST",
        headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
        body: "igen",
      },
    );
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe("attachment_exists");

    const removed = await secretariat.request(
      "DELETE",
      `/api/items/${closed.id}/attachments/${second!.id}`,
    );
    expect(removed.status).toBe(200);
    const list = await json<{ attachments: AttachmentEntry[] }>(
      await secretariat.request("GET", `/api/items/${closed.id}/attachments`),
    );
    expect(list.attachments).toEqual([
      expect.objectContaining({ id: first!.id, filename: "notat.txt", size: 7 }),
    ]);
  }, 60_000);

  it("freezes an imported bilag's entry with the record: no file into it, no removal, in the hash", async () => {
    const file = await exportBytes(secretariat, "docx", "kind=dagsorden&variant=internal");
    const meeting = await importFile(file);
    const numbers = (meeting as Meeting & { numbers: Record<string, string> }).numbers;
    const closed = items(meeting).find((item) => numbers[item.id] === "2.2")!;
    const [entry] = closed.attachments as AttachmentEntry[];
    const chair = await login(server.url, "formand@demo.dk");
    for (const [who, step] of [
      [secretariat, "sendAgenda"],
      [secretariat, "holdMeeting"],
      [chair, "approveMinutes"],
    ] as const) {
      expect((await stepMeeting(who, meeting.id, step)).status, step).toBe(200);
    }
    const record = async () =>
      (
        await json<{ recordHash: string }>(
          await secretariat.request("GET", `/api/meetings/${meeting.id}/record?kind=referat`),
        )
      ).recordHash;
    const hash = await record();

    const filled = await fetch(
      `${server.url}/api/items/${closed.id}/attachments?filename=notat.txt&entry=${entry!.id}`,
      {
        method: "POST",
        headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
        body: "Notatet",
      },
    );
    expect(filled.status).toBe(409);
    expect(((await filled.json()) as { error: string }).error).toBe("record_frozen");
    const removed = await secretariat.request(
      "DELETE",
      `/api/items/${closed.id}/attachments/${entry!.id}`,
    );
    expect(removed.status).toBe(409);
    expect(((await removed.json()) as { error: string }).error).toBe("record_frozen");

    const after = await json<{ attachments: AttachmentEntry[] }>(
      await secretariat.request("GET", `/api/items/${closed.id}/attachments`),
    );
    expect(after.attachments).toEqual(closed.attachments);
    expect(await record()).toBe(hash);
  }, 60_000);
});

describe("a closed item's bilag, as a reader", () => {
  beforeAll(async () => {
    await json(await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda"));
  });

  it("are in no HTTP answer about the meeting", async () => {
    for (const path of [
      `/api/meetings/${DEMO_MEETING_ID}`,
      `/api/meetings/${DEMO_MEETING_ID}/document`,
      `/api/items`,
      `/api/meetings/${DEMO_MEETING_ID}/publications`,
      `/api/committees/${DEMO_COMMITTEE_ID}/meetings`,
    ]) {
      const response = await reader.request("GET", path);
      expect(response.status, path).toBe(200);
      expectNoSecret(await response.text(), path);
    }
    // The open item's bilag are there: the reader sees what is public.
    const meeting = await (await reader.request("GET", `/api/meetings/${DEMO_MEETING_ID}`)).text();
    expect(meeting).toContain(OPEN_NAME);
  });

  it("cannot be listed, downloaded or deleted", async () => {
    // A member is told precisely why (editor branch: 403 item_closed); nothing of the bilag.
    const refused = async (response: Response, what: string) => {
      expect(response.status, what).toBe(403);
      const body = await response.text();
      expect(JSON.parse(body), what).toMatchObject({ error: "item_closed" });
      expectNoSecret(body, what);
    };
    await refused(await reader.request("GET", `/api/items/${CLOSED}/attachments`), "list");
    await refused(await reader.request("GET", `/api/items/${CLOSED}`), "item");
    for (const attachment of secret) {
      await refused(await reader.request("GET", `/api/attachments/${attachment.id}`), "download");
      await refused(await reader.request("DELETE", `/api/attachments/${attachment.id}`), "delete");
      await refused(
        await reader.request("DELETE", `/api/items/${CLOSED}/attachments/${attachment.id}`),
        "delete entry",
      );
    }
  });

  it("are in none of the exports a reader gets, even asking for the internal variant", async () => {
    for (const kind of ["dagsorden", "referat"]) {
      const html = new TextDecoder().decode(
        await exportBytes(reader, "html", `kind=${kind}&variant=internal`),
      );
      expectNoSecret(html, `${kind} html`);
      for (const format of ["pdf", "docx"]) {
        const read = await readAgendaFile(
          await exportBytes(reader, format, `kind=${kind}&variant=internal`),
        );
        expect(read.ok).toBe(true);
        if (read.ok) expectNoSecret(read.value.text, `${kind} ${format}`);
      }
    }
  }, 60_000);

  it("are not in the live meeting document, for a stock client nor in the raw bytes", async () => {
    const doc = formatDocName("meeting", DEMO_MEETING_ID);
    const client = connectClient(server.url, doc, await reader.syncToken(doc));
    try {
      expect(await waitSynced(client)).toBe(true);
      const meeting = client.doc.getMap(MEETING_DOC_ROOT).get(MEETING_DOC_STATE_KEY) as Meeting;
      expect(items(meeting).find((item) => item.id === CLOSED)).toMatchObject({
        closed: true,
        attachments: [],
      });
      expectNoSecret(JSON.stringify(client.doc.toJSON()), "meeting doc");
    } finally {
      client.destroy();
    }
    // The full state a joining client is sent, byte for byte: no deleted earlier projection
    // (from before the item was closed) carries the names either.
    const raw = openRaw(
      `${server.url.replace("http", "ws")}/sync/${doc}?token=${await reader.syncToken(doc)}`,
    );
    await raw.opened;
    // Sync step 1 with an empty state vector: "send me everything".
    raw.send(new Uint8Array([0, 0, 1, 0]));
    await waitFor(() => raw.messages.some((m) => m[0] === 0 && m[1] === 1));
    const step2 = raw.messages.find((m) => m[0] === 0 && m[1] === 1)!;
    const replay = new Y.Doc();
    Y.applyUpdate(replay, step2.subarray(2 + lengthPrefix(step2.subarray(2))));
    expect(replay.getMap(MEETING_DOC_ROOT).get(MEETING_DOC_STATE_KEY)).toBeDefined();
    const bytes = Buffer.concat(raw.messages.map((message) => Buffer.from(message)));
    expectNoSecret(bytes.toString("utf8"), "raw sync bytes");
    replay.destroy();
    raw.ws.close();
  });

  it("are not on the public pages after publishing", async () => {
    const published = await json<{ publication: { id: string } }>(
      await publishAccepting(secretariat, DEMO_MEETING_ID, "dagsorden"),
    );
    for (const path of [
      `/offentlig/${DEMO_COMMITTEE_ID}`,
      `/offentlig/dokumenter/${published.publication.id}`,
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expectNoSecret(await response.text(), path);
    }
    for (const format of ["pdf", "docx"]) {
      const response = await fetch(
        `${server.url}/offentlig/dokumenter/${published.publication.id}.${format}`,
      );
      const read = await readAgendaFile(new Uint8Array(await response.arrayBuffer()));
      expect(read.ok).toBe(true);
      if (read.ok) expectNoSecret(read.value.text, `public ${format}`);
    }
  }, 60_000);
});

/** The byte length of a lib0 varuint at the start of `bytes`. */
function lengthPrefix(bytes: Uint8Array): number {
  let length = 0;
  while (bytes[length]! >= 0x80) length += 1;
  return length + 1;
}
