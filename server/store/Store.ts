/**
 * The storage interface. One interface, two implementations (SQLite embedded, PostgreSQL for
 * scale-out), one contract test suite run against both (tests/integration/store.contract.ts).
 *
 * Every method is async so that the PostgreSQL implementation fits the same shape; the SQLite
 * one resolves at once, its transactions being synchronous.
 */
import type { Role } from "../../shared/roles";

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

export interface Membership {
  userId: string;
  committeeId: string;
  role: Role;
}

export interface UserStore {
  createUser(user: User): Promise<void>;
  getUser(id: string): Promise<User | null>;
  getUserByEmail(email: string): Promise<User | null>;
  listUsers(): Promise<User[]>;
  updateUser(
    id: string,
    patch: Partial<Pick<User, "name" | "initials" | "passwordHash" | "active">>,
  ): Promise<void>;
  /** Sets (or with null removes) a person's role in a committee. */
  setMembership(userId: string, committeeId: string, role: Role | null): Promise<void>;
  memberships(userId: string): Promise<Membership[]>;
  members(committeeId: string): Promise<Membership[]>;
  createInvite(tokenHash: string, userId: string, expiresAt: number): Promise<void>;
  /** Removes the invite and returns its user, or null when there is no such unexpired invite. */
  takeInvite(tokenHash: string, now: number): Promise<string | null>;
}

/** A saved state of a document: automatic at workflow steps, or named by a person. */
export interface VersionRow {
  id: string;
  doc: string;
  name: string;
  kind: "auto" | "named";
  createdBy: string | null;
  createdAt: number;
  /** SHA-256 of the body's canonical JSON: what an approval froze. */
  contentHash: string;
  /** `Y.encodeStateAsUpdate` of the document at that moment. */
  state: Uint8Array;
}

export interface VersionStore {
  createVersion(version: VersionRow): Promise<void>;
  listVersions(doc: string): Promise<Omit<VersionRow, "state">[]>;
  getVersion(id: string): Promise<VersionRow | null>;
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

export interface CommitteeRow {
  id: string;
  name: string;
  /** The meeting template as JSON text, or null for the default. */
  template: string | null;
}

export interface MeetingRow {
  id: string;
  committeeId: string;
  /** YYYY-MM-DD, for ordering and for finding the previous meeting. */
  date: string;
  version: number;
  /** The whole meeting (shared/model `Meeting`) as JSON text. */
  data: string;
  createdAt: number;
}

export interface MeetingStore {
  createCommittee(committee: CommitteeRow): Promise<void>;
  getCommittee(id: string): Promise<CommitteeRow | null>;
  listCommittees(): Promise<CommitteeRow[]>;
  setTemplate(committeeId: string, template: string): Promise<void>;
  createMeeting(meeting: MeetingRow): Promise<void>;
  getMeeting(id: string): Promise<MeetingRow | null>;
  listMeetings(committeeId: string): Promise<MeetingRow[]>;
  /** Replaces the stored meeting if it is still at `expectedVersion`; false if it is not. */
  saveMeeting(meeting: MeetingRow, expectedVersion: number): Promise<boolean>;
  /** Registers an item id as belonging to a meeting (ids are global). */
  addItem(itemId: string, meetingId: string, createdAt: number): Promise<void>;
  itemMeeting(itemId: string): Promise<string | null>;
}

export interface AttachmentRow {
  id: string;
  itemId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdBy: string;
  createdAt: number;
  deletedAt: number | null;
}

export interface AttachmentStore {
  createAttachment(attachment: AttachmentRow): Promise<void>;
  getAttachment(id: string): Promise<AttachmentRow | null>;
  listAttachments(itemId: string): Promise<AttachmentRow[]>;
  markAttachmentDeleted(id: string, at: number): Promise<void>;
}

export interface AuditEntry {
  seq: number;
  at: number;
  userId: string | null;
  action: string;
  meetingId: string | null;
  itemId: string | null;
  details: Record<string, unknown>;
}

export interface AuditStore {
  appendAudit(entry: Omit<AuditEntry, "seq">): Promise<void>;
  listAudit(filter: { meetingId?: string }): Promise<AuditEntry[]>;
}

export interface MentionRow {
  id: string;
  userId: string;
  threadId: string;
  itemId: string;
  meetingId: string;
  byUserId: string;
  text: string;
  createdAt: number;
}

/** What review needs besides documents: @mentions, and who wrote with which Yjs client id. */
export interface ReviewStore {
  addMention(mention: MentionRow): Promise<void>;
  mentionsFor(userId: string, limit: number): Promise<MentionRow[]>;
  /** Remembers that a Yjs client id wrote to a document as this person (first writer wins). */
  recordDocClients(doc: string, clientIds: number[], userId: string): Promise<void>;
  docClients(doc: string): Promise<Map<number, string>>;
}

export interface PublicationRow {
  id: string;
  meetingId: string;
  committeeId: string;
  kind: "dagsorden" | "referat";
  title: string;
  meetingDate: string;
  publishedAt: number;
  publishedBy: string;
  html: string;
  pdf: Uint8Array;
  docx: Uint8Array;
}

export type PublicationSummary = Omit<PublicationRow, "html" | "pdf" | "docx">;

/** What is published: one document of each kind per meeting, replaced when republished. */
export interface PublicationStore {
  savePublication(publication: PublicationRow): Promise<void>;
  listPublications(committeeId: string): Promise<PublicationSummary[]>;
  getPublication(id: string): Promise<PublicationRow | null>;
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
  readonly meetings: MeetingStore;
  readonly attachments: AttachmentStore;
  readonly audit: AuditStore;
  readonly versions: VersionStore;
  readonly review: ReviewStore;
  readonly publications: PublicationStore;
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
