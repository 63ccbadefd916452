import type { Browser, BrowserContext, ConsoleMessage } from "playwright-core";

/**
 * Every browser test fails on a console error or warning it did not expect, and on an uncaught
 * page error. `launchBrowser()` watches every context it creates; `tests/browser/setup.ts`
 * checks after each test. A message a test provokes on purpose is allowed for that test only,
 * with a reason (`expectConsole`); the few that every test may meet are listed here.
 */

interface Allowance {
  pattern: RegExp;
  /** Why this message is expected, not a defect. */
  reason: string;
}

/**
 * Messages any test may meet. Keep this short: each entry hides a class of messages from
 * every test.
 */
const ALWAYS_ALLOWED: readonly Allowance[] = [];

const problems: string[] = [];
let allowedThisTest: Allowance[] = [];

/**
 * Allows console errors or warnings matching `pattern` until the current test ends, e.g. the
 * browser's own "WebSocket connection … failed" while a test has stopped the server. The
 * reason documents why the message is expected.
 */
export function expectConsole(pattern: RegExp, reason: string): void {
  if (reason.trim() === "") throw new Error("an expected console message needs a reason");
  allowedThisTest.push({ pattern, reason });
}

/**
 * The test stops the server while pages are open: the browser itself logs every refused
 * reconnection attempt and request (no script can keep it from doing so).
 */
export function expectServerDown(): void {
  expectConsole(
    /WebSocket connection to .* failed: .*ERR_CONNECTION_(REFUSED|RESET)/,
    "the server is stopped on purpose: reconnection attempts are refused (or cut mid-handshake)",
  );
  expectConsole(
    /Failed to load resource: net::ERR_CONNECTION_REFUSED/,
    "the server is stopped on purpose: requests made meanwhile are refused",
  );
}

/**
 * The test takes the network away (`context.setOffline(true)`): the browser itself logs each
 * request and websocket handshake that was in flight at that moment (the page's script refuses
 * to start new ones offline, but cannot keep the browser from reporting those it had started).
 */
export function expectNetworkGone(): void {
  expectConsole(
    /Failed to load resource: net::ERR_INTERNET_DISCONNECTED/,
    "the network is taken away on purpose: a request in flight fails",
  );
  expectConsole(
    /WebSocket connection to .* failed: (WebSocket is closed before the connection is established|Error in connection establishment: net::ERR_INTERNET_DISCONNECTED)/,
    "the network is taken away on purpose: a websocket still in its handshake fails, or is closed by the page going offline",
  );
}

/** The unexpected messages seen since the last call, and forgets them and the allowances. */
export function takeConsoleProblems(): string[] {
  const taken = problems.splice(0);
  allowedThisTest = [];
  return taken;
}

function allowed(text: string): boolean {
  return [...ALWAYS_ALLOWED, ...allowedThisTest].some(({ pattern }) => pattern.test(text));
}

function record(kind: string, text: string, where: string): void {
  const line = `${kind}: ${text}${where ? ` (${where})` : ""}`;
  if (allowed(line)) return;
  problems.push(line);
}

function onConsole(message: ConsoleMessage): void {
  const type = message.type();
  if (type !== "error" && type !== "warning") return;
  const { url, lineNumber } = message.location();
  record(`console.${type}`, message.text(), url ? `${url}:${lineNumber}` : "");
}

/** Watches one context's pages for console errors, warnings and uncaught errors. */
export function watchContext(context: BrowserContext): BrowserContext {
  context.on("console", onConsole);
  context.on("weberror", (webError) => {
    const error = webError.error();
    record("page error", error.stack ?? error.message, webError.page()?.url() ?? "");
  });
  return context;
}

/** Makes every context (and page) the browser creates from now on watched. */
export function guardBrowser(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watchContext(await newContext(options));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    watchContext(page.context());
    return page;
  };
  return browser;
}
