/**
 * `npm run --silent cli -- <command> [arguments]`: administrative commands. Each command is one
 * entry in COMMANDS with its usage line and a function that gets the arguments after the command
 * name and returns the exit code; add a command by adding an entry. Output meant for programs
 * goes to stdout, everything else (errors, usage) to stderr.
 *
 * Exit codes: 0 done, 1 the command failed (e.g. the file could not be imported), 2 the command
 * line was wrong or the command cannot run yet.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { hashPassword } from "./auth/passwords";
import { importAgendaFile, importInWorker } from "./import/index";
import { createTaskPool } from "./workers";
import type { ParsedMeeting } from "./import/index";
import { ApiError } from "./http/ApiError";
import { importIntoCommittee, resolveCommittee } from "./meetings/importIntoCommittee";
import { newId } from "./meetings/newId";
import { startServer } from "./startServer";
import type { RunningServer } from "./startServer";

interface Command {
  usage: string;
  summary: string;
  run(args: string[]): Promise<number>;
}

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const COMMANDS: Record<string, Command> = {
  import: {
    usage: "import <file> [--json] [--committee <id or name>] [--date YYYY-MM-DD] [--place <text>]",
    summary:
      "read an agenda or minutes (.pdf, .docx, .txt); --json prints the parse result as JSON, " +
      "otherwise it is created as a new meeting in the database (DATA_DIR)",
    async run(args) {
      let options;
      try {
        options = parseArgs({
          args,
          allowPositionals: true,
          options: {
            json: { type: "boolean" },
            committee: { type: "string" },
            date: { type: "string" },
            place: { type: "string" },
          },
        });
      } catch {
        console.error(`usage: cli ${this.usage}`);
        return EXIT_USAGE;
      }
      if (options.positionals.length !== 1) {
        console.error(`usage: cli ${this.usage}`);
        return EXIT_USAGE;
      }
      // In a worker under the same memory and time bounds as an upload: a file given to the CLI
      // is as untrusted as one sent over HTTP.
      const pool = createTaskPool();
      const result = await importAgendaFile(options.positionals[0]!, (bytes) =>
        importInWorker(pool, bytes),
      ).finally(() => pool.destroy());
      if (!result.ok) {
        console.error(`${result.error.code}: ${result.error.message}`);
        return EXIT_FAILED;
      }
      if (options.values.json) {
        process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
        return EXIT_OK;
      }
      return importIntoDatabase(result.value, options.values);
    },
  },
  "create-admin": {
    usage:
      "create-admin --email <e-mail> --name <name> --initials <initials> --committee <name> " +
      "(password from DAGSORDEN_ADMIN_PASSWORD)",
    summary: "create the first secretariat account of a committee (creating the committee)",
    async run(args) {
      let values;
      try {
        values = parseArgs({
          args,
          options: {
            email: { type: "string" },
            name: { type: "string" },
            initials: { type: "string" },
            committee: { type: "string" },
          },
        }).values;
      } catch {
        console.error(`usage: cli ${this.usage}`);
        return EXIT_USAGE;
      }
      const password = process.env.DAGSORDEN_ADMIN_PASSWORD ?? "";
      const { email, name, initials, committee } = values;
      if (!email || !name || !initials || !committee) {
        console.error(`usage: cli ${this.usage}`);
        return EXIT_USAGE;
      }
      if (password.length < 10) {
        console.error("DAGSORDEN_ADMIN_PASSWORD must hold a password of at least 10 characters");
        return EXIT_USAGE;
      }
      return withServices(async (server) => {
        if (await server.store.users.getUserByEmail(email)) {
          console.error(`user_exists: ${email} findes allerede`);
          return EXIT_FAILED;
        }
        const existing = (await server.meetings.listCommittees()).find(
          (c) => c.name.toLowerCase() === committee.toLowerCase() || c.id === committee,
        );
        const committeeId = existing?.id ?? (await server.meetings.createCommittee(committee)).id;
        const id = newId();
        await server.store.users.createUser({
          id,
          email: email.toLowerCase(),
          name,
          initials,
          color: "#1f6f8b",
          passwordHash: await hashPassword(password),
          active: true,
        });
        await server.store.users.setMembership(id, committeeId, "sekretariat");
        await server.meetings.audit(null, "user.create_admin", null, null, {
          userId: id,
          committeeId,
        });
        console.log(
          `Oprettede ${name} <${email}> som sekretariat for ${committee} (${committeeId}).`,
        );
        return EXIT_OK;
      });
    },
  },
};

/**
 * The store and services of DATA_DIR, or of DATABASE_URL (and REDIS_URL, so that running
 * instances of a cluster hear of what the command changes), listening only on a passing
 * loopback port.
 */
async function withServices(run: (server: RunningServer) => Promise<number>): Promise<number> {
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  const server = await startServer({
    port: 0,
    dataDir,
    quiet: true,
    databaseUrl: process.env.DATABASE_URL || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    redisPrefix: process.env.REDIS_PREFIX || undefined,
  });
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

async function importIntoDatabase(
  parsed: ParsedMeeting,
  values: { committee?: string; date?: string; place?: string },
): Promise<number> {
  return withServices(async (server) => {
    const committeeId = await resolveCommittee(server.meetings, parsed, values.committee ?? null);
    if (!committeeId) {
      const names = (await server.meetings.listCommittees()).map((c) => `${c.name} (${c.id})`);
      console.error(
        `import_committee_unknown: angiv udvalget med --committee; kendte udvalg: ${names.join(", ") || "ingen"}`,
      );
      return EXIT_FAILED;
    }
    try {
      const details = {
        ...(values.date ? { date: values.date } : {}),
        ...(values.place ? { place: values.place } : {}),
      };
      const { meeting, items } = await importIntoCommittee(
        server.meetings,
        server.store,
        parsed,
        committeeId,
        details,
        null,
      );
      console.log(
        `Oprettede mødet "${meeting.title}" ${meeting.date} (id ${meeting.id}) med ` +
          `${meeting.agenda.sections.length} sektioner og ${items} punkter.`,
      );
      for (const warning of parsed.warnings) console.log(`Advarsel: ${warning}`);
      return EXIT_OK;
    } catch (error) {
      if (error instanceof ApiError) {
        console.error(`${error.code}: ${error.message}`);
        return EXIT_FAILED;
      }
      throw error;
    }
  });
}

function usage(): string {
  const lines = Object.values(COMMANDS).map(
    (command) => `  cli ${command.usage}\n      ${command.summary}`,
  );
  return ["usage:", ...lines].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.error(usage());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    console.error(`unknown command "${name}"\n${usage()}`);
    return EXIT_USAGE;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = EXIT_FAILED;
  },
);
