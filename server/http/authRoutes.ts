import { createHash } from "node:crypto";
import { Router } from "express";
import { z } from "zod";
import { parseDocName } from "../../shared/docName";
import type { LoginThrottle } from "../auth/LoginThrottle";
import { hashPassword, verifyPassword } from "../auth/passwords";
import { clearSessionCookies, setSessionCookies } from "../auth/sessionCookies";
import type { Sessions } from "../auth/sessions";
import type { SyncTokens } from "../auth/syncTokens";
import type { MeetingService } from "../meetings/MeetingService";
import type { Store, User } from "../store";
import { ApiError } from "./ApiError";
import { requireUser } from "./requireAuth";
import { retryAfterText } from "./retryAfterText";

const EMAIL_MISSING = "Skriv din e-mailadresse.";
const PASSWORD_MISSING = "Skriv din adgangskode.";

const LoginRequest = z.object({
  email: z
    .string({ error: EMAIL_MISSING })
    .trim()
    .min(1, { error: EMAIL_MISSING })
    .max(320, { error: "E-mailadressen er for lang." }),
  password: z
    .string({ error: PASSWORD_MISSING })
    .min(1, { error: PASSWORD_MISSING })
    .max(1024, { error: "Adgangskoden er for lang." }),
});

const NewPassword = z
  .string()
  .min(10, { message: "Adgangskoden skal være mindst 10 tegn" })
  .max(1024, { message: "Adgangskoden er for lang" });

const AcceptInviteRequest = z.object({
  token: z.string().min(10).max(200),
  password: NewPassword,
});

const ChangePasswordRequest = z.object({
  currentPassword: z.string().max(1024),
  newPassword: NewPassword,
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

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface AuthDeps {
  store: Store;
  sessions: Sessions;
  tokens: SyncTokens;
  throttle: LoginThrottle;
  meetings: MeetingService;
  secureCookies: boolean;
}

export function authRoutes(deps: AuthDeps): Router {
  const router = Router();
  const { store, meetings } = deps;

  router.post("/auth/login", async (req, res) => {
    const request = LoginRequest.safeParse(req.body);
    // The login form shows this message as it is: one sentence per missing field.
    if (!request.success)
      throw new ApiError(
        400,
        "invalid_request",
        [...new Set(request.error.issues.map((issue) => issue.message))].join(" "),
        request.error.issues,
      );
    const { email, password } = request.data;
    const address = req.ip ?? "unknown";
    const wait = await deps.throttle.retryAfterMs(email, address);
    if (wait > 0) {
      const account = await store.users.getUserByEmail(email);
      await meetings.audit(account?.id ?? null, "auth.login_throttled", null, null, {
        email,
        address,
      });
      const seconds = Math.ceil(wait / 1000);
      res.set("Retry-After", String(seconds));
      throw new ApiError(
        429,
        "too_many_attempts",
        `For mange forsøg på at logge ind. Prøv igen ${retryAfterText(wait)}.`,
        { retryAfterSeconds: seconds },
      );
    }
    const user = await store.users.getUserByEmail(email);
    const ok =
      user !== null &&
      user.active &&
      user.passwordHash !== null &&
      (await verifyPassword(user.passwordHash, password));
    if (!ok || !user) {
      await deps.throttle.recordFailure(email, address);
      await meetings.audit(user?.id ?? null, "auth.login_failed", null, null, {
        email,
        address,
        method: "password",
      });
      // This failure reached the limit: the account (or address) is locked out from now on.
      const lockedFor = await deps.throttle.retryAfterMs(email, address);
      if (lockedFor > 0) {
        await meetings.audit(user?.id ?? null, "auth.lockout", null, null, {
          email,
          address,
          minutes: Math.ceil(lockedFor / 60_000),
        });
      }
      throw new ApiError(401, "invalid_credentials", "Forkert e-mail eller adgangskode");
    }
    await deps.throttle.recordSuccess(email);
    const session = await deps.sessions.create(user.id);
    setSessionCookies(res, session, deps.secureCookies);
    await meetings.audit(user.id, "auth.login", null, null, { method: "password", address });
    res.json({
      user: publicUser(user),
      csrfToken: session.csrfToken,
      memberships: await store.users.memberships(user.id),
    });
  });

  router.post("/auth/logout", async (req, res) => {
    const auth = requireUser(req);
    await deps.sessions.destroy(auth.session.id);
    clearSessionCookies(res);
    await meetings.audit(auth.user.id, "auth.logout", null, null, {});
    res.json({ ok: true });
  });

  router.post("/auth/accept-invite", async (req, res) => {
    const { token, password } = AcceptInviteRequest.parse(req.body);
    const userId = await store.users.takeInvite(hashInviteToken(token), Date.now());
    const user = userId ? await store.users.getUser(userId) : null;
    if (!user || !user.active)
      throw new ApiError(400, "invite_invalid", "Invitationen er ugyldig eller udløbet");
    await store.users.updateUser(user.id, { passwordHash: await hashPassword(password) });
    // A new password ends every earlier session of the person.
    await deps.sessions.destroyAllOf(user.id, null);
    const session = await deps.sessions.create(user.id);
    setSessionCookies(res, session, deps.secureCookies);
    await meetings.audit(user.id, "auth.invite_accepted", null, null, {});
    res.json({ user: publicUser(user), csrfToken: session.csrfToken });
  });

  router.post("/auth/password", async (req, res) => {
    const auth = requireUser(req);
    const { currentPassword, newPassword } = ChangePasswordRequest.parse(req.body);
    const address = req.ip ?? "unknown";
    const wait = await deps.throttle.retryAfterMs(auth.user.email, address);
    if (wait > 0) {
      res.set("Retry-After", String(Math.ceil(wait / 1000)));
      throw new ApiError(
        429,
        "too_many_attempts",
        `For mange forsøg. Prøv igen ${retryAfterText(wait)}.`,
      );
    }
    const hash = auth.user.passwordHash;
    if (hash === null || !(await verifyPassword(hash, currentPassword))) {
      await deps.throttle.recordFailure(auth.user.email, address);
      throw new ApiError(403, "wrong_password", "Den nuværende adgangskode er forkert");
    }
    await store.users.updateUser(auth.user.id, { passwordHash: await hashPassword(newPassword) });
    // Whoever knew the old password is signed out everywhere else; this session goes on.
    await deps.sessions.destroyAllOf(auth.user.id, auth.session.id);
    await meetings.audit(auth.user.id, "auth.password_change", null, null, {});
    res.json({ ok: true });
  });

  router.get("/me", async (req, res) => {
    const auth = requireUser(req);
    res.json({
      user: publicUser(auth.user),
      csrfToken: auth.session.csrfToken,
      memberships: await store.users.memberships(auth.user.id),
    });
  });

  router.post("/sync-token", (req, res) => {
    const auth = requireUser(req);
    const { doc } = SyncTokenRequest.parse(req.body);
    if (!parseDocName(doc))
      throw new ApiError(400, "invalid_doc_name", `Ugyldigt dokumentnavn: ${doc}`);
    res.json({ token: deps.tokens.issue(auth.user.id, auth.session.id, doc) });
  });

  return router;
}
