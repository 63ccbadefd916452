import type { WebsocketProvider } from "y-websocket";

/**
 * Destroys a provider without making the browser warn. Closing a websocket that is still
 * connecting logs "WebSocket is closed before the connection is established" — which happens
 * whenever a page lets go of a document quickly (an item the person may not read, a quick
 * switch between items). Such a socket is taken from the provider and closed once it opens.
 */
export function destroyProvider(provider: WebsocketProvider): void {
  const ws = provider.ws;
  if (ws !== null && ws.readyState === WebSocket.CONNECTING) {
    provider.ws = null;
    // y-websocket installs its handlers as `on…` properties: only assigning them replaces them.
    // oxlint-disable-next-line unicorn/prefer-add-event-listener
    ws.onmessage = null;
    // oxlint-disable-next-line unicorn/prefer-add-event-listener
    ws.onclose = null;
    // oxlint-disable-next-line unicorn/prefer-add-event-listener
    ws.onerror = () => {};
    // oxlint-disable-next-line unicorn/prefer-add-event-listener
    ws.onopen = () => ws.close();
  }
  provider.destroy();
}
