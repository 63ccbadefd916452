import * as fc from "fast-check";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { encodeAwarenessUpdate, Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beslutningSchema, itemBodySchema } from "../../shared/editor";
import { CloseCode, MessageType, SyncMessageType } from "../../shared/protocol";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { unapprovedItems } from "../../shared/model";
import { openRaw } from "./helpers/rawSocket";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { typeInto } from "./helpers/yClient";

const ITEM = `item:${DEMO_ITEM_ID}`;
const MEETING = `meeting:${DEMO_MEETING_ID}`;
const MINUTES = `minutes:${DEMO_MEETING_ID}`;
const PROBE_ID = 987_654;
const DOCUMENTED_CLOSES = new Set<number>([
  CloseCode.badMessage,
  CloseCode.invalidUpdate,
  CloseCode.documentTooLarge,
  CloseCode.messageTooLarge,
  CloseCode.overloaded,
]);

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

/** Real messages of every kind, which the mutations below start from. */
function validMessages(base: Uint8Array): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const sv = Y.encodeStateVector(doc);
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  typeInto(doc, "sagsfremstilling", " fuzz");
  doc.getXmlFragment("default").delete(0, 1);
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: "Fuzz", color: "#000" } });
  return [
    ...updates.map((u) =>
      frame((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        encoding.writeVarUint(e, SyncMessageType.update);
        encoding.writeVarUint8Array(e, u);
      }),
    ),
    frame((e) => {
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SyncMessageType.step1);
      encoding.writeVarUint8Array(e, sv);
    }),
    frame((e) => {
      encoding.writeVarUint(e, MessageType.awareness);
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [doc.clientID]));
    }),
  ];
}

function mutate(
  message: Uint8Array,
  kind: number,
  at: number,
  value: number,
  extra: Uint8Array,
): Uint8Array {
  const i = message.length === 0 ? 0 : at % message.length;
  switch (kind) {
    case 0: {
      const copy = message.slice();
      copy[i] = value;
      return copy;
    }
    case 1:
      return message.slice(0, i);
    case 2:
      return new Uint8Array([...message, ...extra]);
    default: {
      const copy = message.slice();
      for (let k = 0; k < extra.length; k++) copy[(i + k) % Math.max(copy.length, 1)] = extra[k]!;
      return copy;
    }
  }
}

/** Valid minutes updates: a Beslutning paragraph added to an item, and one deleted. */
function minutesMessages(base: Y.Doc): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("KKR Syddanmark godkendte indstillingen.")]);
  doc.getXmlFragment("demo-2-5").insert(0, [paragraph]);
  doc.getXmlFragment("demo-1-1").delete(0, 1);
  return updates.map((u) =>
    frame((e) => {
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SyncMessageType.update);
      encoding.writeVarUint8Array(e, u);
    }),
  );
}

/**
 * The minutes' content, root by root. Empty roots are left out: a refused update that wrote to
 * a new root is reverted, but Yjs cannot forget a root's name, so the stored document keeps that
 * root with nothing in it — which is no change to the minutes (the schema treats an empty root
 * as never written).
 */
function minutesXml(doc: Y.Doc): string {
  return [...doc.share.keys()]
    .sort()
    .map((k) => [k, doc.getXmlFragment(k).toString()])
    .filter(([, xml]) => xml !== "")
    .map(([k, xml]) => `${k}:${xml}`)
    .join("|");
}

describe("fuzzing the websocket with random and mutated messages", () => {
  let server: TestServer;
  let tokens: Record<string, string>;
  let seeds: Uint8Array[];

  beforeAll(async () => {
    server = await startTestServer();
    const session = await login(server.url, "sekretariat@demo.dk");
    // The meeting is held, so the secretariat writes the minutes: a third validated document.
    const secretariat = (await server.store.users.getUser("u-sekretariat"))!;
    const meeting = await server.meetings.meeting(DEMO_MEETING_ID);
    await server.phases.step(secretariat, DEMO_MEETING_ID, "sendAgenda", {
      confirmUnapprovedItems: unapprovedItems(meeting.agenda).map((item) => item.id),
    });
    await server.phases.step(secretariat, DEMO_MEETING_ID, "holdMeeting");
    tokens = {
      [ITEM]: await session.syncToken(ITEM),
      [MEETING]: await session.syncToken(MEETING),
      [MINUTES]: await session.syncToken(MINUTES),
    };
    const stored = await server.store.docs.loadDoc(ITEM);
    seeds = [...validMessages(stored!.snapshot!), ...minutesMessages(await storedState(MINUTES))];
  });
  afterAll(async () => {
    await server.dispose();
  });

  async function storedState(doc: string): Promise<Y.Doc> {
    const stored = await server.store.docs.loadDoc(doc);
    const ydoc = new Y.Doc();
    ydoc.transact(() => {
      for (const part of [...(stored!.snapshot ? [stored!.snapshot] : []), ...stored!.updates])
        Y.applyUpdate(ydoc, part);
    });
    return ydoc;
  }

  /**
   * Sends one message on a fresh connection; resolves with the close code, or null if the
   * connection stayed open and answered the save request after it.
   */
  async function sendOne(doc: string, bytes: Uint8Array): Promise<number | null> {
    const raw = openRaw(`${server.url.replace("http", "ws")}/sync/${doc}?token=${tokens[doc]}`);
    await raw.opened;
    raw.send(bytes);
    raw.send(
      frame((e) => {
        encoding.writeVarUint(e, MessageType.saveRequest);
        encoding.writeVarUint(e, PROBE_ID);
      }),
    );
    const acked = new Promise<null>((resolve) => {
      raw.ws.on("message", (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data));
        const type = decoding.readVarUint(d);
        // Answered: saved, or refused (the update was not applied; no request is confirmed).
        if (type === MessageType.refused) resolve(null);
        if (type === MessageType.saved && decoding.readVarUint(d) === PROBE_ID) resolve(null);
      });
    });
    const result = await Promise.race([acked, raw.closed.then((c) => c.code)]);
    if (result === null) raw.ws.close();
    return result;
  }

  it("keeps the server up, closes each bad connection with a documented code, and changes no stored document", async () => {
    const anyBytes = fc.uint8Array({ maxLength: 96 });
    const typedGarbage = fc
      .tuple(fc.constantFrom(0, 1, 2, 3, 100, 101, 102, 103, 127, 255), anyBytes)
      .map(([t, rest]) => new Uint8Array([t, ...rest]));
    const syncGarbage = fc.tuple(fc.integer({ min: 0, max: 3 }), anyBytes).map(([sub, payload]) =>
      frame((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        encoding.writeVarUint(e, sub);
        encoding.writeVarUint8Array(e, payload);
      }),
    );
    const mutated = fc
      .tuple(
        fc.nat(),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        fc.uint8Array({ minLength: 1, maxLength: 8 }),
      )
      .map(([which, kind, at, value, extra]) =>
        mutate(seeds[which % seeds.length]!, kind, at, value, extra),
      );
    const message = fc.oneof(anyBytes, typedGarbage, syncGarbage, mutated, mutated);
    const target = fc.constantFrom(ITEM, MEETING, MINUTES);

    let closed = 0;
    let accepted = 0;
    let messages = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(target, message), { minLength: 1, maxLength: 6 }),
        async (batch) => {
          const itemBefore = await storedState(ITEM);
          const minutesBefore = await storedState(MINUTES);
          const meetingBefore = Y.encodeStateAsUpdate(await storedState(MEETING));
          const results = await Promise.all(batch.map(([doc, bytes]) => sendOne(doc, bytes)));
          messages += batch.length;
          for (const code of results) {
            if (code === null) accepted += 1;
            else {
              closed += 1;
              expect(DOCUMENTED_CLOSES.has(code), `close code ${code}`).toBe(true);
            }
          }
          expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
          // The meeting document is read-only for clients: never changed by anything.
          expect(Y.encodeStateAsUpdate(await storedState(MEETING))).toEqual(meetingBefore);
          const itemAfter = await storedState(ITEM);
          const itemConnectionsAccepted = batch.some(
            ([doc], i) => doc === ITEM && results[i] === null,
          );
          if (!itemConnectionsAccepted) {
            expect(itemAfter.getXmlFragment("default").toString()).toBe(
              itemBefore.getXmlFragment("default").toString(),
            );
          }
          const minutesAfter = await storedState(MINUTES);
          if (!batch.some(([doc], i) => doc === MINUTES && results[i] === null)) {
            expect(minutesXml(minutesAfter)).toBe(minutesXml(minutesBefore));
          }
          for (const name of minutesAfter.share.keys()) {
            const fragment = minutesAfter.getXmlFragment(name);
            if (fragment.length > 0) {
              beslutningSchema().nodeFromJSON(yXmlFragmentToProsemirrorJSON(fragment)).check();
            }
          }
          // Whatever was accepted, the stored body is a valid item body.
          itemBodySchema()
            .nodeFromJSON(yXmlFragmentToProsemirrorJSON(itemAfter.getXmlFragment("default")))
            .check();
        },
      ),
      { numRuns: 400 },
    );
    expect(messages).toBeGreaterThan(1000);
    expect(closed).toBeGreaterThan(messages / 2);
    expect(accepted).toBeGreaterThan(0);
  });
});
