import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../../server/startServer";
import { renderMeetingDocx } from "../../server/exports";
import { fixtureExportInput } from "../unit/exports/fixtureMeeting";
import { writeFixturePdf } from "../unit/import/writeFixtureDocuments";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURE = "tests/fixtures/agendas/kkr-syddanmark-2025-09-03-referat.txt";
const dir = mkdtempSync(path.join(tmpdir(), "dagsorden-cli-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: ROOT, env, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The CLI itself, without npm in between: faster, and its own stderr only. */
function cli(...args: string[]): Promise<Run> {
  return run(path.join(ROOT, "node_modules/.bin/tsx"), ["server/cli.ts", ...args]);
}

describe("cli import", () => {
  it("prints only the parse result as JSON with --json, through npm run", async () => {
    const result = await run("npm", ["run", "--silent", "cli", "--", "import", FIXTURE, "--json"]);
    expect(result.code).toBe(0);
    const meeting = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(meeting)).toEqual(
      expect.arrayContaining(["committee", "meetingDate", "kind", "sections", "warnings"]),
    );
    expect(meeting).toMatchObject({
      committee: "KKR Syddanmark",
      meetingDate: null,
      kind: "referat",
    });
    const sections = meeting.sections as {
      number: string;
      title: string;
      items: { number: string; caseNumber: string; officers: string[]; fields: object }[];
    }[];
    expect(sections.map((section) => section.number)).toEqual(["1", "2", "3", "4"]);
    const itDrift = sections[1]!.items.find((item) => item.number === "2.8")!;
    expect(itDrift).toMatchObject({
      caseNumber: "SAG-2025-00639",
      officers: ["lar", "chch", "anjh"],
      attachmentMarkers: 0,
    });
    expect(Object.keys(itDrift.fields)).toEqual([
      "baggrund",
      "indstilling",
      "sagsfremstilling",
      "beslutning",
    ]);
  }, 60_000);

  it("prints only JSON for a .pdf too: pdf.js says nothing on stdout", async () => {
    const pdf = path.join(dir, "referat.pdf");
    await writeFixturePdf(readFileSync(path.join(ROOT, FIXTURE), "utf8"), pdf);
    const result = await cli("import", pdf, "--json");
    expect(result.code).toBe(0);
    const meeting = JSON.parse(result.stdout) as { kind: string; sections: unknown[] };
    expect(meeting.kind).toBe("referat");
    expect(meeting.sections).toHaveLength(4);
  }, 60_000);

  it("without --json creates the meeting in the database, and never a partial one", async () => {
    const dataDir = path.join(dir, "db");
    const env = { ...process.env, DATA_DIR: dataDir, DAGSORDEN_ADMIN_PASSWORD: "et-langt-kodeord" };
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    const admin = await run(
      tsx,
      [
        "server/cli.ts",
        "create-admin",
        "--email",
        "a@kommune.dk",
        "--name",
        "Anne",
        "--initials",
        "anad",
        "--committee",
        "KKR Syddanmark",
      ],
      env,
    );
    expect(admin.code, admin.stderr).toBe(0);
    const imported = await run(
      tsx,
      ["server/cli.ts", "import", FIXTURE, "--date", "2025-09-03"],
      env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(
      /Oprettede mødet "Møde i KKR Syddanmark" 2025-09-03 .* med 4 sektioner og 12 punkter/,
    );

    const garbage = path.join(dir, "garbage-db.txt");
    writeFileSync(garbage, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
    const refused = await run(tsx, ["server/cli.ts", "import", garbage], env);
    expect(refused.code).toBe(1);

    const server = await startServer({ port: 0, dataDir, quiet: true });
    try {
      const [committee] = await server.meetings.listCommittees();
      const meetings = await server.meetings.listMeetings(committee!.id);
      expect(meetings).toHaveLength(1);
      const meeting = meetings[0]!;
      expect(meeting.agenda.sections.map((section) => section.title)).toEqual([
        "Godkendelse af referat",
        "Regionalpolitiske sager",
        "Punkter til næste møde",
        "Eventuelt",
      ]);
      const minutes = await server.store.docs.loadDoc(`minutes:${meeting.id}`);
      expect(minutes).not.toBeNull();
      const audit = await server.store.audit.listAudit({ meetingId: meeting.id });
      expect(audit.map((entry) => entry.action)).toContain("meeting.import");
    } finally {
      await server.close();
    }
  }, 120_000);

  it("imports our own internal export's closed item closed, with its bilag as names", async () => {
    const docx = path.join(dir, "intern.docx");
    const input = fixtureExportInput({
      kind: "dagsorden",
      change: (item) =>
        item.id === "demo-2-2"
          ? {
              ...item,
              closed: true,
              attachments: [{ id: "b1", filename: "Notat om sagen.pdf", missingFile: true }],
            }
          : item,
    });
    writeFileSync(docx, await renderMeetingDocx(input));
    const json = await cli("import", docx, "--json");
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      sections: { items: { number: string; closed: boolean; attachments: string[] }[] }[];
    };
    const items = parsed.sections.flatMap((section) => section.items);
    expect(items.find((item) => item.number === "2.2")).toMatchObject({
      closed: true,
      attachments: ["Notat om sagen.pdf"],
    });
    expect(items.filter((item) => item.closed)).toHaveLength(1);

    const dataDir = path.join(dir, "closed-db");
    const env = { ...process.env, DATA_DIR: dataDir, DAGSORDEN_ADMIN_PASSWORD: "et-langt-kodeord" };
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    const admin = await run(
      tsx,
      ["server/cli.ts", "create-admin", "--email", "a@kommune.dk", "--name", "Anne"].concat([
        "--initials",
        "anad",
        "--committee",
        "KKR Syddanmark",
      ]),
      env,
    );
    expect(admin.code, admin.stderr).toBe(0);
    const imported = await run(tsx, ["server/cli.ts", "import", docx], env);
    expect(imported.code, imported.stderr).toBe(0);
    const server = await startServer({ port: 0, dataDir, quiet: true });
    try {
      const [committee] = await server.meetings.listCommittees();
      const [meeting] = await server.meetings.listMeetings(committee!.id);
      const closed = meeting!.agenda.sections
        .flatMap((section) => section.items)
        .filter((item) => item.closed);
      expect(closed.map((item) => item.title)).toEqual(["Siden sidst"]);
      expect(closed[0]!.attachments).toEqual([
        { id: expect.any(String), filename: "Notat om sagen.pdf", missingFile: true },
      ]);
    } finally {
      await server.close();
    }
  }, 120_000);

  it("gives a clear error and no output for garbage", async () => {
    const garbage = path.join(dir, "garbage.txt");
    writeFileSync(
      garbage,
      Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 7919) % 256)),
    );
    const result = await cli("import", garbage, "--json");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^import_unreadable: /);
  }, 60_000);

  it("gives a clear error and no output for an empty file and a missing one", async () => {
    const empty = path.join(dir, "empty.pdf");
    writeFileSync(empty, "");
    const emptyResult = await cli("import", empty, "--json");
    expect(emptyResult.code).toBe(1);
    expect(emptyResult.stdout).toBe("");
    expect(emptyResult.stderr).toMatch(/^import_empty: /);

    const missing = await cli("import", path.join(dir, "missing.docx"), "--json");
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/^import_unreadable: .*findes ikke/);
  }, 60_000);

  it("explains its usage for an unknown command or a missing file argument", async () => {
    const unknown = await cli("export");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "export"');
    expect(unknown.stderr).toContain("cli import <file> [--json]");

    const noFile = await cli("import", "--json");
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("usage: cli import <file> [--json]");
  }, 60_000);
});
