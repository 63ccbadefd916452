/**
 * Security headers on every kind of response (issue #13): the app, the public site, published
 * and exported HTML, exports, the API and bilag downloads.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID, DEMO_ITEM_ID, DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { publishAccepting, stepMeeting } from "./helpers/meetingSteps";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import type { TestServer } from "./helpers/testServer";
import { startTestServer } from "./helpers/testServer";

const FRAMER = "https://www.kommune.example";

function directives(policy: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (policy ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

/** Publishes the demo agenda (sending it out first if needed); resolves with its id. */
async function publish(secretariat: TestSession): Promise<string> {
  await stepMeeting(secretariat, DEMO_MEETING_ID, "sendAgenda");
  const res = await publishAccepting(secretariat, DEMO_MEETING_ID, "dagsorden");
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { publication: { id: string } }).publication.id;
}

describe("security headers", () => {
  let server: TestServer;
  let secretariat: TestSession;
  let publicationId: string;
  /** The first publication, replaced by `publicationId`: served with a notice on top. */
  let replacedId: string;
  let attachmentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
    const upload = await fetch(
      `${server.url}/api/items/${DEMO_ITEM_ID}/attachments?filename=bilag.pdf`,
      {
        method: "POST",
        headers: {
          cookie: secretariat.cookie,
          "x-csrf-token": secretariat.csrfToken,
          "content-type": "application/pdf",
        },
        body: "%PDF-1.4\n%%EOF\n",
      },
    );
    expect(upload.status, await upload.clone().text()).toBe(201);
    attachmentId = ((await upload.json()) as { attachment: { id: string } }).attachment.id;
    replacedId = await publish(secretariat);
    publicationId = await publish(secretariat);
  });
  afterAll(async () => {
    await server.dispose();
  });

  it("every kind of response carries the CSP, frame protection, nosniff, Referrer- and Permissions-Policy", async () => {
    const paths = [
      "/",
      "/moeder/x",
      "/healthz",
      "/api/me",
      "/api/findes-ikke",
      "/offentlig",
      `/offentlig/${DEMO_COMMITTEE_ID}`,
      `/offentlig/dokumenter/${publicationId}`,
      `/offentlig/dokumenter/${publicationId}.pdf`,
      `/offentlig/dokumenter/${publicationId}.docx`,
      `/offentlig/dokumenter/${publicationId}.html`,
      `/offentlig/dokumenter/${publicationId}/kontrol`,
      `/offentlig/dokumenter/${replacedId}`,
      `/api/meetings/${DEMO_MEETING_ID}/record`,
      `/api/committees/${DEMO_COMMITTEE_ID}/audit.csv`,
      `/api/meetings/${DEMO_MEETING_ID}/export.pdf`,
      `/api/meetings/${DEMO_MEETING_ID}/export.docx`,
      `/api/meetings/${DEMO_MEETING_ID}/export.html`,
      `/api/attachments/${attachmentId}`,
    ];
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`, {
        headers: { cookie: secretariat.cookie },
      });
      const csp = directives(response.headers.get("content-security-policy"));
      expect(csp.get("default-src"), path).toEqual(["'self'"]);
      expect(csp.get("script-src"), path).toEqual(["'self'"]);
      expect(csp.get("style-src")?.[0], path).toBe("'self'");
      expect(csp.get("style-src")?.join(" "), path).not.toContain("unsafe");
      expect(csp.get("object-src"), path).toEqual(["'none'"]);
      expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
      expect(response.headers.get("permissions-policy"), path).toContain("camera=()");
      // Plain http: no HSTS (it would pin a name to https that does not serve it).
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
    }
  });

  it("server-rendered HTML allows exactly its own style elements, by hash", async () => {
    for (const path of [
      `/offentlig/dokumenter/${publicationId}`,
      `/offentlig/dokumenter/${publicationId}.html`,
      // A replaced document, with the notice the server adds on top of the stored HTML.
      `/offentlig/dokumenter/${replacedId}`,
      `/api/meetings/${DEMO_MEETING_ID}/export.html`,
      "/offentlig",
      `/offentlig/${DEMO_COMMITTEE_ID}`,
    ]) {
      const response = await fetch(`${server.url}${path}`, {
        headers: { cookie: secretariat.cookie },
      });
      const html = await response.text();
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css!);
      expect(styles.length, path).toBeGreaterThan(0);
      const allowed = directives(response.headers.get("content-security-policy")).get("style-src");
      expect(allowed, path).toEqual([
        "'self'",
        ...styles.map((css) => `'sha256-${createHash("sha256").update(css).digest("base64")}'`),
      ]);
      expect(html, path).not.toMatch(/<script/i);
      if (path.endsWith(replacedId)) expect(html, path).toContain("Erstattet af");
    }
  });

  it("behind https: HSTS everywhere; public pages may be framed by the configured origin only", async () => {
    const https = await startTestServer({
      publicUrl: "https://dagsorden.kommune.example",
      publicFrameAncestors: [FRAMER],
    });
    try {
      const app = await fetch(`${https.url}/`);
      expect(app.headers.get("strict-transport-security")).toBe("max-age=31536000");
      expect(directives(app.headers.get("content-security-policy")).get("frame-ancestors")).toEqual(
        ["'none'"],
      );
      expect(app.headers.get("x-frame-options")).toBe("DENY");
      for (const path of ["/offentlig", `/offentlig/${DEMO_COMMITTEE_ID}`]) {
        const page = await fetch(`${https.url}${path}`);
        expect(page.headers.get("strict-transport-security"), path).toBe("max-age=31536000");
        const csp = directives(page.headers.get("content-security-policy"));
        expect(csp.get("frame-ancestors"), path).toEqual([FRAMER]);
        expect(csp.has("upgrade-insecure-requests"), path).toBe(true);
        expect(page.headers.get("x-frame-options"), path).toBeNull();
      }
      // The API and the signed-in app are never framed.
      const api = await fetch(`${https.url}/api/me`);
      expect(directives(api.headers.get("content-security-policy")).get("frame-ancestors")).toEqual(
        ["'none'"],
      );
    } finally {
      await https.dispose();
    }
  });
});
