/**
 * Bounded imports (issue #13): a zip bomb and an over-long PDF get a clear error while the
 * server's memory stays put and `/healthz` keeps answering, measured on the server as a
 * separate process; a time limit ends an import that runs too long.
 */
import { readFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMMITTEE_ID } from "../../server/seed/seedDemo";
import { manyPagePdf, zipBombDocx } from "./helpers/importBombs";
import type { ServerProcess } from "./helpers/serverProcess";
import { freePort, spawnServer } from "./helpers/serverProcess";
import type { TestSession } from "./helpers/session";
import { login } from "./helpers/session";
import { startTestServer, tempDataDir } from "./helpers/testServer";
import { writeFixtureDocx, writeFixturePdf } from "../unit/import/writeFixtureDocuments";

const FIXTURE = path.resolve(
  import.meta.dirname,
  "../fixtures/agendas/kkr-syddanmark-2025-09-03-referat.txt",
);
const PREVIEW = `/api/committees/${DEMO_COMMITTEE_ID}/imports/preview`;
const MB = 1024 * 1024;

function preview(baseUrl: string, session: TestSession, body: Buffer): Promise<Response> {
  return fetch(`${baseUrl}${PREVIEW}`, {
    method: "POST",
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrfToken,
      "content-type": "application/octet-stream",
    },
    body: new Uint8Array(body),
  });
}

/** The process's resident memory, from /proc. */
function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/**
 * Samples the server's RSS and asks `/healthz` in a loop while `work` runs; every health check
 * must be answered (each within a generous 2 s: the issue saw stalls of 4.5 s).
 */
async function whileWatching(server: ServerProcess, work: () => Promise<void>) {
  const pid = server.child.pid!;
  let peak = rssBytes(pid);
  let checks = 0;
  let slowest = 0;
  const failures: string[] = [];
  const state = { running: true };
  const sampler = (async () => {
    while (state.running) {
      peak = Math.max(peak, rssBytes(pid));
      const started = performance.now();
      const status = await healthStatus(server.url);
      if (status !== 200) failures.push(`healthz: ${status}`);
      slowest = Math.max(slowest, performance.now() - started);
      checks++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    await work();
  } finally {
    state.running = false;
    await sampler;
  }
  return { peak, checks, slowest, failures };
}

/** `/healthz` on a fresh connection (no keep-alive race), or the error if none within 2 s. */
function healthStatus(baseUrl: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = get(`${baseUrl}/healthz`, { agent: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("timeout", () => request.destroy(new Error("no answer within 2 s")));
    request.on("error", (error) => resolve(error.message));
  });
}

describe("bounded imports, on the server as its own process", () => {
  let server: ServerProcess;
  let dataDir: string;
  let secretariat: TestSession;

  beforeAll(async () => {
    dataDir = tempDataDir();
    server = await spawnServer(dataDir, await freePort());
    secretariat = await login(server.url, "sekretariat@demo.dk");
    // Real imports first (Word and PDF), so the worker and its readers are loaded: what is
    // measured below is what the hostile files cost beyond ordinary imports.
    const docxPath = path.join(dataDir, "referat.docx");
    const pdfPath = path.join(dataDir, "referat.pdf");
    await writeFixtureDocx(readFileSync(FIXTURE, "utf8"), docxPath);
    await writeFixturePdf(readFileSync(FIXTURE, "utf8"), pdfPath);
    for (const file of [docxPath, pdfPath]) {
      const ordinary = await preview(server.url, secretariat, readFileSync(file));
      expect(ordinary.status, await ordinary.clone().text()).toBe(200);
    }
  });
  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses zip bombs (honest and lying) and a 501-page PDF with 413 and a Danish message, without memory growth or a stalled /healthz", async () => {
    const honest = zipBombDocx(200);
    const lying = zipBombDocx(200, true);
    const longPdf = await manyPagePdf(501);
    expect(honest.length).toBeLessThan(1 * MB);
    const baseline = rssBytes(server.child.pid!);
    const answers: { status: number; body: { error: string; message: string } }[] = [];
    const watched = await whileWatching(server, async () => {
      for (const file of [honest, lying, longPdf]) {
        const response = await preview(server.url, secretariat, file);
        answers.push({ status: response.status, body: await response.json() });
      }
    });
    expect(answers.map((a) => a.status)).toEqual([413, 413, 413]);
    expect(answers.map((a) => a.body.error)).toEqual([
      "import_too_large",
      "import_too_large",
      "import_too_large",
    ]);
    expect(answers[0]!.body.message).toContain("zip-bombe");
    expect(answers[1]!.body.message).toContain("zip-bombe");
    expect(answers[2]!.body.message).toBe(
      "PDF-filen har 501 sider; der kan højst indlæses 500 sider.",
    );
    const growth = watched.peak - baseline;
    console.info(
      `import bombs: RSS ${Math.round(baseline / MB)} MB → peak ${Math.round(watched.peak / MB)} MB ` +
        `(+${Math.round(growth / MB)} MB); ${watched.checks} health checks, slowest ${Math.round(watched.slowest)} ms`,
    );
    expect(growth).toBeLessThan(100 * MB);
    expect(watched.failures).toEqual([]);
    expect(watched.checks).toBeGreaterThan(0);
  });

  it("refuses a file over the upload limit before reading it", async () => {
    const response = await preview(server.url, secretariat, Buffer.alloc(26 * MB, 0x41));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "payload_too_large" });
  });
});

describe("the import time limit", () => {
  it("ends an import that runs past it with 422 import_timeout", async () => {
    const server = await startTestServer({ taskLimits: { timeoutMs: 1 } });
    try {
      const secretariat = await login(server.url, "sekretariat@demo.dk");
      const response = await preview(server.url, secretariat, readFileSync(FIXTURE));
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ error: "import_timeout" });
    } finally {
      await server.dispose();
    }
  });
});
