import type { Request, RequestHandler } from "express";
import type { OriginPolicy } from "../auth/OriginPolicy";
import type { Authenticated, Sessions } from "../auth/sessions";
import { CSRF_HEADER } from "../auth/sessions";
import { ApiError } from "./ApiError";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Attaches `req.auth` (or null) from the session cookie. */
export function loadSession(sessions: Sessions): RequestHandler {
  return (req, _res, next) => {
    sessions
      .fromRequest(req)
      .then((auth) => {
        (req as AuthedRequest).auth = auth;
        next();
      })
      .catch(next);
  };
}

export interface AuthedRequest extends Request {
  auth: Authenticated | null;
}

/** The signed-in person of a request; throws 401 when there is none. */
export function requireUser(req: Request): Authenticated {
  const auth = (req as AuthedRequest).auth;
  if (!auth) throw new ApiError(401, "unauthenticated", "Du er ikke logget ind");
  return auth;
}

/** State-changing requests of a session must echo its CSRF token (double-submit cookie). */
export function csrfProtection(): RequestHandler {
  return (req, _res, next) => {
    const auth = (req as AuthedRequest).auth;
    if (SAFE_METHODS.has(req.method) || !auth) {
      next();
      return;
    }
    if (req.get(CSRF_HEADER) !== auth.session.csrfToken) {
      next(new ApiError(403, "csrf_failed", "Manglende eller forkert CSRF-token"));
      return;
    }
    next();
  };
}

/**
 * State-changing requests from a page of another origin are refused, whatever they carry: the
 * CSRF token already stops a forged request that has the cookie, and this also stops login CSRF
 * and anything a sibling site could send. Programs that send no `Origin` are not affected.
 */
export function originProtection(origins: OriginPolicy): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || origins.allows(req)) {
      next();
      return;
    }
    next(
      new ApiError(
        403,
        "origin_refused",
        "Forespørgslen kommer fra en anden hjemmeside end Dagsorden og er afvist",
      ),
    );
  };
}
