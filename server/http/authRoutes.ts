import { Router } from "express";
import { z } from "zod";
import { parseDocName } from "../../shared/docName";
import type { Sessions } from "../auth/sessions";
import { clearSessionCookies, setSessionCookies } from "../auth/sessionCookies";
import { verifyPassword } from "../auth/passwords";
import type { SyncTokens } from "../auth/syncTokens";
import type { Store, User } from "../store";
import { ApiError } from "./ApiError";
import { requireUser } from "./requireAuth";

const LoginRequest = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

const SyncTokenRequest = z.object({ doc: z.string().min(1).max(200) });

export function publicUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    initials: user.initials,
    color: user.color,
  };
}

export function authRoutes(deps: {
  store: Store;
  sessions: Sessions;
  tokens: SyncTokens;
  secureCookies: boolean;
}): Router {
  const router = Router();

  router.post("/auth/login", async (req, res) => {
    const { email, password } = LoginRequest.parse(req.body);
    const user = await deps.store.users.getUserByEmail(email);
    const ok =
      user !== null &&
      user.active &&
      user.passwordHash !== null &&
      (await verifyPassword(user.passwordHash, password));
    if (!ok || !user)
      throw new ApiError(401, "invalid_credentials", "Forkert e-mail eller adgangskode");
    const session = await deps.sessions.create(user.id);
    setSessionCookies(res, session, deps.secureCookies);
    res.json({ user: publicUser(user), csrfToken: session.csrfToken });
  });

  router.post("/auth/logout", async (req, res) => {
    const auth = requireUser(req);
    await deps.sessions.destroy(auth.session.id);
    clearSessionCookies(res);
    res.json({ ok: true });
  });

  router.get("/me", (req, res) => {
    const auth = requireUser(req);
    res.json({ user: publicUser(auth.user), csrfToken: auth.session.csrfToken });
  });

  router.post("/sync-token", (req, res) => {
    const auth = requireUser(req);
    const { doc } = SyncTokenRequest.parse(req.body);
    if (!parseDocName(doc))
      throw new ApiError(400, "invalid_doc_name", `Ugyldigt dokumentnavn: ${doc}`);
    res.json({ token: deps.tokens.issue(auth.user.id, doc) });
  });

  return router;
}
