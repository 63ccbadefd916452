import { afterEach, beforeEach } from "vitest";
import { takeConsoleProblems } from "./helpers/consoleGuard";

// Whatever a previous test's teardown (or a beforeAll) logged is not this test's doing.
beforeEach(() => {
  takeConsoleProblems();
});

// Runs after the test file's own afterEach hooks (hooks run as a stack), so messages logged
// while a test's pages close count too.
afterEach(() => {
  const problems = takeConsoleProblems();
  if (problems.length > 0) {
    throw new Error(
      `unexpected console errors or warnings in the browser:\n${problems.join("\n")}`,
    );
  }
});
