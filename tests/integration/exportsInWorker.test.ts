import os from "node:os";
import PdfKit from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExportJob } from "../../server/exports/ExportJob";
import { ExportError } from "../../server/exports/ExportError";
import { exportInWorker } from "../../server/exports/exportInWorker";
import { ApiError } from "../../server/http/ApiError";
import { readRecordSource } from "../../server/record";
import { DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { WorkerPool } from "../../server/workers/WorkerPool";
import type { HeldJob } from "./helpers/heldTasks";
import { login } from "./helpers/session";
import type { TestSession } from "./helpers/session";
import { startTestServer, type TestServer } from "./helpers/testServer";

/** A one-page PDF whose text layer holds `text`. */
function pdfWithText(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PdfKit();
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

describe("exports are rendered in the task pool", () => {
  let server: TestServer;
  let secretariat: TestSession;

  beforeAll(async () => {
    server = await startTestServer();
    secretariat = await login(server.url, "sekretariat@demo.dk");
  });

  afterAll(async () => {
    await server?.dispose();
  });

  /** The response to GET `path`, and how many pool tasks finished while it was answered. */
  async function exportThroughPool(path: string) {
    const before = server.workers.completed;
    const response = await secretariat.request("GET", path);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, bytes, tasks: server.workers.completed - before };
  }

  it("renders the PDF, DOCX and HTML of a meeting and a delreferat, one pool task each", async () => {
    const base = `/api/meetings/${DEMO_MEETING_ID}`;
    const pdf = await exportThroughPool(`${base}/export.pdf?kind=referat`);
    expect(pdf).toMatchObject({ status: 200, tasks: 1 });
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

    const docx = await exportThroughPool(`${base}/export.docx?kind=dagsorden`);
    expect(docx).toMatchObject({ status: 200, tasks: 1 });
    expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");

    const html = await exportThroughPool(`${base}/export.html?kind=referat&variant=public`);
    expect(html).toMatchObject({ status: 200, tasks: 1 });
    expect(html.bytes.toString("utf8")).toContain("SAG-2025-03188");

    const extract = await exportThroughPool("/api/items/demo-2-1/delreferat.pdf");
    expect(extract).toMatchObject({ status: 200, tasks: 1 });
    expect(extract.bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("reads a PDF bilag's text for the personal-data check in the pool, once per content", async () => {
    const check = async () => {
      const before = server.workers.completed;
      const response = await secretariat.request(
        "GET",
        `/api/meetings/${DEMO_MEETING_ID}/personal-data?kind=dagsorden`,
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { findings: { match: string; field: string }[] };
      return { body, tasks: server.workers.completed - before };
    };
    // Whatever bilag the demo meeting has are read (and kept) by this first check.
    await check();
    const cpr = "150372-1234";
    const upload = await fetch(
      `${server.url}/api/items/demo-2-2/attachments?filename=${encodeURIComponent("notat.pdf")}`,
      {
        method: "POST",
        headers: { cookie: secretariat.cookie, "x-csrf-token": secretariat.csrfToken },
        body: new Uint8Array(await pdfWithText(`Borgerens CPR-nummer er ${cpr}.`)),
      },
    );
    expect(upload.status).toBe(201);

    const first = await check();
    expect(first.tasks).toBe(1);
    expect(first.body.findings).toContainEqual(
      expect.objectContaining({ match: cpr, field: "bilag" }),
    );
    const again = await check();
    expect(again.tasks).toBe(0);
    expect(again.body.findings).toContainEqual(
      expect.objectContaining({ match: cpr, field: "bilag" }),
    );
  });

  it("an item not on the agenda comes back from the worker as ExportError, not as a crash", async () => {
    const source = await readRecordSource(server.meetings, server.sync, DEMO_MEETING_ID);
    const job: ExportJob = {
      document: "decisionExtract",
      itemId: "no-such-item",
      input: { ...source, kind: "referat", variant: "internal" },
    };
    const error = await exportInWorker(server.workers, job).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect(error).toMatchObject({ code: "export_item_not_found" });
  });
});

describe("the pool's threads yield the CPU to the sync server", () => {
  it("runs tasks on threads at the nice value it is given; the server's own thread keeps 0", async () => {
    const module = new URL("./helpers/heldTasks.ts", import.meta.url);
    const nice = new WorkerPool({
      name: "nice",
      module,
      memoryMb: 64,
      timeoutMs: 10_000,
      niceness: 10,
    });
    const plain = new WorkerPool({ name: "plain", module, memoryMb: 64, timeoutMs: 10_000 });
    try {
      expect(await nice.run<number>("threadPriority", null)).toBe(10);
      expect(await plain.run<number>("threadPriority", null)).toBe(0);
      expect(os.getPriority(0)).toBe(0);
    } finally {
      await Promise.all([nice.destroy(), plain.destroy()]);
    }
  });
});

describe("a bound of the pool reached is a typed refusal", () => {
  const pools: WorkerPool[] = [];
  const gate = new Int32Array(new SharedArrayBuffer(4));
  // A job of no content, carrying what the held task needs.
  const held = (answer: HeldJob["answer"]) =>
    ({
      document: "meeting",
      format: "pdf",
      input: { document: { bodies: {} } },
      gate,
      answer,
    }) as unknown as ExportJob;
  const ok: HeldJob["answer"] = { ok: true, bytes: new Uint8Array([1, 2, 3]) };

  function hold(): void {
    Atomics.store(gate, 0, 0);
  }

  function heldPool(options: { maxQueue: number; timeoutMs: number }): WorkerPool {
    const pool = new WorkerPool({
      name: "held",
      module: new URL("./helpers/heldTasks.ts", import.meta.url),
      maxThreads: 1,
      memoryMb: 64,
      ...options,
    });
    pools.push(pool);
    return pool;
  }

  function release(): void {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
  }

  afterAll(async () => {
    release();
    await Promise.all(pools.map((pool) => pool.destroy()));
  });

  it("a full queue: 503 export_busy with a Danish message, while the running export completes", async () => {
    hold();
    const pool = heldPool({ maxQueue: 1, timeoutMs: 60_000 });
    // One running (or starting its worker) and one waiting fill a pool of one thread and a
    // queue of one.
    const running = exportInWorker(pool, held(ok));
    const waiting = exportInWorker(pool, held(ok));
    expect(pool.pending).toBe(2);
    const refused = await exportInWorker(pool, held(ok)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 503, code: "export_busy" });
    expect((refused as ApiError).message).toMatch(/Prøv igen om lidt/);
    release();
    expect([...(await running)]).toEqual([1, 2, 3]);
    expect([...(await waiting)]).toEqual([1, 2, 3]);
  });

  it("past the time limit: 503 export_timeout", async () => {
    hold();
    const pool = heldPool({ maxQueue: 1, timeoutMs: 200 });
    const refused = await exportInWorker(pool, held(ok)).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 503, code: "export_timeout" });
    release();
  });

  it("an ExportError answered by the task is thrown as one", async () => {
    release();
    const pool = heldPool({ maxQueue: 1, timeoutMs: 60_000 });
    const answer: HeldJob["answer"] = {
      ok: false,
      code: "export_item_not_found",
      message: "Punktet findes ikke",
    };
    const error = await exportInWorker(pool, held(answer)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportError);
    expect(error).toMatchObject({ code: "export_item_not_found", message: "Punktet findes ikke" });
  });
});
