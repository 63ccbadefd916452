/**
 * Suggest mode, enforced by the server: a director on an item under review has `suggest`
 * access. Stock y-websocket clients play the director: a valid suggestion is applied and
 * broadcast; each cheat is refused (4423 not_a_suggestion) and the stored document is unchanged.
 */
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ITEM_ID } from "../../server/seed/seedDemo";
import { BODY_FRAGMENT } from "../../shared/docName";
import { ITEM_FIELDS } from "../../shared/editor";
import { CloseCode, CloseReason } from "../../shared/protocol";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { connectClient, fieldText, waitSynced } from "./helpers/yClient";

const ITEM = `item:${DEMO_ITEM_ID}`;
const DIRECTOR_NAME = "Dorthe Krogh";

/** The last text node of Sagsfremstilling's last paragraph, where the tests suggest. */
function lastText(doc: Y.Doc): Y.XmlText {
  const index = ITEM_FIELDS.findIndex((f) => f.name === "sagsfremstilling");
  const field = doc.getXmlFragment(BODY_FRAGMENT).get(index) as Y.XmlElement;
  const paragraph = field.get(field.length - 1) as Y.XmlElement;
  const text = paragraph.get(paragraph.length - 1);
  if (!(text instanceof Y.XmlText)) throw new Error("no text at the end of Sagsfremstilling");
  return text;
}

function mark(authorId: string, id: string, authorName = DIRECTOR_NAME) {
  return { id, authorId, authorName, time: new Date().toISOString() };
}

describe("suggest mode on the server", () => {
  let server: TestServer;
  let officer: TestSession;
  let director: TestSession;
  let secretariat: TestSession;

  beforeAll(async () => {
    server = await startTestServer();
    officer = await login(server.url, "sagsbehandler@demo.dk");
    director = await login(server.url, "direktoer@demo.dk");
    secretariat = await login(server.url, "sekretariat@demo.dk");
    const res = await officer.request("POST", `/api/items/${DEMO_ITEM_ID}/transitions`, {
      transition: "sendToReview",
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });
  afterAll(async () => {
    await server.dispose();
  });

  async function storedXml(): Promise<string> {
    const stored = await server.store.docs.loadDoc(ITEM);
    const ydoc = new Y.Doc();
    ydoc.transact(() => {
      for (const part of [...(stored!.snapshot ? [stored!.snapshot] : []), ...stored!.updates])
        Y.applyUpdate(ydoc, part);
    });
    return ydoc.getXmlFragment(BODY_FRAGMENT).toString();
  }

  async function connect(who: TestSession): Promise<YClient> {
    const client = connectClient(server.url, ITEM, await who.syncToken(ITEM));
    await waitSynced(client);
    return client;
  }

  /** The director sends `cheat`; it is refused with 4423 and nothing stored changes. */
  async function expectRefused(cheat: (text: Y.XmlText) => void): Promise<void> {
    const client = await connect(director);
    await client.settle();
    const before = await storedXml();
    client.doc.transact(() => cheat(lastText(client.doc)));
    await waitFor(() => client.closes.length > 0, { message: "the cheat is refused" });
    expect(client.closes[0]).toEqual({
      code: CloseCode.notASuggestion,
      reason: CloseReason.notASuggestion,
    });
    client.destroy();
    await waitFor(async () => (await storedXml()) === before, {
      message: "the stored document is as before",
    });
    // The revert is stored with the update: a fresh reader sees the text as before.
    const reader = await connect(officer);
    expect(reader.doc.getXmlFragment(BODY_FRAGMENT).toString()).toBe(before);
    reader.destroy();
  }

  it("applies a director's suggestion and broadcasts it to the officer", async () => {
    const watcher = await connect(officer);
    const client = await connect(director);
    const text = lastText(client.doc);
    const length = text.length;
    client.doc.transact(() => {
      // A deletion of the last character but one and an insertion at the end.
      text.format(length - 2, 1, { deletion: mark(director.userId, "d1") });
      text.insert(length, " (foreslået)", { insertion: mark(director.userId, "i1") });
    });
    expect(await client.settle()).toBe("saved");
    await waitFor(() => fieldText(watcher.doc, "sagsfremstilling").endsWith(" (foreslået)"), {
      message: "the officer sees the suggestion",
    });
    const delta = lastText(watcher.doc).toDelta() as { insert: string; attributes?: object }[];
    expect(delta.at(-1)).toMatchObject({
      insert: " (foreslået)",
      attributes: { insertion: { authorId: director.userId, id: "i1" } },
    });
    expect(delta.at(-3)).toMatchObject({
      attributes: { deletion: { authorId: director.userId, id: "d1" } },
    });
    expect(await storedXml()).toContain("(foreslået)");
    // Withdrawing one's own insertion is allowed too.
    client.doc.transact(() => lastText(client.doc).delete(length, " (foreslået)".length));
    expect(await client.settle()).toBe("saved");
    expect(await storedXml()).not.toContain("(foreslået)");
    client.destroy();
    watcher.destroy();
  });

  it("refuses removing text", async () => {
    await expectRefused((text) => text.delete(0, 3));
  });

  it("refuses adding unmarked text", async () => {
    await expectRefused((text) => text.insert(text.length, " uden markering"));
  });

  it("refuses an insertion in someone else's name", async () => {
    await expectRefused((text) =>
      text.insert(text.length, " forfalsket", {
        insertion: mark(officer.userId, "f1", "Mads Lauridsen"),
      }),
    );
  });

  it("refuses an insertion with her id but another person's name", async () => {
    await expectRefused((text) =>
      text.insert(text.length, " forfalsket", {
        insertion: mark(director.userId, "f2", "Frederik Lund"),
      }),
    );
  });

  describe("with someone else's suggestion in the text", () => {
    let chairId: string;
    beforeAll(async () => {
      // The secretariat (write) stores a suggestion attributed to the chair.
      chairId = (await login(server.url, "formand@demo.dk")).userId;
      const writer = await connect(secretariat);
      const text = lastText(writer.doc);
      writer.doc.transact(() =>
        text.insert(text.length, " formandens forslag", {
          insertion: mark(chairId, "c1", "Frederik Lund"),
        }),
      );
      expect(await writer.settle()).toBe("saved");
      writer.destroy();
    });

    it("refuses changing the author of a mark", async () => {
      await expectRefused((text) => {
        const at = text.length - " formandens forslag".length;
        text.format(at, " formandens forslag".length, {
          insertion: mark(director.userId, "c1"),
        });
      });
    });

    it("refuses removing someone else's suggested text", async () => {
      await expectRefused((text) =>
        text.delete(text.length - " forslag".length, " forslag".length),
      );
    });

    it("refuses marking someone else's suggestion as deleted", async () => {
      await expectRefused((text) =>
        text.format(text.length - " forslag".length, " forslag".length, {
          insertion: null,
          deletion: mark(director.userId, "d9"),
        }),
      );
    });

    it("refuses a suggestion that reuses someone else's suggestion id", async () => {
      await expectRefused((text) =>
        text.insert(0, "Også ", { insertion: mark(director.userId, "c1") }),
      );
    });
  });

  it("a director on an item in Kladde has comment access: no suggestion is applied", async () => {
    const other = "demo-2-8";
    const client = connectClient(
      server.url,
      `item:${other}`,
      await director.syncToken(`item:${other}`),
    );
    await waitSynced(client);
    const text = lastText(client.doc);
    client.doc.transact(() =>
      text.insert(text.length, " forslag", { insertion: mark(director.userId, "k1") }),
    );
    expect(await client.settle()).toBe("refused: read_only");
    client.destroy();
  });
});
