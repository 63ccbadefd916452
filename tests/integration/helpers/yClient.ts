/**
 * Stock y-websocket clients in Node (the `ws` package as WebSocket), plus helpers to edit an
 * item body the way the editor binding stores it (XmlElements for nodes, XmlText for text).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { BODY_FRAGMENT } from "../../../shared/docName";
import type { ItemFieldName } from "../../../shared/editor";
import { ITEM_FIELDS } from "../../../shared/editor";
import { MessageType } from "../../../shared/protocol";
import { waitFor } from "./waitFor";

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw. */
  closes: Array<{ code: number; reason: string }>;
  /** The reasons of `refused` messages the server sent. */
  refusals: string[];
  /**
   * Asks the server to confirm everything sent so far is stored; resolves on the ack, rejects
   * when the server answers `refused` instead.
   */
  save(): Promise<void>;
  /** Asks for a save and resolves with the answer: "saved", or "refused: <reason>". */
  settle(): Promise<string>;
  destroy(): void;
}

export function connectClient(
  baseUrl: string,
  docName: string,
  token: string,
  doc = new Y.Doc(),
): YClient {
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/sync`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closes: YClient["closes"] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  let nextRequest = 1;
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const refusals: string[] = [];
  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    const id = decoding.readVarUint(decoder);
    for (const [request, { resolve }] of waiting) {
      if (request <= id) {
        waiting.delete(request);
        resolve();
      }
    }
  };
  provider.messageHandlers[MessageType.refused] = (_encoder, decoder) => {
    const reason = decoding.readVarString(decoder);
    refusals.push(reason);
    // Refused: no request sent so far will be confirmed.
    for (const [request, { reject }] of waiting) {
      waiting.delete(request);
      reject(new Error(`refused: ${reason}`));
    }
  };
  provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
    decoding.readVarString(decoder);
  };
  return {
    doc,
    provider,
    closes,
    refusals,
    save() {
      const id = nextRequest++;
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.saveRequest);
        encoding.writeVarUint(encoder, id);
        const ws = provider.ws;
        if (!ws || ws.readyState !== ws.OPEN) {
          waiting.delete(id);
          reject(new Error("not connected"));
          return;
        }
        ws.send(encoding.toUint8Array(encoder));
      });
    },
    settle() {
      return this.save().then(
        () => "saved",
        (error: unknown) => (error as Error).message,
      );
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitSynced(client: YClient, timeoutMs = 10_000): Promise<boolean> {
  return waitFor(() => client.provider.synced, { timeoutMs, message: "client synced" });
}

function field(doc: Y.Doc, name: ItemFieldName): Y.XmlElement {
  const index = ITEM_FIELDS.findIndex((f) => f.name === name);
  const element = doc.getXmlFragment(BODY_FRAGMENT).get(index);
  if (!(element instanceof Y.XmlElement) || element.nodeName !== name) {
    throw new Error(`field ${name} not found`);
  }
  return element;
}

/** Appends a paragraph with `text` to a field, as the editor would. */
export function appendParagraph(doc: Y.Doc, name: ItemFieldName, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText(text)]);
    const target = field(doc, name);
    target.insert(target.length, [paragraph]);
  });
}

/** Types into the last paragraph of a field (creating its text node when empty). */
export function typeInto(doc: Y.Doc, name: ItemFieldName, text: string): void {
  doc.transact(() => {
    const target = field(doc, name);
    const last = target.get(target.length - 1);
    if (!(last instanceof Y.XmlElement)) throw new Error("field has no block");
    let textNode = last.get(last.length - 1);
    if (!(textNode instanceof Y.XmlText)) {
      textNode = new Y.XmlText();
      last.insert(last.length, [textNode]);
    }
    (textNode as Y.XmlText).insert((textNode as Y.XmlText).length, text);
  });
}

/** The plain text of a field: its blocks' texts joined by newlines. */
export function fieldText(doc: Y.Doc, name: ItemFieldName): string {
  return field(doc, name)
    .toArray()
    .map((block) =>
      block instanceof Y.XmlElement
        ? block
            .toArray()
            .map((t) => (t instanceof Y.XmlText ? t.toString().replace(/<[^>]+>/g, "") : ""))
            .join("")
        : "",
    )
    .join("\n");
}

/** The body's XML, for whole-document comparisons. */
export function bodyXml(doc: Y.Doc): string {
  return doc.getXmlFragment(BODY_FRAGMENT).toString();
}

/** Replaces the first occurrence of `from` in a field's text with `to`, as typing over it would. */
export function replaceText(doc: Y.Doc, name: ItemFieldName, from: string, to: string): void {
  doc.transact(() => {
    for (const block of field(doc, name).toArray()) {
      if (!(block instanceof Y.XmlElement)) continue;
      for (const node of block.toArray()) {
        if (!(node instanceof Y.XmlText)) continue;
        const plain = (node.toDelta() as { insert: unknown }[])
          .map((part) => (typeof part.insert === "string" ? part.insert : ""))
          .join("");
        const at = plain.indexOf(from);
        if (at < 0) continue;
        node.delete(at, from.length);
        node.insert(at, to);
        return;
      }
    }
    throw new Error(`"${from}" not found in ${name}`);
  });
}
