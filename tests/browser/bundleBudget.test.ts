/**
 * What a first visit costs (issue #17): the JavaScript a fresh browser downloads for the login
 * page and for the meeting page stays within 300 KB as sent (brotli), the editor's code is not
 * part of it, and the parts loaded on demand show a loading state and survive a failed fetch.
 * A size, not a time: the same on a noisy machine.
 */
import { readdirSync, statSync } from "node:fs";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConsole } from "./helpers/consoleGuard";
import { launchBrowser } from "./helpers/launchBrowser";
import { agendaRow, DEMO_MEETING_ID } from "./helpers/meetingPages";
import { DEMO_ITEM_ID, waitForEditor } from "./helpers/openItemPage";
import { startTestServer, type TestServer } from "./helpers/startTestServer";
import {
  chunkPathOf,
  CLIENT_DIR,
  editorChunkPaths,
  readViteManifest,
  type ViteManifest,
} from "./helpers/viteManifest";

/** 300 KB of JavaScript on the wire, per first visit of a page. */
const BUDGET_BYTES = 300 * 1000;
const MEETING_PATH = `/moeder/${DEMO_MEETING_ID}`;
const ITEM_TITLE = "Temadrøftelse om sundhedsreformen og de kommende sundhedsråd v. Per Okkels";

interface ScriptTransfer {
  path: string;
  /** Bytes of the body as sent (after Content-Encoding), headers not counted. */
  encodedBytes: number;
  encoding: string | null;
}

/** The path of every request the page makes, as it makes it. */
function recordRequests(page: Page): string[] {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  return requested;
}

/** Records every script response the page receives, with its size as sent. */
function recordScripts(page: Page): {
  requested: string[];
  settled: () => Promise<ScriptTransfer[]>;
} {
  const requested = recordRequests(page);
  const transfers: Promise<ScriptTransfer | null>[] = [];
  const onFinished = (request: Request) => {
    transfers.push(
      (async () => {
        const response = await request.response();
        const type = (await response?.headerValue("content-type")) ?? "";
        if (!response || !type.includes("javascript")) return null;
        const sizes = await request.sizes();
        return {
          path: new URL(request.url()).pathname,
          encodedBytes: sizes.responseBodySize,
          encoding: await response.headerValue("content-encoding"),
        };
      })(),
    );
  };
  page.on("requestfinished", onFinished);
  return {
    requested,
    // Stops measuring first: a request finishing later would read its headers after the test
    // has closed the context, and nothing would await that failure.
    settled: async () => {
      page.off("requestfinished", onFinished);
      return (await Promise.all(transfers)).filter((t): t is ScriptTransfer => t !== null);
    },
  };
}

function total(transfers: ScriptTransfer[]): number {
  return transfers.reduce((sum, t) => sum + t.encodedBytes, 0);
}

/** A fresh context (empty cache) signed in through the API, as after the login page. */
async function signedInContext(
  browser: Browser,
  baseUrl: string,
  headers?: Record<string, string>,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1400, height: 1000 },
    ...(headers ? { extraHTTPHeaders: headers } : {}),
  });
  const login = await context.request.post("/api/auth/login", {
    data: { email: "sekretariat@demo.dk", password: "demo" },
  });
  expect(login.ok()).toBe(true);
  return context;
}

async function visitLogin(browser: Browser, baseUrl: string, headers?: Record<string, string>) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    ...(headers ? { extraHTTPHeaders: headers } : {}),
  });
  const page = await context.newPage();
  const scripts = recordScripts(page);
  await page.goto("/login");
  await page.getByRole("button", { name: "Log ind" }).waitFor();
  await page.waitForLoadState("networkidle");
  const transfers = await scripts.settled();
  await context.close();
  return { transfers, requested: scripts.requested };
}

async function visitMeeting(browser: Browser, baseUrl: string, headers?: Record<string, string>) {
  const context = await signedInContext(browser, baseUrl, headers);
  const page = await context.newPage();
  const scripts = recordScripts(page);
  await page.goto(MEETING_PATH);
  await agendaRow(page, ITEM_TITLE).waitFor();
  await page.waitForLoadState("networkidle");
  const transfers = await scripts.settled();
  await context.close();
  return { transfers, requested: scripts.requested };
}

describe("the JavaScript of a first visit", () => {
  let server: TestServer;
  let browser: Browser;
  let manifest: ViteManifest;
  let editorChunks: Set<string>;

  beforeAll(async () => {
    manifest = readViteManifest();
    editorChunks = editorChunkPaths(manifest);
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("is built with a brotli and a gzip file beside every script and stylesheet", () => {
    const assets = readdirSync(`${CLIENT_DIR}assets`);
    // Below 1 KB the build may leave a file plain, where compressing would not make it smaller.
    const code = assets.filter(
      (file) => /\.(js|css)$/.test(file) && statSync(`${CLIENT_DIR}assets/${file}`).size >= 1024,
    );
    expect(code.length).toBeGreaterThan(10);
    for (const file of code) {
      expect(assets.includes(`${file}.br`), file).toBe(true);
      expect(assets.includes(`${file}.gz`), file).toBe(true);
    }
  });

  it("finds the editor's chunks in the manifest: TipTap and ProseMirror, and what imports them", () => {
    const editor = Object.values(manifest).find((chunk) => chunk.name === "editor");
    expect(editor?.file).toMatch(/^assets\/editor-[\w-]+\.js$/);
    // The item page, the minutes page and the meeting page's item pane need the editor.
    for (const src of ["pages/ItemPage.tsx", "pages/MinutesPage.tsx"]) {
      expect(editorChunks.has(chunkPathOf(manifest, src)), src).toBe(true);
    }
    // The pages of a first visit do not.
    for (const src of ["index.html", "pages/MeetingPage.tsx", "pages/MeetingsPage.tsx"]) {
      expect(editorChunks.has(chunkPathOf(manifest, src)), src).toBe(false);
    }
  });

  it("login page: at most 300 KB as sent, all of it brotli, no editor code", async () => {
    const { transfers, requested } = await visitLogin(browser, server.url);
    expect(transfers.length).toBeGreaterThan(0);
    for (const t of transfers) expect(t.encoding, t.path).toBe("br");
    expect(total(transfers)).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(requested.filter((path) => editorChunks.has(path))).toEqual([]);
  });

  it("meeting page after login: at most 300 KB as sent, all of it brotli, no editor code", async () => {
    const { transfers, requested } = await visitMeeting(browser, server.url);
    expect(transfers.map((t) => t.path)).toContain(chunkPathOf(manifest, "pages/MeetingPage.tsx"));
    for (const t of transfers) expect(t.encoding, t.path).toBe("br");
    expect(total(transfers)).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(requested.filter((path) => editorChunks.has(path))).toEqual([]);
  });

  it("stays within 300 KB for a browser that accepts gzip only", async () => {
    const gzipOnly = { "Accept-Encoding": "gzip" };
    for (const visit of [visitLogin, visitMeeting]) {
      const { transfers } = await visit(browser, server.url, gzipOnly);
      for (const t of transfers) expect(t.encoding, t.path).toBe("gzip");
      expect(total(transfers), visit.name).toBeLessThanOrEqual(BUDGET_BYTES);
    }
  });

  it("loads the editor with an open item, after a Danish loading text in the item's place", async () => {
    const context = await signedInContext(browser, server.url);
    const page = await context.newPage();
    const requested = recordRequests(page);
    // Hold the item pane's code until the loading text has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      `**${chunkPathOf(manifest, "meetings/MeetingItemPanel.tsx")}`,
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await page.goto(`${MEETING_PATH}/punkter/${DEMO_ITEM_ID}`);
    await page.getByRole("status").filter({ hasText: "Henter punktet …" }).waitFor();
    release();
    await waitForEditor(page);
    expect(requested.some((path) => editorChunks.has(path))).toBe(true);
    await context.close();
  });

  it("says so in Danish and offers a reload when the code of a part cannot be fetched", async () => {
    expectConsole(
      /Failed to load resource: net::ERR_FAILED/,
      "the test makes the chunk's request fail",
    );
    expectConsole(
      /loading part of the app failed|Failed to fetch dynamically imported module|ChunkLoadError/,
      "the failed chunk is reported where it is caught",
    );
    const context = await signedInContext(browser, server.url);
    const page = await context.newPage();
    const panel = `**${chunkPathOf(manifest, "meetings/MeetingItemPanel.tsx")}`;
    await page.route(panel, (route) => route.abort());
    await page.goto(`${MEETING_PATH}/punkter/${DEMO_ITEM_ID}`);
    const notice = page.getByRole("alert").filter({ hasText: "kunne ikke hentes" });
    await notice.waitFor();
    // The agenda beside it still works.
    await agendaRow(page, ITEM_TITLE).waitFor();

    // The network is back: reloading shows the item.
    await page.unroute(panel);
    await notice.getByRole("button", { name: "Genindlæs siden" }).click();
    await waitForEditor(page);

    // A page's own chunk: the notice takes the page's place.
    const meetingChunk = `**${chunkPathOf(manifest, "pages/MeetingPage.tsx")}`;
    const fresh = await signedInContext(browser, server.url);
    const other = await fresh.newPage();
    await other.route(meetingChunk, (route) => route.abort());
    await other.goto(MEETING_PATH);
    await other
      .getByRole("main")
      .getByRole("alert")
      .filter({ hasText: "kunne ikke hentes" })
      .waitFor();
    await context.close();
    await fresh.close();
  });
});
