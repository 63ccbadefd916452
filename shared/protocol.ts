/**
 * The wire contract between the sync server and its clients, named once.
 *
 * The base protocol is the standard y-websocket one (y-protocols sync + awareness), so the stock
 * `y-websocket` client syncs unmodified. On top of it sit a few extension messages in the
 * 100-range. They are strictly opt-in: the server sends extension messages only to a connection
 * that has sent one first, so a stock client never receives a message type it does not know.
 * See docs/PROTOCOL.md for the full description.
 */

/** First varUint of every websocket message. */
export const MessageType = {
  /** y-protocols sync: step 1 (state vector), step 2 (missing updates), update. */
  sync: 0,
  /** y-protocols awareness update. */
  awareness: 1,
  /** y-protocols auth message (server → client: permission denied); the server never expects it from clients. */
  auth: 2,
  /** Client asks for everyone's awareness state. */
  queryAwareness: 3,
  /**
   * Client → server: `[100, varUint requestId]` — "tell me when everything I sent before this
   * message is durably stored". Implies opt-in to extension messages.
   */
  saveRequest: 100,
  /** Server → client: `[101, varUint requestId]` — every message before request `requestId` is committed. */
  saved: 101,
  /** Client → server: `[102]` — opt in to extension messages without asking for a save. */
  hello: 102,
  /** Server → client: `[103, varString access]` — this connection's access now ("read" | "comment" | "suggest" | "write"). */
  access: 103,
  /**
   * Server → client: `[104, varString reason]` — updates this connection sent were not applied
   * (a `RefusedReason`). From then on no save request of the connection is answered `saved`:
   * each is answered `refused` instead.
   */
  refused: 104,
} as const;
export type MessageTypeName = keyof typeof MessageType;

/** Why updates were not applied: the body of a `MessageType.refused` message. */
export const RefusedReason = {
  /** The person may read (or comment on) the document but not change it. */
  readOnly: "read_only",
  /** The item is approved: its text is locked until it is reopened. */
  approved: "approved",
  /**
   * The meeting's minutes are approved: the whole meeting record (every item, the minutes, the
   * agenda) is frozen until they are reopened (`isRecordFrozen`; HTTP answers `record_frozen`).
   */
  recordFrozen: "record_frozen",
} as const;
export type RefusedReasonValue = (typeof RefusedReason)[keyof typeof RefusedReason];

/** Sub-types of `MessageType.sync`, as y-protocols numbers them. */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/**
 * Close codes the server uses, with the reason string it sends. 4000–4999 is the range RFC 6455
 * leaves to applications; 1009 and 1012 are standard codes the server also uses. The stock
 * y-websocket client (3.x) treats 4400–4499 as final (it stops reconnecting) and everything else
 * as transient, so a code's range says whether reconnecting can help.
 */
export const CloseCode = {
  /** The `ws` library's own answer to a frame larger than `Limits.maxMessageBytes`. */
  messageTooLarge: 1009,
  /** The server is shutting down (SIGTERM); clients should reconnect later. */
  serverShutdown: 1012,
  /** Bad framing, unknown message type, or a message the protocol does not allow from a client. */
  badMessage: 4400,
  /** No valid session cookie or sync token. */
  unauthenticated: 4401,
  /** The person may not open this document (or no longer may). */
  forbidden: 4403,
  /**
   * A cookie-authenticated connection from a page of another origin (cross-site websocket
   * hijacking). Refused before anything of a document is sent.
   */
  originRefused: 4406,
  /**
   * The session this connection was opened with ended: logout, expiry, password change or
   * deactivation. Final: the person must sign in again (unsaved edits stay in the local copy).
   */
  sessionEnded: 4419,
  /** Not a valid document name, or no such document. */
  unknownDocument: 4404,
  /** An update that does not decode, depends on state the server does not have, or breaks the document's schema. */
  invalidUpdate: 4422,
  /**
   * A `suggest` connection (Foreslå ændringer) sent an update that is not purely a suggestion by
   * that person (`checkSuggestion`: text removed, text added without their insertion mark, a mark
   * forged or someone else's suggestion changed). Reverted; final, like any refused update.
   */
  notASuggestion: 4423,
  /**
   * The client sends faster than the server can store, or reads slower than the server sends.
   * In the 4500 range so the stock client reconnects (it treats 4400–4499 as final).
   */
  overloaded: 4503,
  /** Applying the update would make the document larger than `Limits.maxDocumentBytes`. */
  documentTooLarge: 4413,
  /** The server could not store an update; nothing was acknowledged or broadcast. */
  internalError: 4500,
  /**
   * The database cannot be reached: nothing of what the client sent since its last "saved" was
   * stored, acknowledged or broadcast; the client keeps it and sends it again on reconnecting.
   */
  storeUnavailable: 4502,
} as const;
export type CloseCodeName = keyof typeof CloseCode;

/** Human-readable close reasons (≤ 123 bytes, the websocket limit). */
export const CloseReason: Record<CloseCodeName, string> = {
  messageTooLarge: "message_too_large",
  serverShutdown: "server_shutdown",
  badMessage: "bad_message",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  originRefused: "origin_refused",
  sessionEnded: "session_ended",
  unknownDocument: "unknown_document",
  invalidUpdate: "invalid_update",
  notASuggestion: "not_a_suggestion",
  overloaded: "overloaded",
  documentTooLarge: "document_too_large",
  internalError: "internal_error",
  storeUnavailable: "store_unavailable",
};

/** Every bound the server enforces on the wire. */
export const Limits = {
  /** Largest websocket message accepted from a client. */
  maxMessageBytes: 16 * 1024 * 1024,
  /** Largest document (its stored size: snapshot + update log) the server will grow. */
  maxDocumentBytes: 64 * 1024 * 1024,
  /** Messages from one connection waiting to be processed. */
  maxQueuedMessages: 1024,
  /** Bytes from one connection waiting to be processed. */
  maxQueuedBytes: 32 * 1024 * 1024,
  /** Bytes the server will buffer towards one slow client before closing it. */
  maxBufferedBytes: 64 * 1024 * 1024,
  /** The server pings every connection this often (the y-websocket client gives up after 30 s of silence). */
  pingIntervalMs: 10_000,
  /** How long an unused document stays in memory. */
  idleUnloadMs: 30_000,
  /** Sync tokens are valid for connecting this long after they are issued. */
  syncTokenTtlMs: 5 * 60_000,
  /**
   * Open connections re-check their session this often (besides at its expiry), so a session
   * ended on another server instance, or deleted from the store, closes them too.
   */
  sessionCheckIntervalMs: 30_000,
} as const;
