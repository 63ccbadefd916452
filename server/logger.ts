export type Log = (message: string, context?: Record<string, unknown>) => void;

/** One JSON line per event on stderr, so logs stay greppable and carry their context. */
export function createLogger(quiet: boolean): Log {
  if (quiet) return () => undefined;
  return (message, context) => {
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), message, ...context })}\n`,
    );
  };
}
