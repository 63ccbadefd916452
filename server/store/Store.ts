/**
 * The storage interface. One interface, two implementations (SQLite embedded, PostgreSQL for
 * scale-out), one contract test suite run against both (tests/integration/storeContract.ts).
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

/** What was stored of a document after a sequence number (see `DocStore.loadTail`). */
export interface DocTail {
  /**
   * The snapshot, when compaction has folded updates after the asked-for sequence number into
   * it; `updates` then holds every update after the snapshot. Null otherwise.
   */
  snapshot: Uint8Array | null;
  /** Updates in order; `firstSeq` is the sequence number of the first. */
  updates: Uint8Array[];
  firstSeq: number;
  /** Sequence number of the last stored update. */
  lastSeq: number;
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
  /**
   * Everything stored after `afterSeq`: how an instance of a cluster catches up with what other
   * instances committed. Null when there is no such document.
   */
  loadTail(name: string, afterSeq: number): Promise<DocTail | null>;
  /** The last sequence number of each named document that exists. */
  lastSeqs(names: string[]): Promise<Map<string, number>>;
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
  /** Deletes every session of a person except `exceptId`; resolves with the deleted ids. */
  deleteUserSessions(userId: string, exceptId: string | null): Promise<string[]>;
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
  /** New content for a bilag under the same id: file name, type, size and hash change. */
  replaceAttachment(attachment: AttachmentRow): Promise<void>;
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

/** The document versions a publication was made from (see `server/record`). */
export interface PublicationSources {
  /** The stored meeting's version (agenda structure, headers, attendance). */
  meetingVersion: number;
  /** Item id → version of its body. */
  items: Record<string, string>;
  /** The minutes' version (published minutes only). */
  minutes: string | null;
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
  /** SHA-256 of the meeting record it was made from (what its files state). */
  recordHash: string;
  sources: PublicationSources;
  /** The publication of the same meeting and kind that replaced this one, and when. */
  replacedBy: string | null;
  replacedAt: number | null;
  /** Published minutes whose approval was withdrawn: when, and why. */
  reopenedAt: number | null;
  reopenReason: string | null;
  /** Generated once, at publishing; served as stored. */
  html: string;
  pdf: Uint8Array;
  docx: Uint8Array;
}

export type PublicationSummary = Omit<PublicationRow, "html" | "pdf" | "docx">;

/** One public item of a publication, as the search indexes it (closed items never are). */
export interface PublicSearchEntry {
  itemId: string;
  /** "2.3": the item's number in the publication, for its anchor. */
  itemNumber: string;
  title: string;
  /** The item's public text (fields and Beslutning), plain. */
  body: string;
  /**
   * Danish stems of title and body, space-separated: what SQLite's FTS5 indexes (it has no
   * Danish stemmer of its own). PostgreSQL stems title and body with its `danish` configuration.
   */
  stems: string;
}

/** What the public site shows of a publication besides its files, made once at publishing. */
export interface PublicContent {
  /** The public site's model of the document (`server/publicSite/PublicDocument`) as JSON. */
  json: string;
  entries: PublicSearchEntry[];
}

/** A search hit: one public item of a current publication. */
export interface PublicSearchHit {
  publicationId: string;
  committeeId: string;
  meetingId: string;
  meetingDate: string;
  kind: "dagsorden" | "referat";
  itemId: string;
  itemNumber: string;
  title: string;
  body: string;
}

/** A search: the words as typed (PostgreSQL) and their Danish stems (SQLite FTS5). */
export interface PublicSearchQuery {
  text: string;
  stems: string[];
}

/** A personal-data finding (or an unreadable bilag) the secretariat accepted for publishing. */
export interface FindingAcceptanceRow {
  meetingId: string;
  /** The finding's key (`server/publishing/findingKey`): place, kind and matched text. */
  key: string;
  kind: "cpr" | "email" | "phone" | "unreadable";
  /** The matched text ("" for an unreadable bilag). */
  match: string;
  /** The text it was found in, as the person saw it when accepting. */
  context: string;
  itemId: string;
  field: string;
  attachmentId: string | null;
  attachmentName: string | null;
  acceptedBy: string;
  acceptedAt: number;
}

/**
 * What is published: every publication is kept; a new one of the same meeting and kind
 * replaces the current one (which stays readable at its own address, marked replaced).
 */
export interface PublicationStore {
  /**
   * Stores a publication and, in the same transaction, marks `replaces` as replaced by it. With
   * `content`, stores what the public site shows of it and puts its public items in the search
   * index in place of the replaced publication's: only current publications are searched.
   */
  savePublication(
    publication: PublicationRow,
    replaces: string | null,
    content?: PublicContent,
  ): Promise<void>;
  /** The public site's model of a publication (JSON), or null for one published without it. */
  getPublicContent(publicationId: string): Promise<string | null>;
  /** Public items of current publications that have every word of the query, best first. */
  searchPublished(query: PublicSearchQuery, limit: number): Promise<PublicSearchHit[]>;
  /** Newest first within each meeting; replaced ones included. */
  listPublications(committeeId: string): Promise<PublicationSummary[]>;
  listMeetingPublications(meetingId: string): Promise<PublicationSummary[]>;
  getPublication(id: string): Promise<PublicationRow | null>;
  /** Marks a publication as belonging to minutes that were reopened. */
  markReopened(id: string, at: number, reason: string): Promise<void>;
  saveAcceptance(acceptance: FindingAcceptanceRow): Promise<void>;
  /** False when there was no such acceptance. */
  removeAcceptance(meetingId: string, key: string): Promise<boolean>;
  listAcceptances(meetingId: string): Promise<FindingAcceptanceRow[]>;
}

/** Something that concerns one person (shared/model/notifications: kinds and their texts). */
export interface NotificationRow {
  id: string;
  userId: string;
  kind: string;
  meetingId: string | null;
  itemId: string | null;
  /** Who caused it (null: the server, e.g. a deadline). */
  actorId: string | null;
  /** What it says, in Danish, as written when it happened. */
  text: string;
  /** At most one notification per person and key (a deadline's reminder); null: no limit. */
  dedupeKey: string | null;
  createdAt: number;
  readAt: number | null;
  /** When a daily digest carried it; null while not yet sent. */
  emailedAt: number | null;
}

export interface NotificationStore {
  /** Stores it; false (and nothing stored) when the person has one with its dedupe key. */
  addNotification(notification: NotificationRow): Promise<boolean>;
  /** The person's newest first. */
  listNotifications(userId: string, limit: number): Promise<NotificationRow[]>;
  countUnread(userId: string): Promise<number>;
  /** Marks the person's given notifications (or all, with null) read; resolves with how many. */
  markRead(userId: string, ids: readonly string[] | null, at: number): Promise<number>;
  /** Unread notifications no digest has carried yet, of everyone, oldest first. */
  listUndigested(limit: number): Promise<NotificationRow[]>;
  markEmailed(ids: readonly string[], at: number): Promise<void>;
}

/** Small key-value settings (the token secret, …). */
export interface SettingStore {
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
  /** Stores `value` unless the key has one already; resolves with the value that is stored. */
  setSettingIfAbsent(key: string, value: string): Promise<string>;
}

/** File contents (bilag) stored once by their SHA-256, readable by every instance. */
export interface BlobStore {
  /** Stores the bytes under their hash; storing the same content again changes nothing. */
  putBlob(sha256: string, bytes: Uint8Array): Promise<void>;
  getBlob(sha256: string): Promise<Uint8Array | null>;
}

/** Failed logins, per key (an account or an address), shared by every instance. */
export interface LoginFailureStore {
  recordLoginFailure(keys: string[], at: number): Promise<void>;
  /** Times of the key's failures after `since`, oldest first. */
  loginFailuresSince(key: string, since: number): Promise<number[]>;
  clearLoginFailures(key: string): Promise<void>;
}

/**
 * Named locks held across every instance on the same store (PostgreSQL advisory locks; in one
 * process for SQLite, which has one instance only).
 */
export interface LockStore {
  /** Runs `run` holding the lock, waiting for it if another holds it. */
  withLock<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** Runs `run` holding the lock, or resolves with null at once when another holds it. */
  tryWithLock<T>(name: string, run: () => Promise<T>): Promise<T | null>;
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
  readonly notifications: NotificationStore;
  readonly settings: SettingStore;
  readonly blobs: BlobStore;
  readonly loginFailures: LoginFailureStore;
  readonly locks: LockStore;
  /** Resolves when the store answers; rejects with `store_unavailable` when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A store operation refused for a reason the caller can act on. */
export class StoreError extends Error {
  constructor(
    readonly code: "doc_exists" | "doc_not_found" | "user_exists" | "store_unavailable",
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}
