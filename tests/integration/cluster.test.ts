/**
 * Three instances as child processes on one PostgreSQL database and one Redis: clients on
 * different instances co-edit and converge, permission changes and agenda commands reach the
 * other instances, and SIGKILL or a flushed Redis loses nothing.
 */
import * as decoding from "lib0/decoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { MEETING_DOC_ROOT, MEETING_DOC_STATE_KEY } from "../../shared/model";
import { CloseCode, MessageType } from "../../shared/protocol";
import type { TestCluster } from "./helpers/cluster";
import { startCluster } from "./helpers/cluster";
import type { TestSession } from "./helpers/session";
import { unapprovedIds } from "./helpers/meetingSteps";
import { login } from "./helpers/session";
import type { TcpProxy } from "./helpers/tcpProxy";
import { startTcpProxy } from "./helpers/tcpProxy";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { bodyXml, connectClient, fieldText, typeInto, waitSynced } from "./helpers/yClient";

const ITEM = `item:${DEMO_ITEM_ID}`;

interface Upload {
  attachment: { id: string; filename: string };
}
const MEETING = `meeting:${DEMO_MEETING_ID}`;

describe("a cluster of three instances", () => {
  let cluster: TestCluster;
  const clients: YClient[] = [];
  const sessions = new Map<string, TestSession>();

  beforeAll(async () => {
    cluster = await startCluster(3);
  }, 300_000);
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await cluster?.stop();
  });

  const url = (i: number) => cluster.instances[i]!.url;
  /** Sessions live in PostgreSQL: one login serves every instance. */
  async function session(email: string): Promise<TestSession> {
    let s = sessions.get(email);
    if (!s) {
      s = await login(url(0), email);
      sessions.set(email, s);
    }
    return s;
  }
  async function open(instance: number, doc: string, email = "sekretariat@demo.dk") {
    const client = connectClient(url(instance), doc, await (await session(email)).syncToken(doc));
    clients.push(client);
    await waitSynced(client);
    return client;
  }

  it("starts three instances at once on an empty database, seeded once", async () => {
    for (let i = 0; i < 3; i++) {
      const ready = await fetch(`${url(i)}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        ok: true,
        store: "ok",
        redis: "ok",
        draining: false,
      });
    }
    const meetings = await (
      await session("sekretariat@demo.dk")
    ).request("GET", "/api/committees/kkr-syddanmark/meetings");
    expect(meetings.status).toBe(200);
    expect(((await meetings.json()) as { meetings: unknown[] }).meetings).toHaveLength(2);
  });

  it("lets stock y-websocket clients on different instances co-edit and converge", async () => {
    const writers = [await open(0, ITEM), await open(1, ITEM), await open(2, ITEM)];
    for (let round = 0; round < 20; round++) {
      writers.forEach((writer, i) => typeInto(writer.doc, "sagsfremstilling", ` i${i}r${round}`));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(writers.map((writer) => writer.save()));
    await waitFor(() => writers.every((w) => bodyXml(w.doc) === bodyXml(writers[0]!.doc)), {
      timeoutMs: 15_000,
      message: "writers on three instances converge",
    });
    const text = fieldText(writers[0]!.doc, "sagsfremstilling");
    for (let i = 0; i < 3; i++)
      for (let round = 0; round < 20; round++) expect(text).toContain(` i${i}r${round}`);
    const fresh = await open(1, ITEM, "formand@demo.dk");
    expect(bodyXml(fresh.doc)).toBe(bodyXml(writers[0]!.doc));
  });

  it("shows a command on one instance in the meeting document on another", async () => {
    const watcher = await open(2, MEETING);
    const title = () =>
      (watcher.doc.getMap(MEETING_DOC_ROOT).get(MEETING_DOC_STATE_KEY) as { title?: string })
        ?.title;
    const secretariat = await session("sekretariat@demo.dk");
    for (const [i, name] of ["Første navn", "Andet navn", "Tredje navn"].entries()) {
      // Each command on another instance: the projections must follow each other.
      const res = await fetch(`${url(i)}/api/meetings/${DEMO_MEETING_ID}/commands`, {
        method: "POST",
        headers: {
          cookie: secretariat.cookie,
          "x-csrf-token": secretariat.csrfToken,
          "content-type": "application/json",
        },
        body: JSON.stringify({ type: "updateMeeting", details: { title: name } }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      await waitFor(() => title() === name, { message: `"${name}" on instance 2` });
    }
    const fresh = await open(0, MEETING, "formand@demo.dk");
    expect(
      (fresh.doc.getMap(MEETING_DOC_ROOT).get(MEETING_DOC_STATE_KEY) as { title: string }).title,
    ).toBe("Tredje navn");
  });

  it("demotes an editor on one instance within a second of an approval on another", async () => {
    const editor = await open(2, ITEM);
    const access: Array<{ access: string; at: number }> = [];
    editor.provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
      access.push({ access: decoding.readVarString(decoder), at: Date.now() });
    };
    await editor.save();
    await waitFor(() => access.some((a) => a.access === "write"), { message: "write access" });
    const step = async (email: string, transition: string) => {
      const res = await (
        await session(email)
      ).request("POST", `/api/items/${DEMO_ITEM_ID}/transitions`, { transition });
      expect(res.status, `${transition}: ${await res.clone().text()}`).toBe(200);
    };
    await step("sagsbehandler@demo.dk", "sendToReview");
    await step("direktoer@demo.dk", "signOff");
    await step("formand@demo.dk", "approve");
    const approvedAt = Date.now();
    await waitFor(() => access.some((a) => a.access === "read"), {
      timeoutMs: 1000,
      message: "demoted to read within 1 s",
    });
    expect(access.find((a) => a.access === "read")!.at - approvedAt).toBeLessThanOrEqual(1000);
    const before = bodyXml(editor.doc);
    typeInto(editor.doc, "sagsfremstilling", " efter godkendelse");
    const other = await open(0, ITEM, "formand@demo.dk");
    // Refused with the reason (editor branch), never confirmed as saved.
    await expect(editor.save()).rejects.toThrow("refused: approved");
    expect(bodyXml(other.doc)).toBe(before);
  });

  it("closes a session's sockets on every instance when it ends on another (4419)", async () => {
    // A session of its own, so the other tests' sessions stay.
    const person = await login(url(0), "direktoer@demo.dk");
    const sockets = await Promise.all(
      [1, 2].map(async (i) => {
        const client = connectClient(url(i), MEETING, await person.syncToken(MEETING));
        clients.push(client);
        await waitSynced(client);
        return client;
      }),
    );
    const logout = await person.request("POST", "/api/auth/logout");
    expect(logout.status).toBe(200);
    // Well before the 30 s re-check each instance runs as the fallback.
    await waitFor(
      () => sockets.every((c) => c.closes.some((e) => e.code === CloseCode.sessionEnded)),
      { timeoutMs: 10_000, message: "4419 on instances 1 and 2" },
    );
  });

  it("approves under the meeting's lock across instances: no upload on another gets in between", async () => {
    const secretariat = await session("sekretariat@demo.dk");
    const chair = await session("formand@demo.dk");
    const on = (i: number, who: TestSession, path: string, body?: unknown) =>
      fetch(`${url(i)}${path}`, {
        method: "POST",
        headers: {
          cookie: who.cookie,
          "x-csrf-token": who.csrfToken,
          "content-type": body === undefined ? "application/octet-stream" : "application/json",
        },
        body: body === undefined ? "Et notat." : JSON.stringify(body),
      });
    const confirm = await unapprovedIds(secretariat, DEMO_MEETING_ID);
    for (const [step, extra] of [
      ["sendAgenda", { confirmUnapprovedItems: confirm }],
      ["holdMeeting", {}],
    ] as const) {
      const res = await on(0, secretariat, `/api/meetings/${DEMO_MEETING_ID}/phase`, {
        step,
        ...extra,
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    // Uploads on instances 1 and 2 while the chair approves on instance 0 (to an item still
    // a draft: the demo item was approved above).
    const uploads = Array.from({ length: 6 }, (_, n) =>
      on(1 + (n % 2), secretariat, `/api/items/demo-2-4/attachments?filename=n${n}.txt`),
    );
    const approval = on(0, chair, `/api/meetings/${DEMO_MEETING_ID}/phase`, {
      step: "approveMinutes",
    });
    const answers = await Promise.all([...uploads, approval]);
    const approved = answers.pop()!;
    expect(approved.status, await approved.clone().text()).toBe(200);
    const { meeting } = (await approved.json()) as {
      meeting: { approval: { recordHash: string } };
    };
    for (const answer of answers) {
      expect([201, 409], await answer.clone().text()).toContain(answer.status);
      if (answer.status === 409)
        expect(((await answer.json()) as { error: string }).error).toBe("record_frozen");
    }
    // What the chair approved is what the record is now, on every instance.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url(i)}/api/meetings/${DEMO_MEETING_ID}/record?kind=referat`, {
        headers: { cookie: secretariat.cookie },
      });
      expect(((await res.json()) as { recordHash: string }).recordHash).toBe(
        meeting.approval.recordHash,
      );
    }
    // Bilag uploaded on instances 1 and 2 are read on the others: downloads, and the
    // personal-data check, which reads their text (a bilag it cannot read is listed unchecked).
    const stored = await Promise.all(
      answers.filter((a) => a.status === 201).map(async (a) => (await a.json()) as Upload),
    );
    for (const { attachment } of stored) {
      const file = await fetch(`${url(0)}/api/attachments/${attachment.id}`, {
        headers: { cookie: secretariat.cookie },
      });
      expect(await file.text()).toBe("Et notat.");
    }
    const check = await fetch(
      `${url(2)}/api/meetings/${DEMO_MEETING_ID}/personal-data?kind=referat`,
      { headers: { cookie: secretariat.cookie } },
    );
    const { unchecked } = (await check.json()) as { unchecked: { filename: string }[] };
    expect(unchecked.filter((u) => /^n\d\.txt$/.test(u.filename))).toEqual([]);
  });
});

describe("a cluster losing an instance or Redis", () => {
  let cluster: TestCluster;
  const clients: YClient[] = [];
  beforeAll(async () => {
    cluster = await startCluster(3);
  }, 300_000);
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await cluster?.stop();
  });

  async function open(url: string, email = "sekretariat@demo.dk", doc = ITEM) {
    const client = connectClient(url, doc, await (await login(url, email)).syncToken(doc));
    clients.push(client);
    await waitSynced(client);
    return client;
  }

  /** Types words into `writer` until `until` resolves; returns how many were typed. */
  function typeWords(writer: YClient, tag: string) {
    let typed = 0;
    const typing = new AbortController();
    const done = (async () => {
      while (!typing.signal.aborted) {
        typed += 1;
        typeInto(writer.doc, "indstilling", ` ${tag}${typed}`);
        writer.save().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
    })();
    return {
      get typed() {
        return typed;
      },
      stop: async () => {
        typing.abort();
        await done;
        return typed;
      },
    };
  }

  it("loses nothing an observer saw when the writer's instance is killed mid-typing", async () => {
    const [a, b] = cluster.instances;
    const writer = await open(a!.url);
    const observer = await open(b!.url, "formand@demo.dk");
    const typing = typeWords(writer, "k");
    await waitFor(() => fieldText(observer.doc, "indstilling").includes(" k150"), {
      timeoutMs: 30_000,
      message: "the observer on another instance sees 150 words",
    });
    a!.child.kill("SIGKILL");
    await a!.exited;
    const typed = await typing.stop();
    const observedAtKill = fieldText(observer.doc, "indstilling");
    const fresh = await open(cluster.instances[2]!.url, "direktoer@demo.dk");
    const loaded = fieldText(fresh.doc, "indstilling");
    // Everything the observer had been sent was committed before any instance sent it.
    expect(loaded).toContain(observedAtKill.slice(observedAtKill.indexOf(" k1")));

    // The writer's client reconnects to another instance and sends what was never stored.
    writer.provider.disconnect();
    writer.provider.serverUrl = `${b!.url.replace(/^http/, "ws")}/sync`;
    writer.provider.connect();
    await waitFor(
      () =>
        [writer, observer, fresh].every((c) =>
          fieldText(c.doc, "indstilling").includes(` k${typed}`),
        ) &&
        bodyXml(writer.doc) === bodyXml(observer.doc) &&
        bodyXml(fresh.doc) === bodyXml(observer.doc),
      { timeoutMs: 20_000, message: "everyone converges with every word" },
    );
    const final = fieldText(fresh.doc, "indstilling");
    for (let i = 1; i <= typed; i++) expect(final).toContain(` k${i}`);

    // A new instance joins the running cluster in its place.
    const joined = await cluster.addInstance();
    const late = await open(joined.url, "direktoer@demo.dk");
    expect(bodyXml(late.doc)).toBe(bodyXml(fresh.doc));
  });

  it("loses nothing when Redis is flushed mid-stream", async () => {
    const instances = cluster.instances.filter(
      (i) => i.child.exitCode === null && i.child.signalCode === null,
    );
    const [a, b] = instances;
    const writerA = await open(a!.url);
    const writerB = await open(b!.url, "sekretariat@demo.dk");
    const typingA = typeWords(writerA, "fa");
    const typingB = typeWords(writerB, "fb");
    await waitFor(() => typingA.typed > 100 && typingB.typed > 100, {
      timeoutMs: 30_000,
      message: "both typing",
    });
    await cluster.redis.client.flushdb();
    await waitFor(() => typingA.typed > 250 && typingB.typed > 250, {
      timeoutMs: 30_000,
      message: "typing goes on after the flush",
    });
    const [typedA, typedB] = [await typingA.stop(), await typingB.stop()];
    await Promise.all([writerA.save(), writerB.save()]);
    await waitFor(() => bodyXml(writerA.doc) === bodyXml(writerB.doc), {
      timeoutMs: 20_000,
      message: "writers on two instances converge after the flush",
    });
    const fresh = await open(instances[2]!.url, "formand@demo.dk");
    const text = fieldText(fresh.doc, "indstilling");
    for (let i = 1; i <= typedA; i++) expect(text).toContain(` fa${i}`);
    for (let i = 1; i <= typedB; i++) expect(text).toContain(` fb${i}`);
    expect(bodyXml(fresh.doc)).toBe(bodyXml(writerA.doc));
  });

  it("loses nothing when Redis restarts mid-stream, and delivers through it again after", async () => {
    const instances = cluster.instances.filter(
      (i) => i.child.exitCode === null && i.child.signalCode === null,
    );
    const [a, b] = instances;
    const writer = await open(a!.url);
    const observer = await open(b!.url, "formand@demo.dk");
    const typing = typeWords(writer, "r");
    await waitFor(() => typing.typed > 100, { timeoutMs: 30_000, message: "typing" });
    await cluster.redis.restart();
    await waitFor(() => typing.typed > 300, { timeoutMs: 30_000, message: "typing goes on" });
    const typed = await typing.stop();
    await writer.save();
    await waitFor(() => fieldText(observer.doc, "indstilling").includes(` r${typed}`), {
      timeoutMs: 20_000,
      message: "the observer gets every word",
    });
    const text = fieldText(observer.doc, "indstilling");
    for (let i = 1; i <= typed; i++) expect(text).toContain(` r${i}`);
    for (const instance of instances) {
      await waitFor(
        async () =>
          ((await (await fetch(`${instance.url}/readyz`)).json()) as { redis: string }).redis ===
          "ok",
        { message: "Redis back for every instance" },
      );
    }
  });
});

describe("an instance whose PostgreSQL stops", () => {
  let cluster: TestCluster;
  let proxy: TcpProxy;
  const clients: YClient[] = [];
  beforeAll(async () => {
    cluster = await startCluster(1);
    proxy = await startTcpProxy(Number(new URL(cluster.database.url).port || 5432));
    const throughProxy = new URL(cluster.database.url);
    throughProxy.port = String(proxy.port);
    await cluster.addInstance({ DATABASE_URL: throughProxy.toString() });
  }, 300_000);
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await proxy?.close();
    await cluster?.stop();
  });

  it("refuses writes with 4502 and no false save, keeps the text in the client, and syncs it once PostgreSQL is back", async () => {
    const [healthy, cutOff] = cluster.instances;
    const secretariat = await login(cutOff!.url, "sekretariat@demo.dk");
    const writer = connectClient(cutOff!.url, ITEM, await secretariat.syncToken(ITEM));
    const observer = connectClient(
      healthy!.url,
      ITEM,
      await (await login(healthy!.url, "formand@demo.dk")).syncToken(ITEM),
    );
    clients.push(writer, observer);
    await waitSynced(writer);
    await waitSynced(observer);
    typeInto(writer.doc, "indstilling", " gemt før");
    await writer.save();

    await proxy.cut();
    typeInto(writer.doc, "indstilling", " skrevet mens databasen var væk");
    let saved = false;
    writer.save().then(
      () => (saved = true),
      () => undefined,
    );
    await waitFor(() => writer.closes.some((c) => c.code === CloseCode.storeUnavailable), {
      timeoutMs: 15_000,
      message: "close code 4502",
    });
    expect(writer.closes.find((c) => c.code === CloseCode.storeUnavailable)?.reason).toBe(
      "store_unavailable",
    );
    expect(saved).toBe(false);
    expect(fieldText(writer.doc, "indstilling")).toContain("skrevet mens databasen var væk");
    expect(fieldText(observer.doc, "indstilling")).not.toContain("skrevet mens");
    const ready = await fetch(`${cutOff!.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, store: "unavailable" });
    const api = await secretariat.request("GET", "/api/committees/kkr-syddanmark/meetings");
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: "store_unavailable" });

    await proxy.restore();
    // The stock client reconnects by itself (4502 is not final) and sends what it kept.
    await waitFor(() => fieldText(observer.doc, "indstilling").includes("skrevet mens databasen"), {
      timeoutMs: 30_000,
      message: "the kept text reaches the other instance once PostgreSQL is back",
    });
    await writer.save();
    const fresh = connectClient(
      healthy!.url,
      ITEM,
      await (await login(healthy!.url, "direktoer@demo.dk")).syncToken(ITEM),
    );
    clients.push(fresh);
    await waitSynced(fresh);
    expect(fieldText(fresh.doc, "indstilling")).toContain(
      " gemt før skrevet mens databasen var væk",
    );
  });
});
