export type {
  DocStore,
  ItemHeader,
  ItemStore,
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
