import { defineConfig } from "vitest/config";

// Three projects, run by tests/run-all.ts in this order: fast pure logic, the real server on
// port 0, then real Chromium against the built client.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          // Fails every test on an unexpected console error or warning in the browser.
          setupFiles: ["tests/browser/setup.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // Real Chromium on a shared 2-core machine occasionally drops typed keys that arrive
          // while the page is still settling. A test that fails three times fails the run;
          // one that passes on a retry is reported by vitest as flaky in the log.
          retry: 2,
        },
      },
    ],
  },
});
