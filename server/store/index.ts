export type {
  BlobStore,
  DocStore,
  DocTail,
  LockStore,
  LoginFailureStore,
  AttachmentRow,
  FindingAcceptanceRow,
  AttachmentStore,
  AuditEntry,
  AuditStore,
  CommitteeRow,
  MeetingRow,
  MeetingStore,
  Membership,
  MentionRow,
  NotificationRow,
  NotificationStore,
  PublicationRow,
  PublicationSources,
  PublicationStore,
  PublicationSummary,
  PublicContent,
  PublicSearchEntry,
  PublicSearchHit,
  PublicSearchQuery,
  ReviewStore,
  VersionRow,
  VersionStore,
  Session,
  SessionStore,
  SettingStore,
  Store,
  StoredDoc,
  User,
  UserStore,
} from "./Store";
export { StoreError } from "./Store";
export { openSqliteStore } from "./SqliteStore";
export type { SqliteStoreOptions } from "./SqliteStore";
// openPostgresStore is imported from ./postgres/PostgresStore where it is needed, not from here:
// every module that uses the store imports this index, and pg would load in every server.
export type { PostgresStoreOptions } from "./postgres/PostgresStore";
