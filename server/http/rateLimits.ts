/**
 * Per-session rate limits on the expensive endpoints: exports (PDF, Word, HTML, delreferat),
 * import preview and import, and the personal-data check. Each renders or parses a whole meeting
 * or file; a person (or a script holding their cookie) asking for them in a loop would starve
 * everyone else. Over the limit: 429 `rate_limited` with `Retry-After` and a Danish message.
 *
 * Counting is express-rate-limit's; where the counts live is its `Store` interface, in memory by
 * default (one server instance). Several instances pass a shared store (e.g. rate-limit-redis)
 * through `RateLimitOptions.store`.
 */
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import type { Store as RateLimitStore } from "express-rate-limit";
import { ApiError } from "./ApiError";
import type { AuthedRequest } from "./requireAuth";
import { retryAfterText } from "./retryAfterText";

export interface RateLimitRule {
  /** Requests allowed per window and session. */
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  exports: RateLimitRule;
  imports: RateLimitRule;
  personalData: RateLimitRule;
  /** Public search (`/offentlig/soeg`), per address: anonymous, so no session to count by. */
  search?: RateLimitRule;
  /** A store per limiter (named by `prefix`); default in memory. */
  store?: (prefix: string) => RateLimitStore;
}

export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  exports: { limit: 30, windowMs: 60_000 },
  imports: { limit: 10, windowMs: 60_000 },
  personalData: { limit: 20, windowMs: 60_000 },
  search: { limit: 60, windowMs: 60_000 },
};

export interface RateLimiters {
  exports: RequestHandler;
  imports: RequestHandler;
  personalData: RequestHandler;
  search: RequestHandler;
}

export function createRateLimiters(options: RateLimitOptions = DEFAULT_RATE_LIMITS): RateLimiters {
  const limiter = (name: string, rule: RateLimitRule) =>
    rateLimit({
      windowMs: rule.windowMs,
      limit: rule.limit,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      store: options.store?.(`ratelimit:${name}:`),
      keyGenerator: sessionKey,
      // Retry-After is set by the library before this runs.
      handler: (req, _res, next) => {
        const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        const wait = reset ? reset.getTime() - Date.now() : rule.windowMs;
        next(
          new ApiError(
            429,
            "rate_limited",
            `Du har bedt om dette for mange gange på kort tid. Prøv igen ${retryAfterText(wait)}.`,
            { retryAfterSeconds: Math.ceil(Math.max(wait, 0) / 1000) },
          ),
        );
      },
    });
  return {
    exports: limiter("exports", options.exports),
    imports: limiter("imports", options.imports),
    personalData: limiter("personal-data", options.personalData),
    search: limiter("search", options.search ?? DEFAULT_RATE_LIMITS.search!),
  };
}

/** The session, so two people behind one proxy address do not share a limit; else the address. */
function sessionKey(req: Request): string {
  const auth = (req as AuthedRequest).auth;
  if (auth) return `session:${auth.session.id}`;
  return `address:${ipKeyGenerator(req.ip ?? "unknown")}`;
}
