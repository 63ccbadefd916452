/**
 * What the status indicator may truthfully say about an item body's durability, as a pure
 * reducer over the events of one editing session.
 *
 * Durability is confirmed by the server's extension messages: the client sends
 * `[saveRequest, id]` after its edits, and the server answers `[saved, id]` once everything it
 * received before that request is committed to storage. So an edit is confirmed when a request
 * sent after it on the same connection has been answered. A connection that closes abandons its
 * unanswered requests: the edits they covered are re-sent by the next connection's sync step 2
 * and need a new request there.
 */
export type ConnectionStatus = "connecting" | "connected" | "disconnected";
export interface SaveState {
  connection: ConnectionStatus;
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
  | {
      type: "status";
      status: ConnectionStatus;
    }
  | {
      type: "synced";
      synced: boolean;
    }
  | {
      type: "localEdit";
    }
  /**
   * The client answered the server's sync step 1 with its step 2. `carriesEdits` is true when
   * that answer held content the server lacked (offline edits, also from an earlier session).
   */
  | {
      type: "stateSent";
      carriesEdits: boolean;
    }
  | {
      type: "requestSent";
      id: number;
    }
  | {
      type: "saved";
      id: number;
    };
export declare const initialSaveState: SaveState;
export declare function reduceSaveState(state: SaveState, event: SaveEvent): SaveState;
/** Local edits exist that the server has not confirmed as stored. */
export declare function hasUnconfirmedEdits(state: SaveState): boolean;
/**
 * A save request should be sent now. Only after the server's sync step 2: before it, the
 * client's own step 2 (which carries offline edits) may not have gone out yet, and a request
 * sent ahead of it would confirm too little.
 */
export declare function shouldRequestSave(state: SaveState): boolean;
export type SaveIndicator = "offline" | "connecting" | "saving" | "saved" | "connected";
export declare function saveIndicator(state: SaveState): SaveIndicator;
/** The indicator's Danish text. */
export declare const saveIndicatorText: Record<SaveIndicator, string>;
