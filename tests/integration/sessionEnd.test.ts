/**
 * Sessions end everywhere (issue #13): logout, server-side expiry, password change and
 * deactivation close the session's open sockets with 4419 and kill the sync tokens minted under
 * it; another session of the same person goes on.
 */
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID, DEMO_ITEM_ID } from "../../server/seed/seedDemo";
import { CloseCode } from "../../shared/protocol";
import type { RawSocket } from "./helpers/rawSocket";
import { openRaw } from "./helpers/rawSocket";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";
import { waitFor } from "./helpers/waitFor";
import type { YClient } from "./helpers/yClient";
import { connectClient, typeInto, waitSynced } from "./helpers/yClient";

const ITEM = `item:${DEMO_ITEM_ID}`;

describe("sessions that really end", () => {
  let server: TestServer;
  const clients: YClient[] = [];
  const sockets: RawSocket[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const socket of sockets.splice(0)) socket.ws.terminate();
    await server.dispose();
  });

  /** A socket opened with the session cookie from the app's own origin. */
  function cookieSocket(session: TestSession): RawSocket {
    const socket = openRaw(`${server.url.replace("http", "ws")}/sync/${ITEM}`, {
      headers: { cookie: session.cookie },
      origin: server.url,
    });
    sockets.push(socket);
    return socket;
  }

  async function tokenClient(session: TestSession): Promise<YClient> {
    const client = connectClient(server.url, ITEM, await session.syncToken(ITEM));
    clients.push(client);
    await waitSynced(client);
    return client;
  }

  const closedWith = (client: YClient) => client.closes.map((close) => close.code);

  /** Opens a socket with a token and resolves with how the server closes it. */
  function tryToken(token: string) {
    const raw = openRaw(`${server.url.replace("http", "ws")}/sync/${ITEM}?token=${token}`);
    sockets.push(raw);
    return raw.closed;
  }

  it("logout closes that session's sockets within 1 s with 4419 and refuses its tokens; the person's other session goes on", async () => {
    server = await startTestServer();
    const laptop = await login(server.url, "sekretariat@demo.dk");
    const phone = await login(server.url, "sekretariat@demo.dk");
    const laptopClient = await tokenClient(laptop);
    const laptopSocket = cookieSocket(laptop);
    await laptopSocket.opened;
    const laptopToken = await laptop.syncToken(ITEM);
    const phoneClient = await tokenClient(phone);
    const phoneSocket = cookieSocket(phone);
    await phoneSocket.opened;

    const loggedOut = await laptop.request("POST", "/api/auth/logout");
    expect(loggedOut.status).toBe(200);
    await waitFor(() => closedWith(laptopClient).includes(CloseCode.sessionEnded), {
      timeoutMs: 1000,
      message: "the token socket closed with 4419",
    });
    const closed = await Promise.race([
      laptopSocket.closed,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000)),
    ]);
    expect(closed).toEqual({ code: CloseCode.sessionEnded, reason: "session_ended" });
    // A token minted before the logout no longer opens anything.
    expect((await tryToken(laptopToken)).code).toBe(CloseCode.unauthenticated);
    expect((await laptop.request("GET", "/api/me")).status).toBe(401);

    // The phone's session: still open, still saving.
    expect(closedWith(phoneClient)).toEqual([]);
    expect(phoneSocket.ws.readyState).toBe(phoneSocket.ws.OPEN);
    typeInto(phoneClient.doc, "sagsfremstilling", " skrevet efter logud på den anden enhed");
    await phoneClient.save();
    expect((await phone.request("GET", "/api/me")).status).toBe(200);
    const fresh = openRaw(
      `${server.url.replace("http", "ws")}/sync/${ITEM}?token=${await phone.syncToken(ITEM)}`,
    );
    sockets.push(fresh);
    await waitFor(() => fresh.messages.length > 0, { message: "the phone's new token syncs" });
  });

  it("a session that expires on the server closes its sockets and its tokens stop working", async () => {
    server = await startTestServer({ sessionTtlMs: 2_000, sessionCheckIntervalMs: 60_000 });
    const session = await login(server.url, "sagsbehandler@demo.dk");
    const client = await tokenClient(session);
    const socket = cookieSocket(session);
    await socket.opened;
    const token = await session.syncToken(ITEM);
    expect(await socket.closed).toEqual({ code: CloseCode.sessionEnded, reason: "session_ended" });
    await waitFor(() => closedWith(client).includes(CloseCode.sessionEnded), {
      message: "the token socket closed with 4419",
    });
    expect((await tryToken(token)).code).toBe(CloseCode.unauthenticated);
    expect((await session.request("GET", "/api/me")).status).toBe(401);
  });

  it("a session deleted behind the server's back (another instance) is noticed by the periodic re-check", async () => {
    server = await startTestServer({ sessionCheckIntervalMs: 200 });
    const session = await login(server.url, "direktoer@demo.dk");
    const other = await login(server.url, "direktoer@demo.dk");
    const socket = cookieSocket(session);
    const otherSocket = cookieSocket(other);
    await Promise.all([socket.opened, otherSocket.opened]);
    await server.store.sessions.deleteSession(session.sessionId);
    expect((await socket.closed).code).toBe(CloseCode.sessionEnded);
    expect(otherSocket.ws.readyState).toBe(otherSocket.ws.OPEN);
  });

  it("a password change ends every other session of the person, not the one that changed it", async () => {
    server = await startTestServer();
    const here = await login(server.url, "sagsbehandler@demo.dk");
    const elsewhere = await login(server.url, "sagsbehandler@demo.dk");
    const hereClient = await tokenClient(here);
    const elsewhereClient = await tokenClient(elsewhere);
    const elsewhereToken = await elsewhere.syncToken(ITEM);

    const wrong = await here.request("POST", "/api/auth/password", {
      currentPassword: "forkert",
      newPassword: "en-ny-lang-adgangskode",
    });
    expect(wrong.status).toBe(403);
    expect(closedWith(elsewhereClient)).toEqual([]);

    const changed = await here.request("POST", "/api/auth/password", {
      currentPassword: "demo",
      newPassword: "en-ny-lang-adgangskode",
    });
    expect(changed.status).toBe(200);
    await waitFor(() => closedWith(elsewhereClient).includes(CloseCode.sessionEnded), {
      timeoutMs: 1000,
      message: "the other session's socket closed with 4419",
    });
    expect((await tryToken(elsewhereToken)).code).toBe(CloseCode.unauthenticated);
    expect((await elsewhere.request("GET", "/api/me")).status).toBe(401);
    expect(closedWith(hereClient)).toEqual([]);
    await hereClient.save();
    await login(server.url, "sagsbehandler@demo.dk", "en-ny-lang-adgangskode");
  });

  it("deactivation ends all the person's sessions; removal from the committee withdraws access with 4403", async () => {
    server = await startTestServer();
    const secretariat = await login(server.url, "sekretariat@demo.dk");
    const officer = await login(server.url, "sagsbehandler@demo.dk");
    const officerClient = await tokenClient(officer);
    const officerToken = await officer.syncToken(ITEM);
    const deactivated = await secretariat.request("PUT", "/api/users/u-sagsbehandler/active", {
      active: false,
    });
    expect(deactivated.status).toBe(200);
    await waitFor(() => closedWith(officerClient).includes(CloseCode.sessionEnded), {
      timeoutMs: 1000,
      message: "the deactivated person's socket closed with 4419",
    });
    expect((await tryToken(officerToken)).code).toBe(CloseCode.unauthenticated);

    // Removal from the committee is a change of access, not of the session: 4403, as for a
    // changed role; the person stays signed in for the committees they still belong to.
    const director = await login(server.url, "direktoer@demo.dk");
    const directorClient = await tokenClient(director);
    const removed = await secretariat.request(
      "PUT",
      `/api/committees/${DEMO_COMMITTEE_ID}/members/u-direktoer`,
      { role: null },
    );
    expect(removed.status).toBe(200);
    await waitFor(() => closedWith(directorClient).includes(CloseCode.forbidden), {
      message: "the removed member's socket closed with 4403",
    });
    expect((await director.request("GET", "/api/me")).status).toBe(200);
  });
});
