import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meeting, NotificationView } from "../../shared/model";
import { danishToday, USER_DOC_ROOT, USER_DOC_UNREAD_KEY } from "../../shared/model";
import { CloseCode } from "../../shared/protocol";
import { DEMO_COMMITTEE_ID } from "../../server/seed/seedDemo";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { connectClient, waitSynced } from "./helpers/yClient";

interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on port 0 that keeps what it receives. */
async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: ReceivedMail[] }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, mails };
}

/** A quoted-printable mail body decoded enough to search its Danish text. */
function decodedBody(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/(=[0-9A-F]{2})+/g, (match) =>
      Buffer.from(match.replace(/=/g, ""), "hex").toString("utf8"),
    );
}

describe("notifications", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;
  let secretariat: TestSession;
  let officer: TestSession;
  let director: TestSession;
  let chair: TestSession;
  let meeting: Meeting;
  let itemId: string;
  const clients: YClient[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer({ smtpUrl: `smtp://127.0.0.1:${smtp.port}` });
    secretariat = await login(server.url, "sekretariat@demo.dk");
    officer = await login(server.url, "sagsbehandler@demo.dk");
    director = await login(server.url, "direktoer@demo.dk");
    chair = await login(server.url, "formand@demo.dk");
    const res = await secretariat.request("POST", `/api/committees/${DEMO_COMMITTEE_ID}/meetings`, {
      title: "Møde i KKR Syddanmark",
      date: "2026-12-09",
      startTime: "10:00",
      endTime: null,
      place: "Odense",
    });
    meeting = ((await res.json()) as { meeting: Meeting }).meeting;
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.dispose();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  /** The person's own channel, opened the way the bell opens it. */
  async function channel(session: TestSession): Promise<YClient> {
    expect((await session.request("GET", "/api/notifications")).status).toBe(200);
    const doc = `user:${session.userId}`;
    const client = connectClient(server.url, doc, await session.syncToken(doc));
    clients.push(client);
    await waitSynced(client);
    return client;
  }
  const unread = (client: YClient) =>
    (client.doc.getMap(USER_DOC_ROOT).get(USER_DOC_UNREAD_KEY) as number | undefined) ?? 0;
  async function list(session: TestSession): Promise<NotificationView[]> {
    const res = await session.request("GET", "/api/notifications");
    return ((await res.json()) as { notifications: NotificationView[] }).notifications;
  }

  it("tells a person live that they were assigned, and nobody else", async () => {
    const mine = await channel(officer);
    const directors = await channel(director);
    const created = await secretariat.request("POST", `/api/meetings/${meeting.id}/commands`, {
      type: "createItem",
      sectionId: meeting.agenda.sections[1]!.id,
      title: "Klimatilpasning",
      officers: ["mlal"],
    });
    itemId = ((await created.json()) as { createdId: string }).createdId;
    await waitFor(() => unread(mine) === 1, { message: "the officer's bell counts 1" });
    expect(await list(officer)).toMatchObject([
      {
        kind: "assigned",
        itemId,
        meetingId: meeting.id,
        read: false,
        text: "Signe Holm har sat dig på punktet «Klimatilpasning».",
      },
    ]);
    expect(unread(directors)).toBe(0);
    expect(await list(director)).toEqual([]);
    // The secretariat did it, and is not told of its own doing.
    expect(await list(secretariat)).toEqual([]);
  });

  it("lets nobody open another person's channel", async () => {
    const doc = `user:${officer.userId}`;
    const spy = connectClient(server.url, doc, await director.syncToken(doc));
    clients.push(spy);
    await waitFor(() => spy.closes.length > 0, { message: "refused" });
    expect(spy.closes[0]!.code).toBe(CloseCode.forbidden);
    expect(spy.doc.getMap(USER_DOC_ROOT).size).toBe(0);
  });

  it("never tells someone who may not read the item", async () => {
    // A reader may not read items of a meeting that is not sent out yet.
    const reader = await login(server.url, "laeser@demo.dk");
    const readers = await channel(reader);
    const told = await server.notifications.notify({
      kind: "mentioned",
      userIds: ["u-laeser", "u-direktoer"],
      actor: null,
      meetingId: meeting.id,
      itemId,
      text: "Test",
    });
    expect(told).toEqual(["u-direktoer"]);
    expect(await list(reader)).toEqual([]);
    expect(unread(readers)).toBe(0);
    await director.request("POST", "/api/notifications/read", {});
  });

  it("tells the new officer of a hand-off, and the officers when sent back and approved", async () => {
    const directors = await channel(director);
    const handed = await secretariat.request("POST", `/api/items/${itemId}/handoff`, {
      to: "u-direktoer",
      note: "Du kender sagen.",
    });
    expect(handed.status).toBe(200);
    await waitFor(() => unread(directors) === 1, { message: "the director's bell counts 1" });
    expect((await list(director))[0]).toMatchObject({
      kind: "handed",
      text: "Signe Holm har givet punktet «Klimatilpasning» videre til dig: «Du kender sagen.»",
    });
    // Back to the case officer, through the workflow.
    await secretariat.request("POST", `/api/items/${itemId}/handoff`, {
      to: "u-sagsbehandler",
      note: "Tilbage til dig.",
    });
    const mine = await channel(officer);
    const before = unread(mine);
    const step = (session: TestSession, transition: string, reason?: string) =>
      session.request("POST", `/api/items/${itemId}/transitions`, { transition, reason });
    expect((await step(officer, "sendToReview")).status).toBe(200);
    expect((await step(director, "sendBack", "Uddyb økonomien.")).status).toBe(200);
    await waitFor(() => unread(mine) === before + 1, { message: "sent back counted" });
    expect((await list(officer))[0]).toMatchObject({
      kind: "sent_back",
      text: "Dorthe Krogh har sendt punktet «Klimatilpasning» tilbage til rettelser: «Uddyb økonomien.»",
    });
    expect((await step(officer, "sendToReview")).status).toBe(200);
    expect((await step(director, "signOff")).status).toBe(200);
    expect((await step(chair, "approve")).status).toBe(200);
    await waitFor(() => unread(mine) === before + 2, { message: "approval counted" });
    expect((await list(officer))[0]).toMatchObject({ kind: "approved" });
  });

  it("reminds the officers the day before the deadline, once", async () => {
    const created = await secretariat.request("POST", `/api/meetings/${meeting.id}/commands`, {
      type: "createItem",
      sectionId: meeting.agenda.sections[1]!.id,
      title: "Trafikplan",
      officers: ["mlal"],
      deadline: danishToday(new Date(Date.now() + 24 * 3600 * 1000)),
    });
    const trafikplan = ((await created.json()) as { createdId: string }).createdId;
    expect(await server.notifications.remindDeadlines()).toBe(1);
    expect(await server.notifications.remindDeadlines()).toBe(0);
    const reminders = (await list(officer)).filter((n) => n.kind === "deadline_tomorrow");
    expect(reminders).toMatchObject([{ itemId: trafikplan }]);
    expect(reminders[0]!.text).toContain("Fristen for sagsfremstilling til punktet «Trafikplan»");
  });

  it("drops notifications about items the person can no longer read", async () => {
    const gone = (await list(officer)).find((n) => n.kind === "deadline_tomorrow")!;
    await secretariat.request("POST", `/api/meetings/${meeting.id}/commands`, {
      type: "deleteItem",
      itemId: gone.itemId,
    });
    expect((await list(officer)).some((n) => n.id === gone.id)).toBe(false);
  });

  it("sends a daily digest of unread notifications over SMTP, once", async () => {
    const sent = await server.digest!.send();
    expect(sent).toBeGreaterThanOrEqual(1);
    const mail = smtp.mails.find((m) => m.to.includes("sagsbehandler@demo.dk"));
    expect(mail).toBeDefined();
    const body = decodedBody(mail!.raw);
    expect(body).toMatch(/Subject: Dagsorden: \d+ nye notifikationer/);
    expect(body).toContain("Kære Mads Lauridsen");
    expect(body).toContain("Sat på punkt: Signe Holm har sat dig på punktet «Klimatilpasning».");
    const count = smtp.mails.length;
    expect(await server.digest!.send()).toBe(0);
    expect(smtp.mails.length).toBe(count);
  });

  it("marks notifications read, and the bell follows live", async () => {
    const mine = await channel(officer);
    expect(unread(mine)).toBeGreaterThan(0);
    const first = (await list(officer))[0]!;
    const one = await officer.request("POST", "/api/notifications/read", { ids: [first.id] });
    expect(one.status).toBe(200);
    const bad = await officer.request("POST", "/api/notifications/read", { ids: ["../x"] });
    expect(bad.status).toBe(400);
    const all = await officer.request("POST", "/api/notifications/read", {});
    expect(await all.json()).toEqual({ unread: 0 });
    await waitFor(() => unread(mine) === 0, { message: "the bell counts 0" });
    expect((await list(officer)).every((n) => n.read)).toBe(true);
  });
});
