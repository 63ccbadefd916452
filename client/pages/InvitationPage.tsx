import { useId, useState, type FormEvent } from "react";
import { ApiError } from "../api/apiFetch";
import type { SessionUser } from "../api/types";
import { acceptInvitation } from "../api/usersApi";
import { useDocumentTitle } from "../routing/useDocumentTitle";

const MIN_LENGTH = 10;

/** An invited person chooses a password and is signed in. Open without a session. */
export function InvitationPage({
  token,
  signedInAs,
  onAccepted,
}: {
  token: string;
  signedInAs: SessionUser | null;
  onAccepted: (user: SessionUser) => void;
}) {
  const id = useId();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle("Invitation");

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password.length < MIN_LENGTH) {
      setError(`Adgangskoden skal være mindst ${MIN_LENGTH} tegn.`);
      return;
    }
    if (password !== repeat) {
      setError("De to adgangskoder er ikke ens.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onAccepted(await acceptInvitation(token, password));
    } catch (caught) {
      // A refused invitation is said on the page; only the unexpected is logged.
      if (!(caught instanceof ApiError)) console.error("accepting the invitation failed", caught);
      setError(
        caught instanceof ApiError && caught.code === "invite_invalid"
          ? "Invitationen er ugyldig eller udløbet. Bed sekretariatet om en ny."
          : caught instanceof ApiError && caught.status === 400
            ? caught.message
            : "Invitationen kunne ikke modtages lige nu. Prøv igen om lidt.",
      );
      setBusy(false);
    }
  }

  return (
    <main className="page page-narrow" id="main">
      <h1>Velkommen til Dagsorden</h1>
      <p>Du er inviteret. Vælg en adgangskode for at komme i gang.</p>
      {signedInAs && (
        <p className="notice">
          Du er logget ind som {signedInAs.name}. Når du tager imod invitationen, bliver du logget
          ind som den inviterede person i stedet.
        </p>
      )}
      <form className="login-form" onSubmit={submit} noValidate>
        <div className="form-field">
          <label htmlFor={`${id}-password`}>Ny adgangskode</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            aria-describedby={`${id}-hint`}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <span id={`${id}-hint`} className="muted">
            Mindst {MIN_LENGTH} tegn.
          </span>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-repeat`}>Gentag adgangskoden</label>
          <input
            id={`${id}-repeat`}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
          />
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Et øjeblik …" : "Tag imod invitationen"}
        </button>
      </form>
    </main>
  );
}
