import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMENTS_DOC_ROOT } from "../../shared/model";
import type { CommentThread } from "../../shared/model";
import { DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { connectClient, fieldText, typeInto, waitSynced } from "./helpers/yClient";

const ITEM = `item:${DEMO_ITEM_ID}`;
const COMMENTS = `comments:${DEMO_ITEM_ID}`;

function anchorIn(client: YClient, word: string) {
  const field = client.doc.getXmlFragment("default").get(2) as Y.XmlElement;
  const text = (field.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const start = text.toString().indexOf(word);
  const encode = (index: number) =>
    Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index)),
    ).toString("base64");
  return { start: encode(start), end: encode(start + word.length) };
}

describe("review: comments, versions, redline, attribution", () => {
  let server: TestServer;
  let director: TestSession;
  let secretariat: TestSession;
  const clients: YClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    director = await login(server.url, "direktoer@demo.dk");
    secretariat = await login(server.url, "sekretariat@demo.dk");
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.dispose();
  });

  it("lists everyone who may read the item's comments to be named in them, and records no one else", async () => {
    const res = await director.request("GET", `/api/items/${DEMO_ITEM_ID}/people`);
    expect(res.status).toBe(200);
    const { people } = (await res.json()) as {
      people: { id: string; name: string; initials: string }[];
    };
    // The chair included (a director could not name them before); the reader is not: readers
    // never see comments.
    expect(people).toEqual([
      { id: "u-direktoer", name: "Dorthe Krogh", initials: "dok" },
      { id: "u-formand", name: "Frederik Lund", initials: "frl" },
      { id: "u-sagsbehandler", name: "Mads Lauridsen", initials: "mlal" },
      { id: "u-sekretariat", name: "Signe Holm", initials: "sih" },
    ]);
    // A reader (here before the agenda is sent out) is told nothing.
    const reader = await login(server.url, "laeser@demo.dk");
    expect((await reader.request("GET", `/api/items/${DEMO_ITEM_ID}/people`)).status).toBe(404);
    expect((await director.request("GET", "/api/items/nope/people")).status).toBe(404);

    const body = connectClient(server.url, ITEM, await director.syncToken(ITEM));
    clients.push(body);
    await waitSynced(body);
    const created = await director.request("POST", `/api/items/${DEMO_ITEM_ID}/comments`, {
      anchor: anchorIn(body, "Per Okkels"),
      quote: "Per Okkels",
      text: "@Frederik Lund @Lene Bach",
      mentions: ["u-formand", "u-laeser"],
    });
    expect(created.status).toBe(201);
    const { thread } = (await created.json()) as { thread: CommentThread };
    expect(thread.messages[0]!.mentions).toEqual(["u-formand"]);
  });

  it("a comment-only connection writes comments (seen live) while its body updates are refused", async () => {
    const body = connectClient(server.url, ITEM, await director.syncToken(ITEM));
    const threadsLive = connectClient(server.url, COMMENTS, await secretariat.syncToken(COMMENTS));
    clients.push(body, threadsLive);
    await waitSynced(body);
    await waitSynced(threadsLive);

    const res = await director.request("POST", `/api/items/${DEMO_ITEM_ID}/comments`, {
      anchor: anchorIn(body, "Per Okkels"),
      quote: "Per Okkels",
      text: "Skal vi nævne hans titel? @Signe",
      mentions: ["u-sekretariat", "not-a-member"],
    });
    expect(res.status).toBe(201);
    const { thread } = (await res.json()) as { thread: CommentThread };
    expect(thread.messages[0]).toMatchObject({
      authorId: "u-direktoer",
      authorName: "Dorthe Krogh",
      mentions: ["u-sekretariat"],
    });
    await waitFor(() => threadsLive.doc.getMap(COMMENTS_DOC_ROOT).has(thread.id), {
      message: "thread live",
    });

    const before = fieldText(body.doc, "sagsfremstilling");
    typeInto(body.doc, "sagsfremstilling", " DIREKTØR");
    await expect(body.save()).rejects.toThrow("refused: read_only");
    const fresh = connectClient(server.url, ITEM, await secretariat.syncToken(ITEM));
    clients.push(fresh);
    await waitSynced(fresh);
    expect(fieldText(fresh.doc, "sagsfremstilling")).toBe(before);

    const mentions = (await (await secretariat.request("GET", "/api/me/mentions")).json()) as {
      mentions: { threadId: string; byName: string; meetingId: string }[];
    };
    expect(mentions.mentions[0]).toMatchObject({
      threadId: thread.id,
      byName: "Dorthe Krogh",
      meetingId: DEMO_MEETING_ID,
    });

    // Reply, edit own, not others', resolve and reopen.
    const reply = await secretariat.request(
      "POST",
      `/api/items/${DEMO_ITEM_ID}/comments/${thread.id}/replies`,
      { text: "Ja, tilføjet." },
    );
    expect(reply.status).toBe(201);
    const replied = ((await reply.json()) as { thread: CommentThread }).thread;
    const mine = replied.messages[1]!;
    const othersEdit = await director.request(
      "PATCH",
      `/api/items/${DEMO_ITEM_ID}/comments/${thread.id}/messages/${mine.id}`,
      { text: "x" },
    );
    expect(othersEdit.status).toBe(403);
    const ownEdit = await secretariat.request(
      "PATCH",
      `/api/items/${DEMO_ITEM_ID}/comments/${thread.id}/messages/${mine.id}`,
      { text: "Ja, rettet." },
    );
    expect(((await ownEdit.json()) as { thread: CommentThread }).thread.messages[1]).toMatchObject({
      text: "Ja, rettet.",
    });
    const resolved = await director.request(
      "POST",
      `/api/items/${DEMO_ITEM_ID}/comments/${thread.id}/resolve`,
      { resolved: true },
    );
    expect(((await resolved.json()) as { thread: CommentThread }).thread).toMatchObject({
      resolved: true,
      resolvedBy: "u-direktoer",
    });
    await waitFor(
      () => (threadsLive.doc.getMap(COMMENTS_DOC_ROOT).get(thread.id) as CommentThread).resolved,
      { message: "resolved live" },
    );
  });

  it("lets every member list the committee's people (for mentions), and no one else", async () => {
    const people = (await (
      await director.request("GET", "/api/committees/kkr-syddanmark/people")
    ).json()) as {
      people: { id: string; name: string; role: string }[];
    };
    expect(people.people.map((p) => p.id).sort()).toEqual(
      ["u-direktoer", "u-formand", "u-laeser", "u-sagsbehandler", "u-sekretariat"].sort(),
    );
    expect((await director.request("GET", "/api/committees/ukendt/people")).status).toBe(404);
  });

  it("refuses comments from people who may not comment, and bad comment input", async () => {
    const reader = await login(server.url, "laeser@demo.dk");
    const res = await reader.request("POST", `/api/items/${DEMO_ITEM_ID}/comments`, {
      anchor: { start: "AA==", end: "AA==" },
      quote: "",
      text: "hej",
    });
    expect(res.status).toBe(404);
    const empty = await director.request("POST", `/api/items/${DEMO_ITEM_ID}/comments`, {
      anchor: { start: "AA==", end: "AA==" },
      quote: "",
      text: "  ",
    });
    expect(empty.status).toBe(400);
    const unknownThread = await director.request(
      "POST",
      `/api/items/${DEMO_ITEM_ID}/comments/nope/replies`,
      { text: "hej" },
    );
    expect(unknownThread.status).toBe(404);
  });

  it("keeps versions, restores one as a new edit, and shows a redline since the person's own step", async () => {
    const writer = connectClient(server.url, ITEM, await secretariat.syncToken(ITEM));
    clients.push(writer);
    await waitSynced(writer);
    const named = await secretariat.request("POST", `/api/items/${DEMO_ITEM_ID}/versions`, {
      name: "Før ændringer",
    });
    expect(named.status).toBe(201);
    const { version } = (await named.json()) as { version: { id: string } };

    // The director signs off after the officer sent it to review.
    const officer = await login(server.url, "sagsbehandler@demo.dk");
    expect(
      (
        await officer.request("POST", `/api/items/${DEMO_ITEM_ID}/transitions`, {
          transition: "sendToReview",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await director.request("POST", `/api/items/${DEMO_ITEM_ID}/transitions`, {
          transition: "signOff",
        })
      ).status,
    ).toBe(200);

    typeInto(writer.doc, "indstilling", " Tilføjet efter gennemsyn.");
    await writer.save();
    const since = (await (
      await director.request("GET", `/api/items/${DEMO_ITEM_ID}/redline/since-mine`)
    ).json()) as {
      since: { name: string };
      fields: Record<string, { changed: boolean; segments: { kind: string; text: string }[] }>;
    };
    expect(since.since.name).toContain("Klar til godkendelse");
    expect(
      since.fields["indstilling"]!.segments.filter((s) => s.kind === "insert").map((s) =>
        s.text.trim(),
      ),
    ).toEqual(["Tilføjet efter gennemsyn."]);
    expect(since.fields["baggrund"]!.changed).toBe(false);

    const versions = (await (
      await director.request("GET", `/api/items/${DEMO_ITEM_ID}/versions`)
    ).json()) as {
      versions: { name: string; kind: string }[];
    };
    expect(versions.versions.map((v) => v.name)).toEqual(expect.arrayContaining(["Før ændringer"]));

    // Restoring needs write access; the secretariat has it (the item is not approved).
    expect(
      (await director.request("POST", `/api/items/${DEMO_ITEM_ID}/versions/${version.id}/restore`))
        .status,
    ).toBe(403);
    const restored = await secretariat.request(
      "POST",
      `/api/items/${DEMO_ITEM_ID}/versions/${version.id}/restore`,
    );
    expect(restored.status).toBe(200);
    await waitFor(
      () => !fieldText(writer.doc, "indstilling").includes("Tilføjet efter gennemsyn."),
      { message: "restore reaches the open editor" },
    );
    const audit = await server.store.audit.listAudit({ meetingId: DEMO_MEETING_ID });
    expect(audit.map((e) => e.action)).toContain("item.restore_version");
    // The replaced text was kept as a version first, and versions carry their author's name.
    const after = (await (
      await director.request("GET", `/api/items/${DEMO_ITEM_ID}/versions`)
    ).json()) as {
      versions: { name: string; createdByName: string | null }[];
    };
    // One restore, one version entry: the text it replaced.
    expect(after.versions.length - versions.versions.length).toBe(1);
    expect(after.versions.at(-1)!.name).toBe("Før gendannelse af «Før ændringer» (Signe Holm)");
    expect(after.versions.find((v) => v.name === "Før ændringer")!.createdByName).toBe(
      "Signe Holm",
    );
    const apiAudit = (await (
      await director.request("GET", `/api/meetings/${DEMO_MEETING_ID}/audit`)
    ).json()) as {
      entries: { action: string; userName: string | null }[];
    };
    expect(apiAudit.entries.find((e) => e.action === "item.restore_version")!.userName).toBe(
      "Signe Holm",
    );
  });

  it("tells who wrote which text", async () => {
    const writer = connectClient(server.url, ITEM, await secretariat.syncToken(ITEM));
    clients.push(writer);
    await waitSynced(writer);
    typeInto(writer.doc, "baggrund", " Skrevet af sekretariatet.");
    await writer.save();
    const res = (await (
      await director.request("GET", `/api/items/${DEMO_ITEM_ID}/attribution`)
    ).json()) as {
      fields: Record<string, { text: string; userId: string | null }[]>;
      people: Record<string, string>;
    };
    const runs = res.fields["baggrund"]!;
    expect(runs.find((r) => r.text.includes("Skrevet af sekretariatet."))?.userId).toBe(
      "u-sekretariat",
    );
    expect(runs.find((r) => r.text.includes("Implementeringen"))?.userId).toBeNull();
    expect(res.people["u-sekretariat"]).toBe("Signe Holm");
  });
});
