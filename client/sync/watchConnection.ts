import type { WebsocketProvider } from "y-websocket";

/** A connection that has heard nothing for this long is sent a probe. */
export const PROBE_AFTER_MS = 1_000;
/** A connection that has heard nothing for this long (a probe included) is given up. */
export const DEAD_AFTER_MS = 3_000;
const CHECK_EVERY_MS = 250;

export interface WatchOptions {
  /**
   * Sends a message the server always answers (see docs/PROTOCOL.md, "Liveness"). Without it
   * only the browser's online and offline events are followed.
   */
  probe?: () => void;
  /** The connection was given up or the browser went offline. */
  onOffline?: () => void;
}

/**
 * Keeps a provider's idea of "connected" honest and quiet:
 *
 * - The browser's `offline` event disconnects at once (the stock provider would keep an open
 *   socket for 30 s of silence before it notices), and no connection is attempted while the
 *   browser is offline — each attempt would only fail, logging an error. `online` reconnects.
 * - With a probe: after `PROBE_AFTER_MS` without a message the server is asked for something it
 *   always answers; after `DEAD_AFTER_MS` without any message the socket is given up and a new
 *   one attempted, so a dead network shows as offline within about three seconds.
 *
 * A hidden page is not judged (browsers throttle its timers); it is probed when it shows.
 * The provider must be created with `connect: false`: this connects it, when the browser is
 * online. Returns a function that stops watching.
 */
export function watchConnection(provider: WebsocketProvider, options: WatchOptions = {}) {
  /** The provider was meant to be connected when we took it offline. */
  let resumeWhenOnline = false;
  /** Silence is measured from here at the earliest (a page that just became visible). */
  let heardFloor = Date.now();
  let probedAt = 0;

  const goOffline = () => {
    if (provider.shouldConnect) resumeWhenOnline = true;
    provider.disconnect();
    options.onOffline?.();
  };
  const onOffline = () => goOffline();
  const onOnline = () => {
    if (!resumeWhenOnline) return;
    resumeWhenOnline = false;
    heardFloor = Date.now();
    provider.connect();
  };
  const onVisibility = () => {
    if (document.visibilityState === "visible") heardFloor = Date.now();
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  if (navigator.onLine) provider.connect();
  else resumeWhenOnline = true;
  document.addEventListener("visibilitychange", onVisibility);

  const timer = options.probe
    ? setInterval(() => {
        if (!provider.wsconnected || document.visibilityState !== "visible") return;
        const heard = Math.max(provider.wsLastMessageReceived, heardFloor);
        const silent = Date.now() - heard;
        if (silent >= DEAD_AFTER_MS) {
          heardFloor = Date.now();
          probedAt = 0;
          goOffline();
          if (navigator.onLine) onOnline();
        } else if (silent >= PROBE_AFTER_MS && probedAt < heard) {
          probedAt = Date.now();
          options.probe?.();
        }
      }, CHECK_EVERY_MS)
    : null;

  return () => {
    if (timer !== null) clearInterval(timer);
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
    document.removeEventListener("visibilitychange", onVisibility);
  };
}
