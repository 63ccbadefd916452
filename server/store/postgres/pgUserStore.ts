import type { Role } from "../../../shared/roles";
import type {
  LoginFailureStore,
  Membership,
  SessionStore,
  SettingStore,
  User,
  UserStore,
} from "../Store";
import { StoreError } from "../Store";
import type { PgDb } from "./PgDb";

interface UserRow {
  id: string;
  email: string;
  name: string;
  initials: string;
  color: string;
  password_hash: string | null;
  active: boolean;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  initials: row.initials,
  color: row.color,
  passwordHash: row.password_hash,
  active: row.active,
});

interface MembershipRow {
  user_id: string;
  committee_id: string;
  role: string;
}

const toMembership = (row: MembershipRow): Membership => ({
  userId: row.user_id,
  committeeId: row.committee_id,
  role: row.role as Role,
});

const USER_COLUMNS: Record<string, string> = {
  name: "name",
  initials: "initials",
  passwordHash: "password_hash",
  active: "active",
};

export function pgUserStore(db: PgDb): UserStore {
  return {
    async createUser(user) {
      try {
        await db.query(
          "INSERT INTO users (id, email, name, initials, color, password_hash, active) VALUES ($1, $2, $3, $4, $5, $6, $7)",
          [
            user.id,
            user.email,
            user.name,
            user.initials,
            user.color,
            user.passwordHash,
            user.active,
          ],
        );
      } catch (error) {
        if ((error as { code?: string }).code === "23505") {
          throw new StoreError("user_exists", `User ${user.email} exists`);
        }
        throw error;
      }
    },
    async getUser(id) {
      const [row] = await db.query<UserRow>("SELECT * FROM users WHERE id = $1", [id]);
      return row ? toUser(row) : null;
    },
    async getUserByEmail(email) {
      const [row] = await db.query<UserRow>("SELECT * FROM users WHERE lower(email) = lower($1)", [
        email,
      ]);
      return row ? toUser(row) : null;
    },
    async listUsers() {
      return (await db.query<UserRow>('SELECT * FROM users ORDER BY name COLLATE "C"')).map(toUser);
    },
    async updateUser(id, patch) {
      for (const [key, value] of Object.entries(patch)) {
        const column = USER_COLUMNS[key];
        if (!column || value === undefined) continue;
        await db.query(`UPDATE users SET ${column} = $1 WHERE id = $2`, [value, id]);
      }
    },
    async setMembership(userId, committeeId, role) {
      if (role === null) {
        await db.query("DELETE FROM memberships WHERE user_id = $1 AND committee_id = $2", [
          userId,
          committeeId,
        ]);
      } else {
        await db.query(
          `INSERT INTO memberships (user_id, committee_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, committee_id) DO UPDATE SET role = excluded.role`,
          [userId, committeeId, role],
        );
      }
    },
    async memberships(userId) {
      const rows = await db.query<MembershipRow>(
        'SELECT * FROM memberships WHERE user_id = $1 ORDER BY committee_id COLLATE "C"',
        [userId],
      );
      return rows.map(toMembership);
    },
    async members(committeeId) {
      const rows = await db.query<MembershipRow>(
        'SELECT * FROM memberships WHERE committee_id = $1 ORDER BY user_id COLLATE "C"',
        [committeeId],
      );
      return rows.map(toMembership);
    },
    async createInvite(tokenHash, userId, expiresAt) {
      await db.query("INSERT INTO invites (token_hash, user_id, expires_at) VALUES ($1, $2, $3)", [
        tokenHash,
        userId,
        expiresAt,
      ]);
    },
    async takeInvite(tokenHash, now) {
      // Deleted and read in one statement: two instances cannot both take it.
      const [row] = await db.query<{ user_id: string; expires_at: number }>(
        "DELETE FROM invites WHERE token_hash = $1 RETURNING user_id, expires_at",
        [tokenHash],
      );
      return row && row.expires_at > now ? row.user_id : null;
    },
  };
}

export function pgSessionStore(db: PgDb): SessionStore {
  return {
    async createSession(s) {
      await db.query(
        "INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        [s.id, s.userId, s.csrfToken, s.createdAt, s.expiresAt],
      );
    },
    async getSession(id) {
      const [row] = await db.query<{
        id: string;
        user_id: string;
        csrf_token: string;
        created_at: number;
        expires_at: number;
      }>("SELECT * FROM sessions WHERE id = $1", [id]);
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
      await db.query("DELETE FROM sessions WHERE id = $1", [id]);
    },
    async deleteUserSessions(userId, exceptId) {
      const rows = await db.query<{ id: string }>(
        "DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2 RETURNING id",
        [userId, exceptId],
      );
      return rows.map((row) => row.id);
    },
    async deleteExpiredSessions(now) {
      const rows = await db.query("DELETE FROM sessions WHERE expires_at <= $1 RETURNING id", [
        now,
      ]);
      return rows.length;
    },
  };
}

export function pgSettingStore(db: PgDb): SettingStore {
  return {
    async getSetting(key) {
      const [row] = await db.query<{ value: string }>("SELECT value FROM settings WHERE key = $1", [
        key,
      ]);
      return row?.value ?? null;
    },
    async setSetting(key, value) {
      await db.query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
      );
    },
    async setSettingIfAbsent(key, value) {
      // Instances starting at once all propose a value; the first one stored is everyone's.
      await db.query(
        "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        [key, value],
      );
      const [row] = await db.query<{ value: string }>("SELECT value FROM settings WHERE key = $1", [
        key,
      ]);
      return row!.value;
    },
  };
}

export function pgLoginFailureStore(db: PgDb): LoginFailureStore {
  return {
    async recordLoginFailure(keys, at) {
      await db.query("INSERT INTO login_failures (key, at) SELECT unnest($1::text[]), $2", [
        keys,
        at,
      ]);
    },
    async loginFailuresSince(key, since) {
      // Failures that left the window are of no use any more.
      await db.query("DELETE FROM login_failures WHERE key = $1 AND at <= $2", [key, since]);
      const rows = await db.query<{ at: number }>(
        "SELECT at FROM login_failures WHERE key = $1 AND at > $2 ORDER BY at",
        [key, since],
      );
      return rows.map((row) => row.at);
    },
    async clearLoginFailures(key) {
      await db.query("DELETE FROM login_failures WHERE key = $1", [key]);
    },
  };
}
