import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SyncDoc } from "../../../server/sync/SyncDoc";
import type { Outbound } from "../../../server/sync/outbound";
import { RecordingPeer as Peer, useTempStore } from "./harness";

const stores = useTempStore();

async function openDoc(initial = new Y.Doc()): Promise<SyncDoc> {
  await stores().docs.createDoc("meeting:m1", Y.encodeStateAsUpdate(initial));
  const doc = new SyncDoc({
    name: "meeting:m1",
    kind: "meeting",
    store: stores().docs,
    validator: null,
    compactAfterUpdates: 500,
    log: () => undefined,
  });
  await doc.load();
  await doc.ready();
  return doc;
}

/** A client that has synced with the server's doc and types into text "t". */
function writer(doc: SyncDoc) {
  const local = new Y.Doc();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(doc.doc));
  return (text: string): Uint8Array => {
    const before = Y.encodeStateVector(local);
    local.getText("t").insert(local.getText("t").length, text);
    return Y.encodeStateAsUpdate(local, before);
  };
}

/** The update inside a `[sync, step2 | update, bytes]` message. */
function updateOf(message: Outbound): Uint8Array {
  const decoder = decoding.createDecoder(message.bytes);
  expect(decoding.readVarUint(decoder)).toBe(0);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

function textAfter(...updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText("t").toString();
}

describe("SyncDoc broadcasts", () => {
  it("sends one merged update for the writes of several connections in one turn, to everyone", async () => {
    const doc = await openDoc();
    const [a, b, c] = [new Peer(), new Peer(), new Peer()];
    for (const peer of [a, b, c]) doc.peers.add(peer);
    const typeA = writer(doc);
    const typeB = writer(doc);
    doc.applyClientUpdate(a, typeA("a"));
    doc.applyClientUpdate(b, typeB("b"));
    await doc.whenPersisted();

    for (const peer of [a, b, c]) expect(peer.received).toHaveLength(1);
    // The same framed message for all of them, holding both writes.
    expect(a.received[0]).toBe(c.received[0]);
    expect(b.received[0]).toBe(c.received[0]);
    expect([...textAfter(updateOf(c.received[0]!))].sort()).toEqual(["a", "b"]);
    expect(await stores().docs.countUpdates("meeting:m1")).toBe(2);
  });

  it("does not send a batch back to the connection that wrote all of it", async () => {
    const doc = await openDoc();
    const [a, b] = [new Peer(), new Peer()];
    doc.peers.add(a);
    doc.peers.add(b);
    const type = writer(doc);
    doc.applyClientUpdate(a, type("x"));
    doc.applyClientUpdate(a, type("y"));
    await doc.whenPersisted();
    expect(a.received).toHaveLength(0);
    expect(b.received).toHaveLength(1);
    expect(textAfter(updateOf(b.received[0]!))).toBe("xy");
  });
});

describe("SyncDoc's answer to a joining client", () => {
  const empty = Y.encodeStateVector(new Y.Doc());

  async function largeDoc(): Promise<SyncDoc> {
    const initial = new Y.Doc();
    initial.getText("t").insert(0, "Indstilling. ".repeat(10_000));
    return openDoc(initial);
  }

  it("shares one encoding of a large document among fresh clients until it changes", async () => {
    const doc = await largeDoc();
    const first = await doc.syncStep2For(empty);
    expect(await doc.syncStep2For(empty)).toBe(first);

    doc.applyClientUpdate(new Peer(), writer(doc)("!"));
    const afterChange = await doc.syncStep2For(empty);
    expect(afterChange).not.toBe(first);
    expect(textAfter(updateOf(afterChange)).endsWith("Indstilling. !")).toBe(true);
    // The answer waited for the commit: what a joiner gets is stored.
    expect(await stores().docs.countUpdates("meeting:m1")).toBe(1);
  });

  it("encodes only the missing part for a client that has some state", async () => {
    const doc = await largeDoc();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc.doc));
    doc.applyClientUpdate(new Peer(), writer(doc)("?"));
    const answer = await doc.syncStep2For(Y.encodeStateVector(client));
    expect(answer.byteLength).toBeLessThan(100);
    Y.applyUpdate(client, updateOf(answer));
    expect(client.getText("t").toString().endsWith("?")).toBe(true);
  });
});

describe("SyncDoc's judgement of an update that would change nothing", () => {
  /** A server doc whose text has had words typed and some deleted, in several runs. */
  async function docWithDeletions(): Promise<SyncDoc> {
    const initial = new Y.Doc();
    const text = initial.getText("t");
    for (let i = 0; i < 20; i++) text.insert(text.length, `ord${i} `);
    for (let i = 0; i < 10; i++) text.delete(i * 3, 2);
    return openDoc(initial);
  }

  it("is true for a synced client's sync step 2, which repeats the document's deletions", async () => {
    const doc = await docWithDeletions();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc.doc));
    const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc.doc));
    expect(step2.byteLength).toBeGreaterThan(2);
    expect(await doc.changesNothing(step2)).toBe(true);
  });

  it("is true for content the document already has, as a local copy re-sent after the sync", async () => {
    const doc = await docWithDeletions();
    expect(await doc.changesNothing(Y.encodeStateAsUpdate(doc.doc))).toBe(true);
  });

  it("is false for new text, or for a deletion the document does not have", async () => {
    const doc = await docWithDeletions();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc.doc));
    const before = Y.encodeStateVector(client);
    client.getText("t").delete(0, 1);
    const deletion = Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc.doc));
    expect(await doc.changesNothing(deletion)).toBe(false);
    client.getText("t").insert(0, "x");
    expect(await doc.changesNothing(Y.encodeStateAsUpdate(client, before))).toBe(false);
  });
});
