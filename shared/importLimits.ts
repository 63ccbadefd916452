/**
 * The largest file accepted for import (an agenda or minutes as PDF, Word or text). Larger than a
 * long agenda with its images (KKR agendas are 1–5 MB); the server refuses a bigger upload before
 * buffering it, and the client before sending it.
 */
export const IMPORT_MAX_BYTES = 25 * 1024 * 1024;

/** The same, in whole megabytes, for messages. */
export const IMPORT_MAX_MB = IMPORT_MAX_BYTES / (1024 * 1024);
