/**
 * The load balancer configuration of docs/DEPLOY.md (docs/deploy/haproxy.cfg, ports changed)
 * in front of three instances: clients spread over the instances co-edit through it, and when
 * one instance drains on SIGTERM its clients move to the others and lose nothing.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ITEM_ID } from "../../server/seed/seedDemo";
import { CloseCode } from "../../shared/protocol";
import type { TestCluster } from "./helpers/cluster";
import { startCluster } from "./helpers/cluster";
import { freePort } from "./helpers/serverProcess";
import { login } from "./helpers/session";
import { tempDataDir } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { bodyXml, connectClient, fieldText, typeInto, waitSynced } from "./helpers/yClient";

const ITEM = `item:${DEMO_ITEM_ID}`;
const CONFIG = path.resolve(import.meta.dirname, "../../docs/deploy/haproxy.cfg");

describe("three instances behind HAProxy", () => {
  let cluster: TestCluster;
  let haproxy: ChildProcess | null = null;
  let lb = "";
  const dir = tempDataDir();
  const clients: YClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3);
    const port = await freePort();
    lb = `http://127.0.0.1:${port}`;
    let config = readFileSync(CONFIG, "utf8").replace("127.0.0.1:8080", `127.0.0.1:${port}`);
    cluster.instances.forEach((instance, i) => {
      config = config.replace(`127.0.0.1:300${i + 1}`, new URL(instance.url).host);
    });
    writeFileSync(path.join(dir, "haproxy.cfg"), config);
    haproxy = spawn("haproxy", ["-db", "-f", path.join(dir, "haproxy.cfg")], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitFor(
      () =>
        fetch(`${lb}/readyz`).then(
          (r) => r.ok,
          () => false,
        ),
      { timeoutMs: 20_000, message: "HAProxy routes to a ready instance" },
    );
  }, 300_000);
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    if (haproxy && haproxy.exitCode === null) {
      const exited = new Promise((resolve) => haproxy!.once("exit", resolve));
      haproxy.kill("SIGKILL");
      await exited;
    }
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("spreads clients over the instances; when one drains on SIGTERM they move and lose nothing", async () => {
    const session = await login(lb, "sekretariat@demo.dk");
    for (let i = 0; i < 6; i++) {
      const client = connectClient(lb, ITEM, await session.syncToken(ITEM));
      clients.push(client);
      await waitSynced(client);
    }
    // leastconn: two sockets on each instance.
    const stats = await Promise.all(
      cluster.instances.map(async (instance) => (await fetch(`${instance.url}/readyz`)).status),
    );
    expect(stats).toEqual([200, 200, 200]);

    let typed = 0;
    const typing = new AbortController();
    const done = (async () => {
      while (!typing.signal.aborted) {
        typed += 1;
        typeInto(clients[typed % clients.length]!.doc, "sagsfremstilling", ` lb${typed}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await waitFor(() => typed >= 60, { timeoutMs: 20_000, message: "typing" });
    const draining = cluster.instances[0]!;
    draining.child.kill("SIGTERM");
    expect(await draining.exited).toEqual({ code: 0, signal: null });
    await waitFor(() => typed >= 150, { timeoutMs: 20_000, message: "typing goes on" });
    typing.abort();
    await done;
    // Two clients were on the drained instance: told 1012, they came back through HAProxy.
    expect(
      clients.filter((c) => c.closes.some((e) => e.code === CloseCode.serverShutdown)),
    ).toHaveLength(2);
    await waitFor(
      () =>
        clients.every(
          (c) => c.provider.wsconnected && bodyXml(c.doc) === bodyXml(clients[0]!.doc),
        ) && fieldText(clients[0]!.doc, "sagsfremstilling").includes(` lb${typed}`),
      { timeoutMs: 30_000, message: "every client converges through the other instances" },
    );
    await Promise.all(clients.map((client) => client.save()));
    const fresh = connectClient(
      lb,
      ITEM,
      await (await login(lb, "formand@demo.dk")).syncToken(ITEM),
    );
    clients.push(fresh);
    await waitSynced(fresh);
    const text = fieldText(fresh.doc, "sagsfremstilling");
    for (let i = 1; i <= typed; i++) expect(text).toContain(` lb${i}`);
    const ready = await (await fetch(`${lb}/readyz`)).json();
    expect(ready).toMatchObject({ ok: true, redis: "ok" });
  });
});
