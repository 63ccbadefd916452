/** Per-session rate limits on the expensive endpoints (issue #13). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID, DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

const RULE = { limit: 2, windowMs: 60_000 };

describe("rate limits", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      rateLimits: { exports: RULE, imports: RULE, personalData: RULE, search: RULE },
    });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("refuses the third export in a minute with 429, Retry-After and a Danish message; another session is not affected", async () => {
    const first = await login(server.url, "sekretariat@demo.dk");
    const second = await login(server.url, "sekretariat@demo.dk");
    const exportPath = `/api/meetings/${DEMO_MEETING_ID}/export.html`;
    expect((await first.request("GET", exportPath)).status).toBe(200);
    expect(
      (await first.request("GET", `/api/items/${DEMO_ITEM_ID}/delreferat.pdf`)).status,
    ).not.toBe(429);
    const refused = await first.request("GET", `/api/meetings/${DEMO_MEETING_ID}/export.pdf`);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { error: string; message: string };
    expect(body.error).toBe("rate_limited");
    expect(body.message).toMatch(
      /^Du har bedt om dette for mange gange på kort tid\. Prøv igen om (\d+ sekunder?|1 minut)\.$/,
    );
    expect((await second.request("GET", exportPath)).status).toBe(200);
  });

  it("limits the personal-data check and import preview per session", async () => {
    const session = await login(server.url, "sekretariat@demo.dk");
    const check = `/api/meetings/${DEMO_MEETING_ID}/personal-data`;
    expect((await session.request("GET", check)).status).toBe(200);
    expect((await session.request("GET", check)).status).toBe(200);
    expect((await session.request("GET", check)).status).toBe(429);
    const preview = () =>
      fetch(`${server.url}/api/committees/${DEMO_COMMITTEE_ID}/imports/preview`, {
        method: "POST",
        headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
        body: "ikke en dagsorden",
      });
    expect((await preview()).status).toBe(422);
    expect((await preview()).status).toBe(422);
    expect((await preview()).status).toBe(429);
  });

  it("limits anonymous public searches per address", async () => {
    const search = () => fetch(`${server.url}/offentlig/soeg?q=sundhedsreform`);
    expect((await search()).status).toBe(200);
    expect((await search()).status).toBe(200);
    const refused = await search();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: "rate_limited" });
    // Reading pages is not limited by it.
    expect((await fetch(`${server.url}/offentlig`)).status).toBe(200);
  });
});
