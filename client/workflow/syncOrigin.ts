/** The websocket origin of the page's own server: `ws://host` or `wss://host`. */
export function syncOrigin(): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}`;
}
