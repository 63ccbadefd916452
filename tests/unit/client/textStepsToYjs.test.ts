import type { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import {
  prosemirrorToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyTextSteps, chainsFrom } from "../../../client/editor/textStepsToYjs";
import { itemBodySchema } from "../../../shared/editor";

const schema = itemBodySchema();
const INDSTILLING = "Det indstilles, at KKR Syddanmark drøfter syddanske perspektiver.";

function initialDoc(): PmNode {
  const p = (text: string) => schema.node("paragraph", null, [schema.text(text)]);
  return schema.node("doc", null, [
    schema.node("baggrund", null, [p("Baggrund.")]),
    schema.node("indstilling", null, [p(INDSTILLING)]),
    schema.node("sagsfremstilling", null, [p("Sagsfremstilling.")]),
  ]);
}

/**
 * One person's editor and its Yjs document, written the way the binding does: per
 * transaction, optionally the exact text steps first, then the binding's comparison.
 */
class Replica {
  readonly doc = new Y.Doc();
  readonly fragment = this.doc.getXmlFragment("default");
  state: EditorState;

  constructor(
    start: Uint8Array,
    private readonly exact: boolean,
    /** Fixed, so the order Yjs gives concurrent runs (by client id) is the same every run. */
    clientID: number,
  ) {
    this.doc.clientID = clientID;
    Y.applyUpdate(this.doc, start);
    this.state = EditorState.create({
      doc: yXmlFragmentToProseMirrorRootNode(this.fragment, schema),
    });
  }

  /** Types `text` letter by letter at `pos`, one transaction per letter. */
  type(pos: number, text: string): void {
    for (const [i, letter] of [...text].entries())
      this.apply(this.state.tr.insertText(letter, pos + i));
  }

  apply(tr: Transaction): void {
    const record = { steps: tr.steps, docs: tr.docs, after: tr.doc };
    this.doc.transact(() => {
      if (this.exact && chainsFrom([record], this.state.doc, tr.doc)) {
        applyTextSteps(this.fragment, [record]);
      }
      updateYFragment(this.doc, this.fragment, tr.doc, { mapping: new Map(), isOMark: new Map() });
    });
    this.state = this.state.apply(tr);
  }
}

/** The item as everyone has it before they type: one Yjs state, shared by all replicas. */
const BASE: Uint8Array = (() => {
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(initialDoc(), doc.getXmlFragment("default"));
  return Y.encodeStateAsUpdate(doc);
})();

function base(): Uint8Array {
  return BASE;
}

/** Indstilling's text once both people's updates have met. */
function merged(...replicas: Replica[]): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base());
  for (const replica of replicas) Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica.doc));
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment("default"), schema).child(1)
    .textContent;
}

/** The position in the item body `offset` characters into Indstilling's paragraph. */
function inIndstilling(offset: number): number {
  let found = -1;
  initialDoc().descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent === INDSTILLING) found = pos + 1;
    return found < 0;
  });
  return found + offset;
}

// Yjs orders concurrent insertions at one place by client id. With the offline writer's id the
// lower one, comparing texts splits the runs; the other order happens to merge them whole.
const OFFLINE_ID = 1;
const ONLINE_ID = 2;

describe("writing local typing to Yjs", () => {
  const at = INDSTILLING.indexOf("syddanske") + 7; // "syddans|ke"
  const offlineRun = "[kke k]";
  const onlineRun = "<ANDEN>";
  const expected = [
    INDSTILLING.slice(0, at) + offlineRun + onlineRun + INDSTILLING.slice(at),
    INDSTILLING.slice(0, at) + onlineRun + offlineRun + INDSTILLING.slice(at),
  ];

  it("by comparing texts alone splits a run typed at a place whose next letters it repeats (the cause)", () => {
    const offline = new Replica(base(), false, OFFLINE_ID);
    const online = new Replica(base(), false, ONLINE_ID);
    offline.type(inIndstilling(at), offlineRun);
    online.type(inIndstilling(at), onlineRun);
    expect(expected).not.toContain(merged(offline, online));
  });

  it("at the caret keeps each person's run whole", () => {
    for (const [offlineId, onlineId] of [
      [OFFLINE_ID, ONLINE_ID],
      [ONLINE_ID, OFFLINE_ID],
    ] as const) {
      const offline = new Replica(base(), true, offlineId);
      const online = new Replica(base(), true, onlineId);
      offline.type(inIndstilling(at), offlineRun);
      online.type(inIndstilling(at), onlineRun);
      expect(expected).toContain(merged(offline, online));
    }
  });

  it("applies deletions and replacements inside a paragraph exactly, and leaves nothing for the comparison", () => {
    const replica = new Replica(base(), true, OFFLINE_ID);
    const from = inIndstilling(at);
    const tr = replica.state.tr.insertText("XY", from, from + 2);
    const record = { steps: tr.steps, docs: tr.docs, after: tr.doc };
    replica.doc.transact(() => {
      expect(applyTextSteps(replica.fragment, [record])).toBe(1);
    });
    const written = yXmlFragmentToProseMirrorRootNode(replica.fragment, schema);
    expect(written.eq(tr.doc)).toBe(true);
  });

  it("stops at a step that is not plain text inside one paragraph", () => {
    const replica = new Replica(base(), true, OFFLINE_ID);
    const split = replica.state.tr.split(inIndstilling(at));
    expect(
      applyTextSteps(replica.fragment, [
        { steps: split.steps, docs: split.docs, after: split.doc },
      ]),
    ).toBe(0);
  });

  it("is taken only for records that lead from the document Yjs holds to the editor's", () => {
    const replica = new Replica(base(), true, OFFLINE_ID);
    const tr = replica.state.tr.insertText("x", inIndstilling(3));
    const record = { steps: tr.steps, docs: tr.docs, after: tr.doc };
    expect(chainsFrom([record], replica.state.doc, tr.doc)).toBe(true);
    expect(chainsFrom([record], null, tr.doc)).toBe(false);
    expect(chainsFrom([record], tr.doc, tr.doc)).toBe(false);
    expect(chainsFrom([], replica.state.doc, replica.state.doc)).toBe(false);
  });
});
