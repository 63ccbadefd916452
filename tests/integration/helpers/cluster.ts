/**
 * A cluster for tests: N instances of the real server as child processes (`tsx server/main.ts
 * --demo`) on one PostgreSQL database made for the test and one Redis of its own (a
 * `redis-server` child on a free port, so a test may FLUSHDB or restart it without touching
 * anyone else's keys), with a key prefix of its own. `stop()` kills everything and drops the
 * database, also after a failed test.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { Redis } from "ioredis";
import type { TestDatabase } from "./postgres";
import { createTestDatabase, uniqueName } from "./postgres";
import type { ServerProcess } from "./serverProcess";
import { freePort, spawnServer } from "./serverProcess";
import { tempDataDir } from "./testServer";
import { waitFor } from "./waitFor";

export interface TestRedis {
  url: string;
  port: number;
  /** A client for the test itself (FLUSHDB, inspection). */
  client: Redis;
  /** Stops and starts the server again on the same port, empty (no persistence). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const started = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    child = started;
    // Not left running if the test process ends without its teardown.
    const killOnExit = () => started.kill("SIGKILL");
    process.once("exit", killOnExit);
    started.once("exit", () => process.off("exit", killOnExit));
    const probe = new Redis({ port, lazyConnect: true, retryStrategy: () => 50 });
    probe.on("error", () => undefined);
    await waitFor(
      () =>
        probe.ping().then(
          () => true,
          () => false,
        ),
      { timeoutMs: 10_000, message: "redis-server answers" },
    );
    probe.disconnect();
  };
  const stopChild = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  const client = new Redis({ port, retryStrategy: () => 100 });
  client.on("error", () => undefined);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    client,
    async restart() {
      await stopChild();
      await start();
    },
    async stop() {
      client.disconnect();
      await stopChild();
    },
  };
}

export interface TestCluster {
  instances: ServerProcess[];
  database: TestDatabase;
  redis: TestRedis;
  prefix: string;
  /** The environment an instance of this cluster runs with. */
  env: Record<string, string>;
  /** Starts one more instance on the same database and Redis (`env` overrides). */
  addInstance(env?: Record<string, string>): Promise<ServerProcess>;
  stop(): Promise<void>;
}

export async function startCluster(size: number): Promise<TestCluster> {
  const database = await createTestDatabase("dagsorden_cluster");
  const dataDir = tempDataDir();
  let redis: TestRedis | null = null;
  const instances: ServerProcess[] = [];
  const stop = async () => {
    await Promise.all(
      instances.map(async (instance) => {
        if (instance.child.exitCode === null && instance.child.signalCode === null) {
          instance.child.kill("SIGKILL");
          await instance.exited;
        }
      }),
    );
    await redis?.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    redis = await startRedis();
    const prefix = `${uniqueName("test")}:`;
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_PREFIX: prefix };
    const addInstance = async (overrides: Record<string, string> = {}) => {
      // Three instances compiling and seeding at once on a shared 2-core machine take a while.
      const instance = await spawnServer(
        dataDir,
        await freePort(),
        { ...env, ...overrides },
        120_000,
      );
      instances.push(instance);
      return instance;
    };
    // Started together: migrations, the token secret and demo seeding must cope.
    await Promise.all(Array.from({ length: size }, () => addInstance()));
    return { instances, database, redis, prefix, env, addInstance, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
