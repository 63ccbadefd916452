/**
 * The stock clients, for the scenarios where what a real client does matters (the crash
 * scenario's writer, observer and fresh loader): `y-websocket`'s WebsocketProvider for ours and
 * the reference server, `@hocuspocus/provider`'s HocuspocusProvider for Hocuspocus (its own
 * framing; it cannot talk to a y-websocket server or the other way round).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { ConnectTarget } from "./rawClient";

export interface StockClient {
  /** Resolves when the provider reports its first sync. */
  synced: Promise<void>;
  /** Stops the provider for good (no reconnect). */
  destroy(): void;
}

export function openStockClient(target: ConnectTarget, doc: Y.Doc): StockClient {
  if (target.protocol === "hocuspocus") {
    let markSynced!: () => void;
    const synced = new Promise<void>((resolve) => (markSynced = resolve));
    // Node 20 has no global WebSocket: the socket provider takes `ws` as its polyfill.
    const socket = new HocuspocusProviderWebsocket({
      url: target.serverUrl,
      WebSocketPolyfill: WebSocket,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: target.docName,
      document: doc,
      token: target.params.token ?? "",
      onSynced: () => markSynced(),
    });
    provider.attach();
    return {
      synced,
      destroy: () => {
        provider.destroy();
        socket.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(target.serverUrl, target.docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: target.params,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once("sync", () => resolve());
  });
  return { synced, destroy: () => provider.destroy() };
}
