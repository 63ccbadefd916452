import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { itemBodyWith } from "../../../server/items/createItem";
import type { DocStore, DocTail, StoredDoc } from "../../../server/store";
import { createBodyValidator } from "../../../server/sync/bodyValidator";
import type { DocPeer } from "../../../server/sync/SyncDoc";
import { SyncDoc } from "../../../server/sync/SyncDoc";
import type { Outbound } from "../../../server/sync/outbound";
import { BODY_FRAGMENT } from "../../../shared/docName";
import { itemBodySchema } from "../../../shared/editor";

const NAME = "item:x";

/** One document in memory: a snapshot and an update log, as the SQLite store keeps them. */
class MemoryDocStore implements DocStore {
  appended: Uint8Array[] = [];
  constructor(
    private snapshot: Uint8Array | null,
    private updates: Uint8Array[] = [],
  ) {}
  async createDoc(): Promise<void> {}
  async loadDoc(): Promise<StoredDoc> {
    const bytes =
      (this.snapshot?.byteLength ?? 0) + this.updates.reduce((sum, u) => sum + u.byteLength, 0);
    return { snapshot: this.snapshot, updates: [...this.updates], lastSeq: 0, bytes };
  }
  async docExists(): Promise<boolean> {
    return true;
  }
  async appendUpdates(_name: string, updates: Uint8Array[]): Promise<number> {
    this.appended.push(...updates);
    this.updates.push(...updates);
    return this.updates.length;
  }
  async compact(_name: string, snapshot: Uint8Array): Promise<void> {
    this.snapshot = snapshot;
    this.updates = [];
  }
  async countUpdates(): Promise<number> {
    return this.updates.length;
  }
  async deleteDoc(): Promise<void> {}
  async listDocs(): Promise<string[]> {
    return [];
  }
  async loadTail(): Promise<DocTail> {
    return { snapshot: this.snapshot, updates: [...this.updates], firstSeq: 1, lastSeq: 0 };
  }
  async lastSeqs(): Promise<Map<string, number>> {
    return new Map();
  }
}

function itemBody(indstilling: string): Y.Doc {
  return prosemirrorJSONToYDoc(itemBodySchema(), itemBodyWith(indstilling), BODY_FRAGMENT);
}

function peer(): DocPeer {
  return {
    id: 1,
    userId: "u",
    awarenessClients: new Set(),
    send: () => undefined,
    fail: () => undefined,
  };
}

async function loaded(store: DocStore, log: (message: string) => void = () => undefined) {
  const doc = new SyncDoc({
    name: NAME,
    kind: "item",
    store,
    validator: createBodyValidator(itemBodySchema()),
    compactAfterUpdates: 500,
    log,
  });
  expect(await doc.load()).toBe(true);
  await doc.ready();
  return doc;
}

/** The first paragraph of the indstilling field (where the test types). */
function indstillingText(doc: Y.Doc): Y.XmlText {
  const field = doc.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement;
  return (field.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** What a client holding nothing would see after receiving `update`. */
function textFor(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return indstillingText(doc).toString();
}

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/** Large enough that the whole state is shared among joiners rather than encoded per joiner. */
const LONG = "Gammel. ".repeat(12_000).trim();

/** The update inside a sync step 2 message. */
function updateOf(message: Outbound): Uint8Array {
  const decoder = decoding.createDecoder(message.bytes);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

async function stateFor(doc: SyncDoc, stateVector: Uint8Array): Promise<Uint8Array> {
  return updateOf(await doc.syncStep2For(stateVector));
}

describe("loading a stored document", () => {
  it("stores nothing more than was loaded", async () => {
    const store = new MemoryDocStore(Y.encodeStateAsUpdate(itemBody("Gammel.")));
    const doc = await loaded(store);
    await doc.whenSettled();
    expect(store.appended).toEqual([]);
    expect(doc.storedUpdateCount).toBe(0);
    doc.destroy();
  });

  it("gives a client holding nothing the stored snapshot as it is", async () => {
    const snapshot = Y.encodeStateAsUpdate(itemBody(LONG));
    const doc = await loaded(new MemoryDocStore(snapshot));
    expect(await stateFor(doc, EMPTY_STATE_VECTOR)).toEqual(snapshot);
    doc.destroy();
  });

  it("serves a large snapshot to a fresh client before decoding it; the rest waits for ready()", async () => {
    const snapshot = Y.encodeStateAsUpdate(itemBody(LONG));
    const doc = new SyncDoc({
      name: NAME,
      kind: "item",
      store: new MemoryDocStore(snapshot),
      validator: createBodyValidator(itemBodySchema()),
      compactAfterUpdates: 500,
      log: () => undefined,
    });
    await doc.load();
    expect(doc.isReady).toBe(false);
    expect(await stateFor(doc, EMPTY_STATE_VECTOR)).toEqual(snapshot);
    expect(doc.isReady).toBe(false);
    expect(() => doc.applyClientUpdate(peer(), new Uint8Array([0, 0]))).toThrow(/before ready/);
    // A client holding part of the document needs the decoded state, so it waits for it.
    const partial = await stateFor(doc, Y.encodeStateVector(itemBody("x")));
    expect(doc.isReady).toBe(true);
    expect(partial.byteLength).toBeGreaterThan(0);
    expect(indstillingText(doc.doc).toString()).toBe(LONG);
    doc.destroy();
  });

  it("stops using the snapshot once the document changed", async () => {
    const original = itemBody(LONG);
    const doc = await loaded(new MemoryDocStore(Y.encodeStateAsUpdate(original)));
    const first = await doc.syncStep2For(EMPTY_STATE_VECTOR);
    const before = Y.encodeStateVector(original);
    indstillingText(original).insert(0, "Ny. ");
    doc.applyClientUpdate(peer(), Y.encodeStateAsUpdate(original, before));
    const after = await doc.syncStep2For(EMPTY_STATE_VECTOR);
    expect(after).not.toBe(first);
    expect(textFor(updateOf(after))).toBe(`Ny. ${LONG}`);
    doc.destroy();
  });

  it("includes the update log stored after the snapshot", async () => {
    const original = itemBody("Gammel.");
    const snapshot = Y.encodeStateAsUpdate(original);
    const before = Y.encodeStateVector(original);
    indstillingText(original).insert(0, "Logget. ");
    const logged = Y.encodeStateAsUpdate(original, before);
    const doc = await loaded(new MemoryDocStore(snapshot, [logged]));
    expect(textFor(await stateFor(doc, EMPTY_STATE_VECTOR))).toBe("Logget. Gammel.");
    doc.destroy();
  });

  it("gives a client that holds part of the document only what it lacks", async () => {
    const original = itemBody("Gammel.");
    const snapshot = Y.encodeStateAsUpdate(original);
    const doc = await loaded(new MemoryDocStore(snapshot));
    const diff = await stateFor(doc, Y.encodeStateVector(original));
    expect(diff.byteLength).toBeLessThan(snapshot.byteLength);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, snapshot);
    Y.applyUpdate(copy, diff);
    expect(indstillingText(copy).toString()).toBe("Gammel.");
    doc.destroy();
  });

  it("still reports a stored body that does not match the schema, after loading", async () => {
    const broken = new Y.Doc();
    broken.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement("ukendt")]);
    const logged: string[] = [];
    const doc = await loaded(new MemoryDocStore(Y.encodeStateAsUpdate(broken)), (message) =>
      logged.push(message),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(logged).toContain("stored document does not match its schema");
    doc.destroy();
  });
});
