/**
 * `npm run --silent cli -- <command> [arguments]`: administrative commands. Each command is one
 * entry in COMMANDS with its usage line and a function that gets the arguments after the command
 * name and returns the exit code; add a command by adding an entry. Output meant for programs
 * goes to stdout, everything else (errors, usage) to stderr.
 *
 * Exit codes: 0 done, 1 the command failed (e.g. the file could not be imported), 2 the command
 * line was wrong or the command cannot run yet.
 */
import { importAgendaFile } from "./import/index";

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
    usage: "import <file> [--json]",
    summary:
      "read an agenda or minutes (.pdf, .docx, .txt); --json prints the parse result as JSON",
    async run(args) {
      const json = args.includes("--json");
      const unknown = args.filter((arg) => arg.startsWith("--") && arg !== "--json");
      const files = args.filter((arg) => !arg.startsWith("--"));
      if (unknown.length > 0 || files.length !== 1) {
        console.error(`usage: cli ${this.usage}`);
        return EXIT_USAGE;
      }
      if (!json) {
        console.error(
          "database import not available yet: use --json to print what the file contains",
        );
        return EXIT_USAGE;
      }
      const result = await importAgendaFile(files[0]!);
      if (!result.ok) {
        console.error(`${result.error.code}: ${result.error.message}`);
        return EXIT_FAILED;
      }
      process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
      return EXIT_OK;
    },
  },
};

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
