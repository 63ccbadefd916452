/**
 * `npm test`: every gate and every test runner, in order, with one closing line
 * `N passed, N failed` summed over all of them. Each gate (typecheck, lint, format, circular
 * imports) counts as one check; each vitest test counts as one.
 *
 * Runs everything even after a failure, so one run shows every problem.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

interface Step {
  name: string;
  command: string[];
  /** A vitest project: its counts come from the JSON report, not the exit code alone. */
  vitestProject?: string;
}

const steps: Step[] = [
  { name: "typecheck", command: ["npx", "tsc", "-b"] },
  { name: "lint", command: ["npm", "run", "--silent", "lint"] },
  { name: "format", command: ["npx", "prettier", "--check", "--log-level", "warn", "."] },
  { name: "circular imports", command: ["npm", "run", "--silent", "circular"] },
  { name: "unit", command: [], vitestProject: "unit" },
  { name: "integration", command: [], vitestProject: "integration" },
  { name: "client build", command: ["npx", "vite", "build", "--logLevel", "warn"] },
  { name: "browser", command: [], vitestProject: "browser" },
];

const only = process.argv.slice(2);
const reportDir = path.resolve(".tmp/test-reports");
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

let passed = 0;
let failed = 0;
const summary: string[] = [];

for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  console.log(`\n=== ${step.name} ===`);
  if (step.vitestProject) {
    const report = path.join(reportDir, `${step.vitestProject}.json`);
    const result = spawnSync(
      "npx",
      [
        "vitest",
        "run",
        "--project",
        step.vitestProject,
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report}`,
      ],
      { stdio: "inherit" },
    );
    const counts = readCounts(report);
    if (counts === null) {
      failed += 1;
      summary.push(`${step.name}: no report (exit ${result.status})`);
      continue;
    }
    // A runner that crashed after some tests passed still counts as a failure.
    const crashed = result.status !== 0 && counts.failed === 0 ? 1 : 0;
    passed += counts.passed;
    failed += counts.failed + crashed;
    summary.push(
      `${step.name}: ${counts.passed} passed, ${counts.failed + crashed} failed` +
        (counts.skipped ? `, ${counts.skipped} skipped` : ""),
    );
  } else {
    const [cmd, ...args] = step.command;
    const result = spawnSync(cmd!, args, { stdio: "inherit" });
    if (result.status === 0) {
      passed += 1;
      summary.push(`${step.name}: ok`);
    } else {
      failed += 1;
      summary.push(`${step.name}: FAILED (exit ${result.status})`);
    }
  }
}

console.log("\n=== summary ===");
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

function readCounts(file: string): { passed: number; failed: number; skipped: number } | null {
  try {
    const json = JSON.parse(readFileSync(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    return {
      passed: json.numPassedTests,
      // A suite that fails to load has no tests but is a failure all the same.
      failed: json.numFailedTests + (json.numFailedTests === 0 ? json.numFailedTestSuites : 0),
      skipped: json.numPendingTests + json.numTodoTests,
    };
  } catch {
    return null;
  }
}
