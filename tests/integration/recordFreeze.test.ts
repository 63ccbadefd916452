/**
 * Record integrity (issue #12): once the chair approves the minutes, every way into the meeting's
 * record is refused — sync updates to item, minutes and meeting documents from stock and raw
 * clients, every agenda command, bilag upload, replacement and deletion, version restore,
 * attendance, item workflow steps, comments — and the record hash, the referat exports and the
 * published referat stay byte for byte what they were at approval.
 */
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import type { AgendaCommand } from "../../shared/model";
import { MessageType, RefusedReason, SyncMessageType } from "../../shared/protocol";
import { publishAccepting, stepMeeting } from "./helpers/meetingSteps";
import { openRaw } from "./helpers/rawSocket";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { connectClient, typeInto, waitSynced } from "./helpers/yClient";

const M = DEMO_MEETING_ID;
const ITEM = "demo-2-1";
const OTHER = "demo-2-2";
const SECTION = "demo-s2";
const MINUTES = `minutes:${M}`;
const MEETING_DOC = `meeting:${M}`;
const FORMATS = ["pdf", "docx", "html"] as const;
const VARIANTS = ["internal", "public"] as const;

/** Every agenda command the HTTP API takes, aimed at live entries of the demo meeting. */
const COMMANDS: AgendaCommand[] = [
  { type: "updateMeeting", details: { place: "Vejle" } },
  { type: "createSection", title: "Ny sektion" },
  { type: "renameSection", sectionId: SECTION, title: "Omdøbt" },
  { type: "moveSection", sectionId: SECTION, toIndex: 0 },
  { type: "deleteSection", sectionId: SECTION },
  { type: "restoreSection", sectionId: SECTION },
  { type: "createItem", sectionId: SECTION, title: "Nyt punkt" },
  { type: "updateItem", itemId: ITEM, title: "Ny titel" },
  { type: "updateItem", itemId: ITEM, caseNumber: "SAG-2025-99999" },
  { type: "updateItem", itemId: ITEM, officers: ["mlal"] },
  { type: "updateItem", itemId: ITEM, closed: true },
  { type: "moveItem", itemId: ITEM, toSectionId: SECTION, toIndex: 3 },
  { type: "deleteItem", itemId: ITEM },
  { type: "restoreItem", itemId: ITEM },
  {
    type: "setAttendance",
    attendance: {
      present: ["Indsat bagefter"],
      absent: [],
      notPresentForItem: {},
      substitutes: [],
    },
  },
];

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncMessageType.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe("approved minutes freeze the whole meeting record", () => {
  let server: TestServer;
  let secretariat: TestSession;
  let chair: TestSession;
  const clients: YClient[] = [];

  async function stored(doc: string): Promise<Uint8Array> {
    const loaded = await server.store.docs.loadDoc(doc);
    const ydoc = new Y.Doc();
    for (const part of [...(loaded!.snapshot ? [loaded!.snapshot] : []), ...loaded!.updates])
      Y.applyUpdate(ydoc, part);
    const state = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
    return state;
  }

  async function bytes(path: string, who: TestSession | null = secretariat): Promise<Buffer> {
    const res = who ? await who.request("GET", path) : await fetch(`${server.url}${path}`);
    expect(res.status, path).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  async function exports(): Promise<Map<string, Buffer>> {
    const files = new Map<string, Buffer>();
    for (const variant of VARIANTS) {
      for (const format of FORMATS) {
        const path = `/api/meetings/${M}/export.${format}?kind=referat&variant=${variant}`;
        files.set(path, await bytes(path));
      }
    }
    return files;
  }

  async function recordHash(): Promise<string> {
    const res = await secretariat.request("GET", `/api/meetings/${M}/record?kind=referat`);
    return ((await res.json()) as { recordHash: string }).recordHash;
  }

  async function connect(who: TestSession, doc: string): Promise<YClient> {
    const client = connectClient(server.url, doc, await who.syncToken(doc));
    clients.push(client);
    await waitSynced(client);
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    chair = await login(server.url, "formand@demo.dk");
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.dispose();
  });

  it("refuses every write path after approval; hash, exports and publication stay byte-identical", async () => {
    // Before approval: a bilag and a named version to attack later, a Beslutning, attendance.
    const upload = await fetch(`${server.url}/api/items/${ITEM}/attachments?filename=notat.txt`, {
      method: "POST",
      headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
      body: "Et notat til punktet.",
    });
    expect(upload.status).toBe(201);
    const bilag = ((await upload.json()) as { attachment: { id: string } }).attachment.id;
    const named = await secretariat.request("POST", `/api/items/${ITEM}/versions`, {
      name: "Før mødet",
    });
    const versionId = ((await named.json()) as { version: { id: string } }).version.id;
    expect((await stepMeeting(secretariat, M, "sendAgenda")).status).toBe(200);
    expect((await stepMeeting(secretariat, M, "holdMeeting")).status).toBe(200);
    const attendance = await secretariat.request("POST", `/api/meetings/${M}/commands`, {
      type: "setAttendance",
      attendance: { present: ["Formand A"], absent: ["Medlem C"], notPresentForItem: {} },
    });
    expect(attendance.status).toBe(200);

    // Editors open while the chair approves: the item (writing) and the minutes (writing).
    const itemWriter = await connect(secretariat, `item:${ITEM}`);
    typeInto(itemWriter.doc, "baggrund", " Skrevet før godkendelsen.");
    await itemWriter.save();
    const minutesWriter = await connect(secretariat, MINUTES);
    minutesWriter.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("KKR Syddanmark tog orienteringen til efterretning.")]);
      minutesWriter.doc.getXmlFragment(ITEM).insert(0, [paragraph]);
    });
    await minutesWriter.save();

    const approved = await stepMeeting(chair, M, "approveMinutes");
    expect(approved.status).toBe(200);
    const { meeting } = (await approved.json()) as {
      meeting: { phase: string; approval: { recordHash: string; itemVersionIds: object } };
    };
    expect(meeting.phase).toBe("referat_godkendt");
    expect(meeting.approval.recordHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(meeting.approval.itemVersionIds)).toContain(ITEM);
    const hash = await recordHash();
    expect(hash).toBe(meeting.approval.recordHash);

    // What approval produced: the exports, and the published referat.
    const atApproval = await exports();
    const published = await publishAccepting(secretariat, M, "referat");
    expect(published.status).toBe(200);
    const publication = ((await published.json()) as { publication: { id: string } }).publication;
    const publicPaths = ["", ".html", ".pdf", ".docx"].map(
      (ext) => `/offentlig/dokumenter/${publication.id}${ext}`,
    );
    const publishedFiles = new Map<string, Buffer>();
    for (const path of publicPaths) publishedFiles.set(path, await bytes(path, null));
    // Published = approved: the stored files are the public export of the approved record.
    for (const format of FORMATS) {
      const ext = `.${format}`;
      expect(
        publishedFiles
          .get(`/offentlig/dokumenter/${publication.id}${ext}`)!
          .equals(
            atApproval.get(`/api/meetings/${M}/export.${format}?kind=referat&variant=public`)!,
          ),
        format,
      ).toBe(true);
    }
    expect(publishedFiles.get(publicPaths[1]!)!.toString()).toContain(hash);

    const before = {
      item: await stored(`item:${ITEM}`),
      other: await stored(`item:${OTHER}`),
      minutes: await stored(MINUTES),
      meetingDoc: await stored(MEETING_DOC),
      meeting: (await server.store.meetings.getMeeting(M))!.data,
    };

    // 1. The editors that were open: demoted at once; what they type now is not applied.
    // They are told why (104 refused, record_frozen), and never "saved" (editor branch).
    typeInto(itemWriter.doc, "baggrund", " Efter godkendelsen (åben editor).");
    await expect(itemWriter.save()).rejects.toThrow(`refused: ${RefusedReason.recordFrozen}`);
    minutesWriter.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("Tilføjet efter godkendelsen.")]);
      minutesWriter.doc.getXmlFragment(ITEM).insert(1, [paragraph]);
    });
    await expect(minutesWriter.save()).rejects.toThrow(`refused: ${RefusedReason.recordFrozen}`);

    // 2. New stock y-websocket clients as the secretariat on item, minutes and meeting documents.
    const lateItem = await connect(secretariat, `item:${OTHER}`);
    typeInto(lateItem.doc, "sagsfremstilling", " Efter godkendelsen (ny forbindelse).");
    await expect(lateItem.save()).rejects.toThrow(`refused: ${RefusedReason.recordFrozen}`);
    const lateMinutes = await connect(secretariat, MINUTES);
    lateMinutes.doc.getXmlFragment(OTHER).insert(0, [new Y.XmlElement("paragraph")]);
    await expect(lateMinutes.save()).rejects.toThrow(`refused: ${RefusedReason.recordFrozen}`);
    const lateMeeting = await connect(secretariat, MEETING_DOC);
    lateMeeting.doc.getMap("meeting").set("state", { hacked: true });
    // The meeting document is the server's alone, frozen or not.
    await expect(lateMeeting.save()).rejects.toThrow(`refused: ${RefusedReason.readOnly}`);

    // 3. A raw socket sending a bare update to the item: answered "permission denied", never applied.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, before.item);
    const sv = Y.encodeStateVector(forged);
    typeInto(forged, "indstilling", " Rå opdatering.");
    const raw = openRaw(
      `${server.url.replace("http", "ws")}/sync/item:${ITEM}?token=${await secretariat.syncToken(`item:${ITEM}`)}`,
    );
    await raw.opened;
    raw.send(updateMessage(Y.encodeStateAsUpdate(forged, sv)));
    await waitFor(() => raw.messages.some((m) => m[0] === MessageType.auth), {
      message: "permission denied to the raw update",
    });
    raw.ws.close();

    // 4. Every agenda command, bilag upload / replacement / deletion, restore, workflow, comments.
    for (const command of COMMANDS) {
      const res = await secretariat.request("POST", `/api/meetings/${M}/commands`, command);
      expect(res.status, command.type).toBe(409);
      expect(await res.json(), command.type).toMatchObject({ error: "record_frozen" });
    }
    const raw409 = async (res: Response, what: string) => {
      expect(res.status, what).toBe(409);
      expect(await res.json(), what).toMatchObject({
        error: "record_frozen",
        message: expect.stringContaining("Genåbn referatet"),
      });
    };
    const headers = { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken };
    await raw409(
      await fetch(`${server.url}/api/items/${ITEM}/attachments?filename=nyt.txt`, {
        method: "POST",
        headers,
        body: "Nyt bilag efter godkendelsen.",
      }),
      "upload",
    );
    await raw409(
      await fetch(`${server.url}/api/attachments/${bilag}/replace?filename=notat.txt`, {
        method: "POST",
        headers,
        body: "Erstattet indhold.",
      }),
      "replace",
    );
    await raw409(await secretariat.request("DELETE", `/api/attachments/${bilag}`), "delete");
    await raw409(
      await secretariat.request("POST", `/api/items/${ITEM}/versions/${versionId}/restore`),
      "restore",
    );
    for (const transition of ["sendToReview", "sendBack", "reopen"]) {
      await raw409(
        await secretariat.request("POST", `/api/items/${ITEM}/transitions`, {
          transition,
          reason: "Forsøg",
        }),
        transition,
      );
    }
    await raw409(
      await secretariat.request("POST", `/api/items/${ITEM}/comments`, {
        anchor: { start: "AA==", end: "AA==" },
        quote: "x",
        text: "En kommentar",
        mentions: [],
      }),
      "comment",
    );
    for (const step of ["sendAgenda", "holdMeeting", "approveMinutes"]) {
      expect((await stepMeeting(secretariat, M, step)).status, step).toBe(403);
    }

    // Nothing changed: the stored documents and meeting, the hash, the exports, the publication.
    expect(Buffer.from(await stored(`item:${ITEM}`)).equals(before.item)).toBe(true);
    expect(Buffer.from(await stored(`item:${OTHER}`)).equals(before.other)).toBe(true);
    expect(Buffer.from(await stored(MINUTES)).equals(before.minutes)).toBe(true);
    expect(Buffer.from(await stored(MEETING_DOC)).equals(before.meetingDoc)).toBe(true);
    expect((await server.store.meetings.getMeeting(M))!.data).toBe(before.meeting);
    expect(await recordHash()).toBe(hash);
    const after = await exports();
    for (const [path, file] of atApproval) expect(after.get(path)!.equals(file), path).toBe(true);
    for (const [path, file] of publishedFiles) {
      expect((await bytes(path, null)).equals(file), path).toBe(true);
    }
    // Every refusal of a command left no audit entry of a change.
    const audit = await server.store.audit.listAudit({ meetingId: M });
    const approval = audit.findIndex((e) => e.action === "meeting.approveMinutes");
    expect(audit.slice(approval + 1).filter((e) => e.action.startsWith("agenda."))).toEqual([]);
  });
});
