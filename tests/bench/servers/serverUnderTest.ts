/**
 * The servers the benchmarks compare, behind one interface: a scenario asks for a running
 * server, for document names it may open, and for a connect target per document; it never
 * needs to know which server it is talking to beyond the wire protocol.
 */
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { ConnectTarget, WireProtocol } from "../clients/rawClient";
import type { ScenarioId } from "../scenarios/scenario";
import type { ChildStats } from "./childControl";
import { OursSession } from "./oursSession";
import { ServerProcess } from "./serverProcess";

export type ServerId = "ours" | "yws-mem" | "yws-leveldb" | "hocuspocus" | "floor";
/** The servers a run compares unless `--servers` says otherwise. */
export const SERVER_IDS: readonly ServerId[] = ["ours", "yws-mem", "yws-leveldb", "hocuspocus"];

export interface ServerUnderTest {
  id: ServerId;
  label: string;
  protocol: WireProtocol;
  /** Keeps documents across a restart. */
  persistent: boolean;
  /** Acknowledges durably stored updates (our `saved` message). */
  durableAck: boolean;
  launcher: string;
  args: string[];
  /** The only scenarios it can run, when not all. */
  scenarios?: readonly ScenarioId[];
}

export const SERVERS: Record<ServerId, ServerUnderTest> = {
  ours: {
    id: "ours",
    label: "ours (SQLite, durable acks, auth)",
    protocol: "y-websocket",
    persistent: true,
    durableAck: true,
    launcher: "ours.ts",
    args: [],
  },
  "yws-mem": {
    id: "yws-mem",
    label: "@y/websocket-server 0.1.1, in memory",
    protocol: "y-websocket",
    persistent: false,
    durableAck: false,
    launcher: "yWebsocketServer.ts",
    args: ["--persistence=memory"],
  },
  "yws-leveldb": {
    id: "yws-leveldb",
    label: "@y/websocket-server 0.1.1, LevelDB",
    protocol: "y-websocket",
    persistent: true,
    durableAck: false,
    launcher: "yWebsocketServer.ts",
    args: ["--persistence=leveldb"],
  },
  hocuspocus: {
    id: "hocuspocus",
    label: "@hocuspocus/server 3.4.4, SQLite",
    protocol: "hocuspocus",
    persistent: true,
    durableAck: false,
    launcher: "hocuspocus.ts",
    args: [],
  },
  floor: {
    id: "floor",
    label: "relay floor: passes update bytes on, no Yjs, no storage (not a server)",
    protocol: "y-websocket",
    persistent: false,
    durableAck: false,
    launcher: "relayFloor.ts",
    args: [],
    scenarios: ["fanout", "cowriting"],
  },
};

/** Every id `--servers` takes: the default ones, and those asked for by name (the relay floor). */
export const KNOWN_SERVER_IDS = Object.keys(SERVERS) as readonly ServerId[];

export interface StartOptions {
  /** Item documents the scenario will use (our server creates them; the peers need nothing). */
  items?: number;
  /** Extra launcher arguments (e.g. our `--compact-after`). */
  extraArgs?: string[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** One server process on its own data dir; restartable on the same dir and port. */
export class RunningServer {
  private ours: OursSession | null = null;

  private constructor(
    readonly definition: ServerUnderTest,
    readonly dataDir: string,
    private process: ServerProcess,
    private readonly options: StartOptions,
  ) {}

  static async start(
    definition: ServerUnderTest,
    options: StartOptions = {},
  ): Promise<RunningServer> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `dagsorden-bench-${definition.id}-`));
    const port = await freePort();
    const child = await ServerProcess.start(
      definition.launcher,
      RunningServer.launcherArgs(definition, dataDir, options),
      port,
    );
    return new RunningServer(definition, dataDir, child, options);
  }

  private static launcherArgs(
    definition: ServerUnderTest,
    dataDir: string,
    options: StartOptions,
  ): string[] {
    return [
      ...definition.args,
      `--data-dir=${dataDir}`,
      `--items=${options.items ?? 0}`,
      ...(options.extraArgs ?? []),
    ];
  }

  get port(): number {
    return this.process.port;
  }

  get pid(): number {
    return this.process.pid;
  }

  /** The names of the first `count` benchmark documents. */
  docNames(count: number): string[] {
    return Array.from({ length: count }, (_, i) => `item:bench-${i}`);
  }

  /** Our server's signed-in secretariat, for HTTP requests (null for the peers). */
  session(): OursSession | null {
    if (this.definition.id !== "ours") return null;
    this.ours ??= new OursSession(`http://127.0.0.1:${this.port}`);
    return this.ours;
  }

  async target(docName: string): Promise<ConnectTarget> {
    const base = `ws://127.0.0.1:${this.port}`;
    if (this.definition.protocol === "hocuspocus") {
      return { protocol: "hocuspocus", url: base, docName, serverUrl: base, params: {} };
    }
    if (this.definition.id !== "ours") {
      return {
        protocol: "y-websocket",
        url: `${base}/${docName}`,
        docName,
        serverUrl: base,
        params: {},
      };
    }
    this.ours ??= new OursSession(`http://127.0.0.1:${this.port}`);
    const token = await this.ours.syncToken(docName);
    const serverUrl = `${base}/sync`;
    return {
      protocol: "y-websocket",
      url: `${serverUrl}/${docName}?token=${encodeURIComponent(token)}`,
      docName,
      serverUrl,
      params: { token },
    };
  }

  stats(): Promise<ChildStats> {
    return this.process.request("stats");
  }

  /** Stats after a forced garbage collection (for memory readings). */
  statsAfterGc(): Promise<ChildStats> {
    return this.process.request("gc");
  }

  async resetPeak(): Promise<ChildStats> {
    return this.process.request("resetPeak");
  }

  recentOutput(): string {
    return this.process.recentOutput();
  }

  /** SIGKILL, mid-whatever. */
  kill(): Promise<void> {
    return this.process.kill();
  }

  /** Starts a new process on the same data dir and port (after `kill` or `stop`). */
  async restart(extraArgs?: string[]): Promise<void> {
    const options = extraArgs ? { ...this.options, extraArgs } : this.options;
    this.process = await ServerProcess.start(
      this.definition.launcher,
      RunningServer.launcherArgs(this.definition, this.dataDir, options),
      this.port,
    );
  }

  /** Graceful stop (SIGTERM): our server and Hocuspocus flush; the reference server just exits. */
  stop(): Promise<void> {
    return this.process.stop();
  }

  /** Stops the server and deletes its data dir. */
  async dispose(): Promise<void> {
    await this.process.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
