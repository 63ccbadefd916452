import { execFileSync } from "node:child_process";
import os from "node:os";
import { describe, expect, it } from "vitest";

/**
 * Run in a process of its own: the function changes the priority of every thread of the process
 * it runs in, and the test runner's must stay as they are.
 */
const MODULE = new URL("../../../server/workers/threadPriority.ts", import.meta.url).href;

const SCRIPT = `
import { readdirSync } from "node:fs";
import os from "node:os";
const { deprioritizeHelperThreads } = await import(${JSON.stringify(MODULE)});
const mainBefore = os.getPriority(process.pid);
const changed = await deprioritizeHelperThreads(19);
const threads = readdirSync("/proc/self/task").map((tid) => ({
  tid: Number(tid),
  main: Number(tid) === process.pid,
  nice: os.getPriority(Number(tid)),
}));
console.log(JSON.stringify({ changed, threads, mainBefore }));
`;

describe.runIf(process.platform === "linux")("deprioritizeHelperThreads", () => {
  it("gives every thread but the main one the nice value, libuv's thread pool included", () => {
    // Below 19 already (a niced test run), there would be nothing to see.
    expect(os.getPriority(process.pid)).toBeLessThan(19);
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", SCRIPT],
      { encoding: "utf8", env: { ...process.env, UV_THREADPOOL_SIZE: "4" } },
    );
    const { changed, threads, mainBefore } = JSON.parse(output) as {
      changed: number;
      mainBefore: number;
      threads: Array<{ tid: number; main: boolean; nice: number }>;
    };
    const helpers = threads.filter((thread) => !thread.main);
    // V8's platform threads (at least one) and libuv's four, started by the function itself.
    expect(helpers.length).toBeGreaterThanOrEqual(5);
    expect(changed).toBe(helpers.length);
    expect(helpers.map((thread) => thread.nice)).toEqual(helpers.map(() => 19));
    expect(threads.find((thread) => thread.main)?.nice).toBe(mainBefore);
  });
});
