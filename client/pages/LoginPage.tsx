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

export function LoginPage({ onLoggedIn }: { onLoggedIn: (user: SessionUser) => void }) {
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
      if (caught instanceof ApiError && caught.status === 401) {
        setError("Forkert e-mail eller adgangskode");
      } else {
        console.error("login failed", caught);
        setError("Der kunne ikke logges ind lige nu. Prøv igen om lidt.");
      }
      setBusy(false);
    }
  }

  return (
    <main className="page page-narrow" id="main">
      <h1>Log ind</h1>
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
