import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { dependsOnUnknownState } from "../../../server/sync/dependsOnUnknownState";

function capture(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  const take = (u: Uint8Array) => (update = u);
  doc.on("update", take);
  change();
  doc.off("update", take);
  return update!;
}

describe("dependsOnUnknownState", () => {
  it("accepts an update that builds only on what the document has", () => {
    const writer = new Y.Doc();
    const first = capture(writer, () => writer.getText("t").insert(0, "Hej"));
    const second = capture(writer, () => writer.getText("t").insert(3, " verden"));
    const server = new Y.Doc();
    expect(dependsOnUnknownState(server, Y.decodeUpdate(first))).toBe(false);
    Y.applyUpdate(server, first);
    expect(dependsOnUnknownState(server, Y.decodeUpdate(second))).toBe(false);
    // Both together are self-contained too.
    expect(
      dependsOnUnknownState(new Y.Doc(), Y.decodeUpdate(Y.mergeUpdates([first, second]))),
    ).toBe(false);
  });

  it("finds an insertion next to, and a deletion of, items the document lacks", () => {
    const other = new Y.Doc();
    const theirs = capture(other, () => other.getText("t").insert(0, "fra en anden"));
    const client = new Y.Doc();
    Y.applyUpdate(client, theirs);
    const insertion = capture(client, () => client.getText("t").insert(4, "X"));
    const deletion = capture(client, () => client.getText("t").delete(0, 3));
    const server = new Y.Doc();
    expect(dependsOnUnknownState(server, Y.decodeUpdate(insertion))).toBe(true);
    expect(dependsOnUnknownState(server, Y.decodeUpdate(deletion))).toBe(true);
    Y.applyUpdate(server, theirs);
    expect(dependsOnUnknownState(server, Y.decodeUpdate(insertion))).toBe(false);
    expect(dependsOnUnknownState(server, Y.decodeUpdate(deletion))).toBe(false);
  });

  it("finds a hole in a client's own clock", () => {
    const writer = new Y.Doc();
    capture(writer, () => writer.getText("t").insert(0, "a"));
    const later = capture(writer, () => writer.getMap("m").set("k", 1));
    expect(dependsOnUnknownState(new Y.Doc(), Y.decodeUpdate(later))).toBe(true);
  });
});
