import { rmSync } from "node:fs";
import * as Y from "yjs";
import { afterEach, describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/protocol";
import { DEMO_ITEM_ID } from "../../server/seed/seedDemo";
import type { ServerProcess } from "./helpers/serverProcess";
import { freePort, spawnServer } from "./helpers/serverProcess";
import { login } from "./helpers/session";
import { tempDataDir } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { bodyXml, connectClient, fieldText, typeInto, waitSynced } from "./helpers/yClient";

const DOC = `item:${DEMO_ITEM_ID}`;

describe("crash and shutdown", () => {
  const dataDir = tempDataDir();
  let server: ServerProcess | null = null;
  const clients: YClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses nothing that was acknowledged or broadcast when killed with SIGKILL mid-typing", async () => {
    const port = await freePort();
    server = await spawnServer(dataDir, port);
    const session = await login(server.url, "sekretariat@demo.dk");
    const writer = connectClient(server.url, DOC, await session.syncToken(DOC));
    const observer = connectClient(server.url, DOC, await session.syncToken(DOC));
    clients.push(writer, observer);
    await waitSynced(writer);
    await waitSynced(observer);

    // The writer types words and asks for a save after each; acked words must survive.
    let acked = 0;
    let typed = 0;
    const typing = { on: true };
    const typingDone = (async () => {
      while (typing.on) {
        typed += 1;
        typeInto(writer.doc, "sagsfremstilling", ` w${typed}`);
        const n = typed;
        writer
          .save()
          .then(() => (acked = Math.max(acked, n)))
          .catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    await waitFor(() => acked >= 150, { timeoutMs: 30_000, message: "150 acknowledged words" });
    server.child.kill("SIGKILL");
    await server.exited;
    typing.on = false;
    await typingDone;
    const ackedAtKill = acked;
    const observedAtKill = fieldText(observer.doc, "sagsfremstilling");
    writer.provider.disconnect();
    observer.provider.disconnect();
    expect(typed).toBeGreaterThan(ackedAtKill);

    server = await spawnServer(dataDir, port);
    const fresh = connectClient(
      server.url,
      DOC,
      await (await login(server.url, "formand@demo.dk")).syncToken(DOC),
    );
    clients.push(fresh);
    await waitSynced(fresh);
    const loaded = fieldText(fresh.doc, "sagsfremstilling");
    for (let i = 1; i <= ackedAtKill; i++) expect(loaded).toContain(` w${i}`);
    // Everything the observer had been sent was stored before it was sent.
    expect(loaded).toContain(observedAtKill.slice(observedAtKill.indexOf(" w1")));

    // The old clients come back (new tokens: the old ones are bound to the old process's
    // secret only by the store, which survived) and everything converges.
    writer.provider.connect();
    observer.provider.connect();
    await waitFor(
      () =>
        bodyXml(writer.doc) === bodyXml(fresh.doc) &&
        bodyXml(observer.doc) === bodyXml(fresh.doc) &&
        fieldText(fresh.doc, "sagsfremstilling").includes(` w${typed}`),
      { timeoutMs: 20_000, message: "all clients converge with nothing lost" },
    );
    const final = fieldText(fresh.doc, "sagsfremstilling");
    for (let i = 1; i <= typed; i++) expect(final).toContain(` w${i}`);
  });

  it("on SIGTERM stores everything, closes sockets with 1012 and exits 0", async () => {
    const port = await freePort();
    server = await spawnServer(dataDir, port);
    const session = await login(server.url, "sekretariat@demo.dk");
    const client = connectClient(server.url, DOC, await session.syncToken(DOC));
    clients.push(client);
    await waitSynced(client);
    typeInto(client.doc, "indstilling", " Sidste ord før lukning.");
    await client.save();
    server.child.kill("SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    await waitFor(() => client.closes.some((c) => c.code === CloseCode.serverShutdown), {
      message: "close code 1012",
    });
    client.provider.disconnect();

    server = await spawnServer(dataDir, port);
    const again = connectClient(
      server.url,
      DOC,
      await (await login(server.url, "sekretariat@demo.dk")).syncToken(DOC),
    );
    clients.push(again);
    await waitSynced(again);
    expect(fieldText(again.doc, "indstilling")).toContain("Sidste ord før lukning.");
    expect(Y.encodeStateVector(again.doc).byteLength).toBeGreaterThan(0);
  });
});
