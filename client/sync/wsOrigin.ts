/** The websocket origin of the page's own server (`wss:` under https). */
export function wsOrigin(): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}`;
}
