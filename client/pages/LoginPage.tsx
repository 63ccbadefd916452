import { useId, useState, type FormEvent } from "react";
import { ApiError } from "../api/apiFetch";
import { login } from "../api/sessionApi";
import type { SessionUser } from "../api/types";
import { parseRoute } from "../routing/router";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { OidcLogin, oidcErrorMessage } from "../users/OidcLogin";

const DEMO_ACCOUNTS = [
  { email: "sekretariat@demo.dk", role: "Sekretariat" },
  { email: "formand@demo.dk", role: "Formand" },
  { email: "direktoer@demo.dk", role: "Direktør" },
  { email: "sagsbehandler@demo.dk", role: "Sagsbehandler" },
  { email: "laeser@demo.dk", role: "Læser" },
];

/**
 * The login form. What the server answers is shown as it says it — a lockout with the time to
 * wait (429), a missing field (400), wrong credentials (401) — and "unreachable" only when the
 * request itself failed.
 */
export function LoginPage({
  onLoggedIn,
  notice = null,
}: {
  onLoggedIn: (user: SessionUser) => void;
  /** Why the person is here, e.g. their session ended while a page was open. */
  notice?: string | null;
}) {
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // A refused login through the identity provider comes back as /login?fejl=<code>.
  const [error, setError] = useState<string | null>(() => oidcErrorMessage(location.search));
  const [busy, setBusy] = useState(false);
  useDocumentTitle("Log ind");
  const route = parseRoute(location.pathname, location.search);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await login(email.trim(), password));
    } catch (caught) {
      setError(loginErrorText(caught));
      setBusy(false);
    }
  }

  return (
    <main className="page page-narrow" id="main">
      <h1>Log ind</h1>
      {notice && (
        <div className="notice" role="status">
          <p>{notice}</p>
        </div>
      )}
      <OidcLogin next={route.name === "login" ? route.next : null} />
      <form className="login-form" onSubmit={submit} noValidate>
        <div className="form-field">
          <label htmlFor={emailId}>E-mail</label>
          <input
            id={emailId}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={passwordId}>Adgangskode</label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Logger ind …" : "Log ind"}
        </button>
      </form>
      <section className="demo-accounts" aria-labelledby="demo-heading">
        <h2 id="demo-heading">Demokonti</h2>
        <p>
          Når serveren kører med demodata, kan du logge ind med en af disse konti og adgangskoden{" "}
          <code>demo</code>:
        </p>
        <ul>
          {DEMO_ACCOUNTS.map((account) => (
            <li key={account.email}>
              <code>{account.email}</code> – {account.role}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

function loginErrorText(caught: unknown): string {
  if (!(caught instanceof ApiError)) {
    console.error("login failed", caught);
    return "Der kunne ikke logges ind lige nu. Prøv igen om lidt.";
  }
  if (caught.code === "network_error")
    return "Serveren kan ikke nås. Tjek din forbindelse, og prøv igen.";
  if (caught.status >= 500) {
    console.error("login failed", caught);
    return "Der opstod en fejl på serveren. Prøv igen om lidt.";
  }
  // 400, 401, 403, 429: the server's own words (a lockout says how long to wait).
  return caught.message;
}
