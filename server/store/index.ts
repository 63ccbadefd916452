export type {
  DocStore,
  AttachmentRow,
  AttachmentStore,
  AuditEntry,
  AuditStore,
  CommitteeRow,
  MeetingRow,
  MeetingStore,
  Membership,
  MentionRow,
  PublicationRow,
  PublicationStore,
  PublicationSummary,
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
