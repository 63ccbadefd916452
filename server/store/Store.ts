/**
 * The storage interface. One interface, two implementations (SQLite embedded, PostgreSQL for
 * scale-out), one contract test suite run against both (tests/integration/store.contract.ts).
 *
 * Every method is async so that the PostgreSQL implementation fits the same shape; the SQLite
 * one resolves at once, its transactions being synchronous.
 */

/** What is stored of one Yjs document: a snapshot plus the updates appended since. */
export interface StoredDoc {
  /** `Y.encodeStateAsUpdate` of everything up to `snapshotSeq`, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in order. */
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 for a new document). */
  lastSeq: number;
  /** Bytes stored for the document: snapshot plus update log. */
  bytes: number;
}

export interface DocStore {
  /** Creates a document with its first state; fails with `doc_exists` if it is there already. */
  createDoc(name: string, initialState: Uint8Array): Promise<void>;
  /** The stored document, or null when there is no document of that name. */
  loadDoc(name: string): Promise<StoredDoc | null>;
  docExists(name: string): Promise<boolean>;
  /** Appends updates in one committed transaction; resolves with the last sequence number. */
  appendUpdates(name: string, updates: Uint8Array[]): Promise<number>;
  /**
   * Replaces the snapshot and every update with `seq <= throughSeq` by `snapshot`, atomically.
   * Updates appended after `throughSeq` stay.
   */
  compact(name: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Rows in the update log of a document (for tests and metrics). */
  countUpdates(name: string): Promise<number>;
  deleteDoc(name: string): Promise<void>;
  listDocs(prefix: string): Promise<string[]>;
}

export interface User {
  id: string;
  email: string;
  name: string;
  initials: string;
  color: string;
  passwordHash: string | null;
  active: boolean;
}

export interface UserStore {
  createUser(user: User): Promise<void>;
  getUser(id: string): Promise<User | null>;
  getUserByEmail(email: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
}

export interface Session {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

export interface SessionStore {
  createSession(session: Session): Promise<void>;
  getSession(id: string): Promise<Session | null>;
  deleteSession(id: string): Promise<void>;
  deleteExpiredSessions(now: number): Promise<number>;
}

/** An agenda item's header (the body lives in the `item:<id>` document). */
export interface ItemHeader {
  id: string;
  title: string;
  caseNumber: string | null;
  officers: string[];
  createdAt: number;
}

export interface ItemStore {
  createItem(item: ItemHeader): Promise<void>;
  getItem(id: string): Promise<ItemHeader | null>;
  listItems(): Promise<ItemHeader[]>;
}

/** Small key-value settings (the token secret, the schema version, …). */
export interface SettingStore {
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  readonly docs: DocStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly items: ItemStore;
  readonly settings: SettingStore;
  close(): Promise<void>;
}

/** A store operation refused for a reason the caller can act on. */
export class StoreError extends Error {
  constructor(
    readonly code: "doc_exists" | "doc_not_found" | "user_exists",
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}
