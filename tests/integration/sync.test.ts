import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ITEM_ID } from "../../server/seed/seedDemo";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { bodyXml, connectClient, fieldText, typeInto, waitSynced } from "./helpers/yClient";

const DOC = `item:${DEMO_ITEM_ID}`;

describe("sync between stock y-websocket clients", () => {
  let server: TestServer;
  const clients: YClient[] = [];

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.dispose();
  });

  async function connect(email = "sekretariat@demo.dk"): Promise<YClient> {
    const session = await login(server.url, email);
    const c = connectClient(server.url, DOC, await session.syncToken(DOC));
    clients.push(c);
    await waitSynced(c);
    return c;
  }

  it("converges after concurrent edits, and a late joiner receives everything", async () => {
    const a = await connect("sekretariat@demo.dk");
    const b = await connect("sagsbehandler@demo.dk");
    expect(fieldText(a.doc, "sagsfremstilling")).toContain("Per Okkels");

    for (let i = 0; i < 20; i++) {
      typeInto(a.doc, "sagsfremstilling", `A${i} `);
      typeInto(b.doc, "sagsfremstilling", `B${i} `);
    }
    await waitFor(
      () =>
        bodyXml(a.doc) === bodyXml(b.doc) &&
        bodyXml(a.doc).includes("A19") &&
        bodyXml(a.doc).includes("B19"),
      {
        message: "a and b converge",
      },
    );

    const c = await connect("direktoer@demo.dk");
    await waitFor(() => bodyXml(c.doc) === bodyXml(a.doc), { message: "late joiner catches up" });
    const text = fieldText(c.doc, "sagsfremstilling");
    for (let i = 0; i < 20; i++) {
      expect(text).toContain(`A${i} `);
      expect(text).toContain(`B${i} `);
    }
  });

  it("acknowledges saves only for what is stored, and keeps it across a restart", async () => {
    const a = await connect();
    typeInto(a.doc, "baggrund", " Gemt tekst.");
    await a.save();
    const stored = await server.store.docs.loadDoc(DOC);
    expect(stored!.updates.length + (stored!.snapshot ? 1 : 0)).toBeGreaterThan(1);

    a.destroy();
    clients.length = 0;
    const { dataDir } = server;
    await server.close();
    server = await startTestServer({ dataDir });
    const b = await connect();
    expect(fieldText(b.doc, "baggrund")).toContain("Gemt tekst.");
  });
});
