/**
 * Scenario 7, in the browser (ours only): our built client, served by our server, in headless
 * Chromium. An item of about 40 pages (paragraphs of the KKR fixtures' text, 3,000 characters
 * a page) with a marked short paragraph in the middle; page A types into it one key every
 * 100 ms while page B (another browser context, signed in separately) shows the same item.
 * - keystroke → paint: in page A, keydown → the frame after the DOM change;
 * - keystroke → remote render: A's keydown → B's frame after the character appeared.
 * The peers are not measured here: they have no client of ours, and a stand-alone TipTap page
 * would measure that page, not the server; their server hop is scenarios 1 and 2.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import * as Y from "yjs";
import { appendParagraphs } from "../clients/itemBody";
import { RawClient } from "../clients/rawClient";
import { summarize } from "../lib/latency";
import { measured } from "../lib/measure";
import { sleep } from "../lib/waitFor";
import { repoRoot } from "../servers/serverProcess";
import { RunningServer } from "../servers/serverUnderTest";
import type { ServerUnderTest } from "../servers/serverUnderTest";
import {
  PAGE_NAME_HELPER,
  instrumentTypingPage,
  instrumentWatchingPage,
  readBench,
} from "./browserPages";
import { withMeasurement, type BenchSettings, type CaseResult, type Scenario } from "./scenario";

const CHROMIUM = "/usr/bin/chromium";
// Not under .tmp/: Express's sendFile refuses paths with a dot-directory in them.
const CLIENT_DIR = path.join(os.tmpdir(), "dagsorden-bench-client");
const MARKER = "MÅLEPUNKT";
const PAGE_CHARS = 3000;
const KEY_INTERVAL_MS = 100;

/** Paragraphs of real agenda text from the fixtures, repeated to about `pages` pages. */
function agendaParagraphs(pages: number): string[] {
  const dir = path.join(repoRoot, "tests/fixtures/agendas");
  const source = readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .flatMap((name) => readFileSync(path.join(dir, name), "utf8").split(/\n\s*\n/))
    .map((block) => block.replace(/\s+/g, " ").trim())
    .filter((block) => block.length >= 40);
  const paragraphs: string[] = [];
  let chars = 0;
  for (let i = 0; chars < pages * PAGE_CHARS; i++) {
    const text = source[i % source.length]!;
    paragraphs.push(text);
    chars += text.length;
  }
  paragraphs.splice(Math.floor(paragraphs.length / 2), 0, `${MARKER} `);
  return paragraphs;
}

function buildClient(): void {
  const result = spawnSync(
    "npx",
    ["vite", "build", "--outDir", CLIENT_DIR, "--emptyOutDir", "--logLevel", "error"],
    { cwd: repoRoot, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`client build failed:\n${result.stderr}`);
}

async function openItem(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("E-mail").fill("sekretariat@demo.dk");
  await page.getByLabel("Adgangskode").fill("demo");
  await page.getByRole("button", { name: "Log ind" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await showItem(page, baseUrl, "bench-0");
  return page;
}

async function showItem(page: Page, baseUrl: string, itemId: string): Promise<void> {
  await page.goto(`${baseUrl}/items/${itemId}`);
  await page.locator(".ProseMirror p", { hasText: MARKER }).waitFor({ timeout: 30_000 });
  await page.evaluate(PAGE_NAME_HELPER);
}

/** Puts the caret at the end of the marked paragraph and types a little, unmeasured. */
async function placeCaret(page: Page): Promise<void> {
  await page.locator(".ProseMirror p", { hasText: MARKER }).click();
  await page.keyboard.press("End");
  await page.keyboard.type("..", { delay: KEY_INTERVAL_MS });
  await sleep(500);
}

async function typeKeys(page: Page, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("x");
    await sleep(KEY_INTERVAL_MS);
  }
  await sleep(1000);
}

export const browser: Scenario = {
  id: "browser",
  title: "7. In the browser: keystroke to paint, keystroke to remote render",
  notApplicable: (server) =>
    server.id === "ours"
      ? existsSync(CHROMIUM)
        ? null
        : `${CHROMIUM} is missing (apt-get install -y chromium)`
      : "our client only; the server hop is compared in scenarios 1 and 2",
  async run(definition: ServerUnderTest, settings: BenchSettings): Promise<CaseResult[]> {
    const keystrokes = settings.quick ? 30 : 200;
    settings.log("browser: building the client");
    buildClient();
    const server = await RunningServer.start(definition, {
      items: 2,
      extraArgs: [`--client-dir=${CLIENT_DIR}`],
    });
    let browserProcess: Browser | null = null;
    try {
      const seed = async (docName: string, pages: number) => {
        const doc = new Y.Doc();
        const seeder = await RawClient.connect(await server.target(docName), { doc });
        const paragraphs = agendaParagraphs(pages);
        appendParagraphs(doc, paragraphs);
        await seeder.barrier();
        await seeder.close();
        return paragraphs.reduce((sum, p) => sum + p.length, 0);
      };
      const docChars = await seed("item:bench-0", 40);
      const smallDocChars = await seed("item:bench-1", 1);

      browserProcess = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      });
      const baseUrl = `http://127.0.0.1:${server.port}`;
      const typing = await openItem(browserProcess, baseUrl);
      const watching = await openItem(browserProcess, baseUrl);
      await placeCaret(typing);
      await typing.evaluate(instrumentTypingPage);
      await watching.evaluate(instrumentWatchingPage, MARKER);

      settings.log(`browser: ${keystrokes} keystrokes`);
      const run = await measured(server, () => typeKeys(typing, keystrokes));
      const typed = await typing.evaluate(readBench);
      const watched = await watching.evaluate(readBench);

      // The same keystrokes in a one-page item: what the document's size costs the editor.
      settings.log("browser: the same in a one-page item");
      await showItem(typing, baseUrl, "bench-1");
      await placeCaret(typing);
      await typing.evaluate(instrumentTypingPage);
      const smallRun = await measured(server, () => typeKeys(typing, keystrokes / 2));
      const smallTyped = await typing.evaluate(readBench);
      const remote = watched.renders
        .slice(0, typed.keydowns.length)
        .map((renderedAt, i) => renderedAt - typed.keydowns[i]!);
      const missing = typed.keydowns.length - watched.renders.length;
      const common = { docChars, keystrokes: typed.keydowns.length };
      return [
        withMeasurement(
          {
            scenario: "browser",
            case: "keystroke → paint",
            server: definition.id,
            status: "ok",
            latencyMs: summarize(typed.paints),
            metrics: common,
          },
          run,
        ),
        withMeasurement(
          {
            scenario: "browser",
            case: "keystroke → paint, 1-page item",
            server: definition.id,
            status: "ok",
            latencyMs: summarize(smallTyped.paints),
            metrics: { docChars: smallDocChars, keystrokes: smallTyped.keydowns.length },
          },
          smallRun,
        ),
        withMeasurement(
          {
            scenario: "browser",
            case: "keystroke → remote render",
            server: definition.id,
            status: missing === 0 ? "ok" : "error",
            note: missing === 0 ? undefined : `${missing} keystrokes never appeared in page B`,
            latencyMs: summarize(remote),
            metrics: common,
          },
          run,
        ),
      ];
    } finally {
      await browserProcess?.close();
      await server.dispose();
    }
  },
};
