import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { guardBrowser } from "./consoleGuard";

const CHROMIUM = "/usr/bin/chromium";

/**
 * Debian's Chromium, headless; `apt-get install -y chromium` when it is missing. Every context
 * it creates is watched for console errors and warnings (see consoleGuard.ts).
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`apt-get install -y chromium\` (.ci/run does)`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return guardBrowser(browser);
}
