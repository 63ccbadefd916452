import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type {
  DocStore,
  LoginFailureStore,
  Session,
  SessionStore,
  SettingStore,
  Store,
  StoredDoc,
  User,
  UserStore,
} from "./Store";
import { StoreError } from "./Store";
import { fileBlobStore } from "./fileBlobStore";
import { processLocks } from "./processLocks";
import { migrateSqlite } from "./sqliteMigrations";
import { sqliteAttachmentStore, sqliteAuditStore, sqliteMeetingStore } from "./sqliteMeetingStore";
import { sqliteReviewStore, sqliteVersionStore } from "./sqliteVersionStore";
import { sqlitePublicationStore } from "./sqlitePublicationStore";
import { sqliteNotificationStore } from "./sqliteNotificationStore";
import type { Role } from "../../shared/roles";

export interface SqliteStoreOptions {
  /** Directory for `dagsorden.sqlite`; created when missing. */
  dataDir: string;
  /**
   * `full` fsyncs every commit (durable across power loss); `normal` (WAL) is durable across a
   * process crash such as SIGKILL, which is what the sync server's acknowledgements promise.
   */
  synchronous?: "full" | "normal";
}

/** The embedded default store: better-sqlite3 in WAL mode. */
export function openSqliteStore({ dataDir, synchronous = "normal" }: SqliteStoreOptions): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, "dagsorden.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${synchronous === "full" ? "FULL" : "NORMAL"}`);
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrateSqlite(db);
  return {
    kind: "sqlite",
    docs: sqliteDocStore(db),
    users: sqliteUserStore(db),
    sessions: sqliteSessionStore(db),
    meetings: sqliteMeetingStore(db),
    attachments: sqliteAttachmentStore(db),
    audit: sqliteAuditStore(db),
    versions: sqliteVersionStore(db),
    review: sqliteReviewStore(db),
    publications: sqlitePublicationStore(db),
    notifications: sqliteNotificationStore(db),
    settings: sqliteSettingStore(db),
    blobs: fileBlobStore(path.join(dataDir, "attachments")),
    loginFailures: sqliteLoginFailureStore(db),
    locks: processLocks(),
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async close() {
      db.close();
    },
  };
}

function sqliteDocStore(db: Database.Database): DocStore {
  const insertDoc = db.prepare(
    "INSERT INTO docs (name, snapshot, snapshot_seq, last_seq, bytes) VALUES (?, ?, 0, 0, ?)",
  );
  const selectDoc = db.prepare<
    [string],
    { snapshot: Buffer | null; last_seq: number; bytes: number; snapshot_seq: number }
  >("SELECT snapshot, snapshot_seq, last_seq, bytes FROM docs WHERE name = ?");
  const selectUpdates = db.prepare<[string], { data: Buffer }>(
    "SELECT data FROM doc_updates WHERE doc = ? ORDER BY seq",
  );
  const insertUpdate = db.prepare("INSERT INTO doc_updates (doc, seq, data) VALUES (?, ?, ?)");
  const bumpDoc = db.prepare("UPDATE docs SET last_seq = ?, bytes = bytes + ? WHERE name = ?");
  const deleteUpdatesThrough = db.prepare("DELETE FROM doc_updates WHERE doc = ? AND seq <= ?");
  const sumUpdates = db.prepare<[string], { total: number | null }>(
    "SELECT SUM(length(data)) AS total FROM doc_updates WHERE doc = ?",
  );
  const setSnapshot = db.prepare(
    "UPDATE docs SET snapshot = ?, snapshot_seq = ?, bytes = ? WHERE name = ?",
  );
  const countUpdates = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM doc_updates WHERE doc = ?",
  );
  const deleteDoc = db.prepare("DELETE FROM docs WHERE name = ?");
  const deleteDocUpdates = db.prepare("DELETE FROM doc_updates WHERE doc = ?");
  const listDocs = db.prepare<[string], { name: string }>(
    "SELECT name FROM docs WHERE substr(name, 1, length(?1)) = ?1 ORDER BY name",
  );
  const selectUpdatesAfter = db.prepare<[string, number], { seq: number; data: Buffer }>(
    "SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq",
  );
  const selectUpdatesWithSeq = db.prepare<[string], { seq: number; data: Buffer }>(
    "SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq",
  );
  const lastSeqOf = db.prepare<[string], { last_seq: number }>(
    "SELECT last_seq FROM docs WHERE name = ?",
  );

  const append = db.transaction((name: string, updates: Uint8Array[]): number => {
    const row = selectDoc.get(name);
    if (!row) throw new StoreError("doc_not_found", `No document ${name}`);
    let seq = row.last_seq;
    let bytes = 0;
    for (const update of updates) {
      seq += 1;
      bytes += update.byteLength;
      insertUpdate.run(name, seq, update);
    }
    bumpDoc.run(seq, bytes, name);
    return seq;
  });

  const compact = db.transaction((name: string, snapshot: Uint8Array, throughSeq: number) => {
    const row = selectDoc.get(name);
    if (!row) throw new StoreError("doc_not_found", `No document ${name}`);
    if (throughSeq < row.snapshot_seq) return; // an older compaction; a newer one won
    deleteUpdatesThrough.run(name, throughSeq);
    const rest = sumUpdates.get(name)?.total ?? 0;
    setSnapshot.run(snapshot, throughSeq, snapshot.byteLength + rest, name);
  });

  return {
    async createDoc(name, initialState) {
      try {
        insertDoc.run(name, initialState, initialState.byteLength);
      } catch (error) {
        if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
          throw new StoreError("doc_exists", `Document ${name} exists`);
        }
        throw error;
      }
    },
    async loadDoc(name): Promise<StoredDoc | null> {
      // One read transaction, so the snapshot and the log belong together.
      return db.transaction(() => {
        const row = selectDoc.get(name);
        if (!row) return null;
        const updates = selectUpdates.all(name).map((r) => new Uint8Array(r.data));
        return {
          snapshot: row.snapshot ? new Uint8Array(row.snapshot) : null,
          updates,
          lastSeq: row.last_seq,
          bytes: row.bytes,
        };
      })();
    },
    async docExists(name) {
      return selectDoc.get(name) !== undefined;
    },
    async appendUpdates(name, updates) {
      return append(name, updates);
    },
    async compact(name, snapshot, throughSeq) {
      compact(name, snapshot, throughSeq);
    },
    async countUpdates(name) {
      return countUpdates.get(name)?.n ?? 0;
    },
    async deleteDoc(name) {
      db.transaction(() => {
        deleteDocUpdates.run(name);
        deleteDoc.run(name);
      })();
    },
    async listDocs(prefix) {
      return listDocs.all(prefix).map((r) => r.name);
    },
    async loadTail(name, afterSeq) {
      return db.transaction(() => {
        const row = selectDoc.get(name);
        if (!row) return null;
        const folded = afterSeq < row.snapshot_seq;
        const rows = folded
          ? selectUpdatesWithSeq.all(name)
          : selectUpdatesAfter.all(name, afterSeq);
        return {
          snapshot: folded && row.snapshot ? new Uint8Array(row.snapshot) : null,
          updates: rows.map((r) => new Uint8Array(r.data)),
          firstSeq: rows[0]?.seq ?? row.last_seq + 1,
          lastSeq: row.last_seq,
        };
      })();
    },
    async lastSeqs(names) {
      const seqs = new Map<string, number>();
      for (const name of names) {
        const row = lastSeqOf.get(name);
        if (row) seqs.set(name, row.last_seq);
      }
      return seqs;
    },
  };
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  initials: string;
  color: string;
  password_hash: string | null;
  active: number;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    initials: row.initials,
    color: row.color,
    passwordHash: row.password_hash,
    active: row.active === 1,
  };
}

function sqliteUserStore(db: Database.Database): UserStore {
  const insert = db.prepare(
    "INSERT INTO users (id, email, name, initials, color, password_hash, active) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const byId = db.prepare<[string], UserRow>("SELECT * FROM users WHERE id = ?");
  const byEmail = db.prepare<[string], UserRow>(
    "SELECT * FROM users WHERE email = ? COLLATE NOCASE",
  );
  const all = db.prepare<[], UserRow>("SELECT * FROM users ORDER BY name");
  const upsertMembership = db.prepare(
    "INSERT INTO memberships (user_id, committee_id, role) VALUES (?, ?, ?) ON CONFLICT(user_id, committee_id) DO UPDATE SET role = excluded.role",
  );
  const deleteMembership = db.prepare(
    "DELETE FROM memberships WHERE user_id = ? AND committee_id = ?",
  );
  const membershipsOf = db.prepare<
    [string],
    { user_id: string; committee_id: string; role: string }
  >("SELECT * FROM memberships WHERE user_id = ? ORDER BY committee_id");
  const membersOf = db.prepare<[string], { user_id: string; committee_id: string; role: string }>(
    "SELECT * FROM memberships WHERE committee_id = ? ORDER BY user_id",
  );
  const insertInvite = db.prepare(
    "INSERT INTO invites (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
  );
  const getInvite = db.prepare<[string], { user_id: string; expires_at: number }>(
    "SELECT user_id, expires_at FROM invites WHERE token_hash = ?",
  );
  const deleteInvite = db.prepare("DELETE FROM invites WHERE token_hash = ?");
  const toMembership = (row: { user_id: string; committee_id: string; role: string }) => ({
    userId: row.user_id,
    committeeId: row.committee_id,
    role: row.role as Role,
  });
  return {
    async updateUser(id, patch) {
      const columns: Record<string, string> = {
        name: "name",
        initials: "initials",
        passwordHash: "password_hash",
        active: "active",
      };
      for (const [key, value] of Object.entries(patch)) {
        const column = columns[key];
        if (!column || value === undefined) continue;
        db.prepare(`UPDATE users SET ${column} = ? WHERE id = ?`).run(
          typeof value === "boolean" ? (value ? 1 : 0) : value,
          id,
        );
      }
    },
    async setMembership(userId, committeeId, role) {
      if (role === null) deleteMembership.run(userId, committeeId);
      else upsertMembership.run(userId, committeeId, role);
    },
    async memberships(userId) {
      return membershipsOf.all(userId).map(toMembership);
    },
    async members(committeeId) {
      return membersOf.all(committeeId).map(toMembership);
    },
    async createInvite(tokenHash, userId, expiresAt) {
      insertInvite.run(tokenHash, userId, expiresAt);
    },
    async takeInvite(tokenHash, now) {
      return db.transaction(() => {
        const row = getInvite.get(tokenHash);
        if (!row) return null;
        deleteInvite.run(tokenHash);
        return row.expires_at > now ? row.user_id : null;
      })();
    },
    async createUser(user) {
      try {
        insert.run(
          user.id,
          user.email,
          user.name,
          user.initials,
          user.color,
          user.passwordHash,
          user.active ? 1 : 0,
        );
      } catch (error) {
        if (String((error as { code?: string }).code).startsWith("SQLITE_CONSTRAINT")) {
          throw new StoreError("user_exists", `User ${user.email} exists`);
        }
        throw error;
      }
    },
    async getUser(id) {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
    async getUserByEmail(email) {
      const row = byEmail.get(email);
      return row ? toUser(row) : null;
    },
    async listUsers() {
      return all.all().map(toUser);
    },
  };
}

function sqliteSessionStore(db: Database.Database): SessionStore {
  const insert = db.prepare(
    "INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
  );
  const get = db.prepare<
    [string],
    { id: string; user_id: string; csrf_token: string; created_at: number; expires_at: number }
  >("SELECT * FROM sessions WHERE id = ?");
  const remove = db.prepare("DELETE FROM sessions WHERE id = ?");
  const removeExpired = db.prepare("DELETE FROM sessions WHERE expires_at <= ?");
  const removeOfUser = db.prepare<[string, string], { id: string }>(
    "DELETE FROM sessions WHERE user_id = ? AND id IS NOT ? RETURNING id",
  );
  return {
    async createSession(s: Session) {
      insert.run(s.id, s.userId, s.csrfToken, s.createdAt, s.expiresAt);
    },
    async getSession(id) {
      const row = get.get(id);
      if (!row) return null;
      return {
        id: row.id,
        userId: row.user_id,
        csrfToken: row.csrf_token,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      };
    },
    async deleteSession(id) {
      remove.run(id);
    },
    async deleteUserSessions(userId, exceptId) {
      return removeOfUser.all(userId, exceptId ?? "").map((row) => row.id);
    },
    async deleteExpiredSessions(now) {
      return removeExpired.run(now).changes;
    },
  };
}

function sqliteSettingStore(db: Database.Database): SettingStore {
  const get = db.prepare<[string], { value: string }>("SELECT value FROM settings WHERE key = ?");
  const set = db.prepare(
    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  const insertIfAbsent = db.prepare(
    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
  );
  return {
    async getSetting(key) {
      return get.get(key)?.value ?? null;
    },
    async setSetting(key, value) {
      set.run(key, value);
    },
    async setSettingIfAbsent(key, value) {
      insertIfAbsent.run(key, value);
      return get.get(key)!.value;
    },
  };
}

function sqliteLoginFailureStore(db: Database.Database): LoginFailureStore {
  const insert = db.prepare("INSERT INTO login_failures (key, at) VALUES (?, ?)");
  const since = db.prepare<[string, number], { at: number }>(
    "SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at",
  );
  const clear = db.prepare("DELETE FROM login_failures WHERE key = ?");
  const forget = db.prepare("DELETE FROM login_failures WHERE key = ? AND at <= ?");
  return {
    async recordLoginFailure(keys, at) {
      db.transaction(() => {
        for (const key of keys) insert.run(key, at);
      })();
    },
    async loginFailuresSince(key, after) {
      // Failures that left the window are of no use any more.
      forget.run(key, after);
      return since.all(key, after).map((row) => row.at);
    },
    async clearLoginFailures(key) {
      clear.run(key);
    },
  };
}
