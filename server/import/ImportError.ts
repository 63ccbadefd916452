/**
 * Why an import failed, as a value with a stable id. The code is for programs (the CLI's exit
 * path, a future HTTP answer); the message is Danish, for the person who chose the file.
 */
export const IMPORT_ERROR_CODES = [
  "import_unreadable",
  "import_empty",
  "import_truncated",
  "import_too_large",
  "import_timeout",
  "import_busy",
  "import_unsupported_type",
  "import_no_agenda",
] as const;

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportError {
  code: ImportErrorCode;
  message: string;
}

/** Every step of the import answers with this: a value, or why there is none. */
export type ImportResult<T> = { ok: true; value: T } | { ok: false; error: ImportError };

export function importFailure(code: ImportErrorCode, message: string): ImportResult<never> {
  return { ok: false, error: { code, message } };
}
