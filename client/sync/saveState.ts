/**
 * What the status indicator may truthfully say about an item body's durability, as a pure
 * reducer over the events of one editing session.
 *
 * Durability is confirmed by the server's extension messages: the client sends
 * `[saveRequest, id]` after its edits, and the server answers `[saved, id]` once everything it
 * received before that request is committed to storage. So an edit is confirmed when a request
 * sent after it on the same connection has been answered. A connection that closes abandons its
 * unanswered requests: the edits they covered are re-sent by the next connection's sync step 2
 * and need a new request there. A `refused` from the server is final for the session: what was
 * not confirmed is not saved, and the indicator never says otherwise.
 */
import type { RefusedReasonValue } from "../../shared/protocol";

export type ConnectionStatus = "connecting" | "connected" | "disconnected";

export interface SaveState {
  connection: ConnectionStatus;
  /**
   * A connection was lost and the server has not been heard from since: no sync step 2 on a
   * new connection yet (never connected yet: false). A socket that opens is not enough — a
   * network that passes the handshake and then nothing is still offline to the person writing.
   */
  offline: boolean;
  /** The server refused updates of this session: nothing unconfirmed will be saved. */
  refused: RefusedReasonValue | null;
  /** The provider has received the server's sync step 2 on the current connection. */
  synced: boolean;
  /** This session has produced local edits (or sent the server edits it lacked). */
  edited: boolean;
  /** Local edits exist that no sent save request covers yet. */
  unrequested: boolean;
  /** Highest save request id sent. Ids grow across connections. */
  lastRequestId: number;
  /** Highest request id that is answered (saved) or abandoned (its connection closed). */
  settledId: number;
}

export type SaveEvent =
  | { type: "status"; status: ConnectionStatus }
  | { type: "synced"; synced: boolean }
  | { type: "localEdit" }
  /**
   * The client answered the server's sync step 1 with its step 2. `carriesEdits` is true when
   * that answer held content the server lacked (offline edits, also from an earlier session).
   */
  | { type: "stateSent"; carriesEdits: boolean }
  | { type: "requestSent"; id: number }
  | { type: "saved"; id: number }
  | { type: "refused"; reason: RefusedReasonValue };

export const initialSaveState: SaveState = {
  connection: "connecting",
  offline: false,
  refused: null,
  synced: false,
  edited: false,
  unrequested: false,
  lastRequestId: 0,
  settledId: 0,
};

export function reduceSaveState(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case "status": {
      if (event.status === "connected") return { ...state, connection: "connected" };
      const offline = state.offline || event.status === "disconnected";
      if (state.connection !== "connected") return { ...state, connection: event.status, offline };
      // The connection is gone: its unanswered requests will never be answered.
      return {
        ...state,
        connection: event.status,
        offline: true,
        synced: false,
        unrequested: hasUnconfirmedEdits(state),
        settledId: state.lastRequestId,
      };
    }
    case "synced":
      // The server's step 2 has arrived: it is reachable again.
      return event.synced
        ? { ...state, synced: true, offline: false }
        : { ...state, synced: false };
    case "localEdit":
      return { ...state, edited: true, unrequested: true };
    case "stateSent":
      // Anything unconfirmed went out (again) in this step 2; only a request sent after it
      // can confirm it.
      if (event.carriesEdits) return { ...state, edited: true, unrequested: true };
      return hasUnconfirmedEdits(state) ? { ...state, unrequested: true } : state;
    case "requestSent":
      return {
        ...state,
        unrequested: false,
        lastRequestId: Math.max(state.lastRequestId, event.id),
      };
    case "saved":
      // An answer can only concern a request sent on this connection, so it cannot resurrect
      // an abandoned one; ids never exceed what was sent.
      return {
        ...state,
        settledId: Math.max(state.settledId, Math.min(event.id, state.lastRequestId)),
      };
    case "refused":
      return state.refused === null ? { ...state, refused: event.reason } : state;
  }
}

/** Local edits exist that the server has not confirmed as stored. */
export function hasUnconfirmedEdits(state: SaveState): boolean {
  return state.unrequested || state.lastRequestId > state.settledId;
}

/**
 * A save request should be sent now. Only after the server's sync step 2: before it, the
 * client's own step 2 (which carries offline edits) may not have gone out yet, and a request
 * sent ahead of it would confirm too little.
 */
export function shouldRequestSave(state: SaveState): boolean {
  return (
    state.connection === "connected" && state.synced && state.unrequested && state.refused === null
  );
}

export type SaveIndicator = "refused" | "offline" | "connecting" | "saving" | "saved" | "connected";

export function saveIndicator(state: SaveState): SaveIndicator {
  if (state.refused !== null) return "refused";
  if (state.offline) return "offline";
  if (state.connection !== "connected") return "connecting";
  if (state.edited && hasUnconfirmedEdits(state)) return "saving";
  if (!state.synced) return "connecting";
  return state.edited ? "saved" : "connected";
}

/** The indicator's Danish text. */
export const saveIndicatorText: Record<SaveIndicator, string> = {
  refused: "Ikke gemt",
  offline: "Offline – ændringer gemmes lokalt",
  connecting: "Forbinder …",
  saving: "Gemmer …",
  saved: "Gemt",
  connected: "Forbundet",
};
