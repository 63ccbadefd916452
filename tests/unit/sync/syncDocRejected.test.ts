import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { beslutningSchema } from "../../../shared/editor";
import { createMinutesValidator } from "../../../server/sync/bodyValidator";
import { SyncDoc, UpdateRejected } from "../../../server/sync/SyncDoc";
import { RecordingPeer as Peer, useTempStore } from "./harness";

const NAME = "minutes:m1";

const stores = useTempStore();

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Minutes with one decision, "a1": a single paragraph. */
async function openMinutes(): Promise<SyncDoc> {
  const initial = new Y.Doc();
  initial.getXmlFragment("a1").insert(0, [paragraph("Godkendt.")]);
  await stores().docs.createDoc(NAME, Y.encodeStateAsUpdate(initial));
  const doc = new SyncDoc({
    name: NAME,
    kind: "minutes",
    store: stores().docs,
    validator: createMinutesValidator(beslutningSchema()),
    compactAfterUpdates: 500,
    log: () => undefined,
  });
  await doc.load();
  return doc;
}

/** Every root's XML, empty roots (no content, e.g. only deleted items) left out. */
function contentOf(doc: Y.Doc): string {
  return [...doc.share.keys()]
    .sort()
    .map((name) => [name, doc.getXmlFragment(name).toString()])
    .filter(([, xml]) => xml !== "")
    .map(([name, xml]) => `${name}:${xml}`)
    .join("|");
}

async function storedContent(): Promise<string> {
  const stored = (await stores().docs.loadDoc(NAME))!;
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const part of [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates])
      Y.applyUpdate(doc, part);
  });
  return contentOf(doc);
}

/**
 * A valid change (`change` on a replica of the server's doc) merged with one struct of a client
 * whose first struct the server never got: Yjs applies the valid part and holds the other back.
 */
function withUnknownDependency(server: SyncDoc, change: (doc: Y.Doc) => void): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(server.doc));
  const before = Y.encodeStateVector(replica);
  change(replica);
  const valid = Y.encodeStateAsUpdate(replica, before);

  const stranger = new Y.Doc();
  Y.applyUpdate(stranger, Y.encodeStateAsUpdate(server.doc));
  stranger.getXmlFragment("a1").insert(0, [new Y.XmlElement("paragraph")]);
  const seen = Y.encodeStateVector(stranger);
  stranger.getXmlFragment("a1").insert(0, [new Y.XmlElement("paragraph")]);
  const dependent = Y.encodeStateAsUpdate(stranger, seen);
  return Y.mergeUpdates([valid, dependent]);
}

describe("SyncDoc refusing an update that was partly applied", () => {
  it("reverts the applied part of an update that depends on unknown state, though it is valid", async () => {
    const doc = await openMinutes();
    const [writer, watcher] = [new Peer(), new Peer()];
    doc.peers.add(writer);
    doc.peers.add(watcher);
    const before = contentOf(doc.doc);
    // An empty paragraph at the start of "a1": valid minutes, so the schema check passes.
    const update = withUnknownDependency(doc, (replica) =>
      replica.getXmlFragment("a1").insert(0, [new Y.XmlElement("paragraph")]),
    );

    expect(() => doc.applyClientUpdate(writer, update)).toThrow(UpdateRejected);
    expect(contentOf(doc.doc)).toBe(before);
    await doc.whenSettled();
    expect(await storedContent()).toBe(before);
    // What was broadcast, applied to a replica, changes nothing either.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc.doc));
    expect(contentOf(replica)).toBe(before);
    doc.destroy();
  });

  it("reverts typing that came with a dependency on unknown state", async () => {
    const doc = await openMinutes();
    const before = contentOf(doc.doc);
    // Typing inside existing text: the schema check is skipped for such a change.
    const update = withUnknownDependency(doc, (replica) => {
      const text = (replica.getXmlFragment("a1").get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, "Ikke ");
    });

    expect(() => doc.applyClientUpdate(new Peer(), update)).toThrow(/unknown state/);
    expect(contentOf(doc.doc)).toBe(before);
    await doc.whenSettled();
    expect(await storedContent()).toBe(before);
    doc.destroy();
  });

  it("still stores and broadcasts a valid update", async () => {
    const doc = await openMinutes();
    const [writer, watcher] = [new Peer(), new Peer()];
    doc.peers.add(writer);
    doc.peers.add(watcher);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc.doc));
    const before = Y.encodeStateVector(replica);
    replica.getXmlFragment("a2").insert(0, [paragraph("Taget til efterretning.")]);

    doc.applyClientUpdate(writer, Y.encodeStateAsUpdate(replica, before));
    await doc.whenSettled();
    expect(await storedContent()).toBe(contentOf(replica));
    expect(watcher.received).toHaveLength(1);
    expect(writer.received).toHaveLength(0);
    doc.destroy();
  });
});
