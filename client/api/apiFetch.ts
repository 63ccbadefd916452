/**
 * The one way the client talks to the HTTP API. Every state-changing request carries the
 * double-submit CSRF token (the value of the readable `dagsorden_csrf` cookie in the
 * `X-CSRF-Token` header); errors come back as `ApiError` values with the server's stable id.
 */

export const CSRF_COOKIE = "dagsorden_csrf";
const CSRF_HEADER = "X-CSRF-Token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const NETWORK_ERROR = "network_error";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's stable error id, e.g. "invalid_credentials"; "network_error" when unreachable. */
    readonly code: string,
    message: string,
    /** What the server sent along (`details`), e.g. the list of items not Godkendt. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
}

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const method = request.method ?? "GET";
  const headers = new Headers({ Accept: "application/json" });
  if (request.body !== undefined) headers.set("Content-Type", "application/json");
  if (!SAFE_METHODS.has(method)) {
    const token = readCookie(CSRF_COOKIE);
    if (token !== null) headers.set(CSRF_HEADER, token);
  }
  // Offline, a request can only fail, and the browser would log it as an error: fail at once.
  if (!navigator.onLine) throw new ApiError(0, NETWORK_ERROR, "Serveren kan ikke nås.");
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: request.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, NETWORK_ERROR, "Serveren kan ikke nås.");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const { error, message, details } = (payload ?? {}) as {
      error?: unknown;
      message?: unknown;
      details?: unknown;
    };
    throw new ApiError(
      response.status,
      typeof error === "string" ? error : `http_${response.status}`,
      typeof message === "string" ? message : response.statusText,
      details,
    );
  }
  return payload as T;
}

/**
 * The server could not be reached (offline, or the connection failed): nothing to log, the
 * page says so where it matters.
 */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.code === NETWORK_ERROR;
}

/** The server answered 401: the session has ended (the page's own checks send the person on). */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
