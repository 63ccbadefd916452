/**
 * A refused request: an HTTP status, a stable machine-readable id and a human message. The
 * error handler answers `{ error, message }` with the status; anything else is a 500.
 */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
