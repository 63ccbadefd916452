/**
 * The PostgreSQL connection pool, with every failure to reach the server turned into
 * `StoreError("store_unavailable")`: what the sync server answers with close code 4502 and the
 * HTTP API with 503, while the caller's data stays where it was (in the client).
 */
import { Pool, types } from "pg";
import type { PoolClient, QueryConfig, QueryResultRow } from "pg";
import { StoreError } from "../Store";

/** BIGINT columns hold milliseconds and sequence numbers: numbers, not strings. */
const INT8_OID = 20;
const parsers = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? (value: string) => Number(value)
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/** SQLSTATEs of a server that is going away, starting, or cannot take the connection. */
const UNAVAILABLE_STATES = new Set(["57P01", "57P02", "57P03", "53300", "55000"]);
const UNAVAILABLE_ERRNOS = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreError) return error.code === "store_unavailable";
  const { code, message } = error as { code?: string; message?: string };
  if (code && (UNAVAILABLE_ERRNOS.has(code) || UNAVAILABLE_STATES.has(code))) return true;
  if (code?.startsWith("08")) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable/i.test(
    message ?? "",
  );
}

function translate(error: unknown): unknown {
  return isUnavailable(error)
    ? new StoreError("store_unavailable", `PostgreSQL unavailable: ${(error as Error).message}`)
    : error;
}

export interface PgDbOptions {
  connectionString: string;
  /** A schema to use instead of `public` (the contract tests run each in its own). */
  schema?: string;
  max?: number;
  log?: (message: string, context?: Record<string, unknown>) => void;
}

export type Queryable = Pick<PoolClient, "query">;

export class PgDb {
  readonly pool: Pool;
  readonly schema: string;

  constructor(options: PgDbOptions) {
    this.schema = options.schema ?? "public";
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: 5_000,
      types: parsers,
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    });
    // An idle connection the server dropped (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    this.pool.on("error", (error) =>
      options.log?.("PostgreSQL connection lost", { error: error.message }),
    );
  }

  async query<R extends QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    return this.run<R>({ text: sql, values: params });
  }

  /**
   * As `query`, as a named prepared statement: each connection has the server parse and plan
   * it once, not on every call. For the statements every keystroke runs.
   */
  async prepared<R extends QueryResultRow>(
    name: string,
    sql: string,
    params: unknown[] = [],
  ): Promise<R[]> {
    return this.run<R>({ name, text: sql, values: params });
  }

  private async run<R extends QueryResultRow>(config: QueryConfig): Promise<R[]> {
    try {
      return (await this.pool.query<R>(config)).rows;
    } catch (error) {
      throw translate(error);
    }
  }

  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  async transaction<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw translate(error);
    }
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
      throw translate(error);
    } finally {
      client.release(broken);
    }
  }

  /** Holds a session-level connection for `work` (advisory locks); destroyed if it broke. */
  async withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw translate(error);
    }
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      if (isUnavailable(error)) broken = error as Error;
      throw translate(error);
    } finally {
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
