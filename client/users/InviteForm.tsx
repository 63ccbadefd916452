import { useId, useState, type FormEvent } from "react";
import { OfficerInitials } from "../../shared/model/caseNumber";
import { ROLE_LABELS, ROLES, type Role } from "../../shared/roles";
import { ApiError } from "../api/apiFetch";
import { inviteMember, type InviteResult } from "../api/usersApi";
import { InviteLink } from "./InviteLink";

interface InviteFormProps {
  committeeId: string;
  committeeName: string;
  onInvited: () => void;
}

/**
 * Invites a person to the committee with a role. A new person gets an invitation link (valid
 * seven days) to send them; someone who already has an account is simply added.
 */
export function InviteForm({ committeeId, committeeName, onInvited }: InviteFormProps) {
  const id = useId();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [initials, setInitials] = useState("");
  const [role, setRole] = useState<Role>("sagsbehandler");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InviteResult | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === "" || email.trim() === "") {
      setError("Skriv personens navn og e-mailadresse.");
      return;
    }
    if (!OfficerInitials.safeParse(initials).success) {
      setError("Initialer er 2–5 bogstaver, fx «mlal».");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const invited = await inviteMember(committeeId, {
        name: name.trim(),
        email: email.trim(),
        initials: initials.trim(),
        role,
      });
      setResult(invited);
      setName("");
      setEmail("");
      setInitials("");
      onInvited();
    } catch (caught) {
      console.error("inviting failed", caught);
      setError(caught instanceof ApiError ? caught.message : "Personen kunne ikke inviteres.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="invite" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Invitér en person</h2>
      <form className="invite-form" onSubmit={submit} noValidate>
        <div className="form-field">
          <label htmlFor={`${id}-name`}>Navn</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-email`}>E-mail</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </div>
        <div className="form-field invite-initials">
          <label htmlFor={`${id}-initials`}>Initialer</label>
          <input
            id={`${id}-initials`}
            type="text"
            autoComplete="off"
            maxLength={5}
            aria-describedby={`${id}-initials-hint`}
            value={initials}
            onChange={(event) => setInitials(event.target.value)}
          />
          <span id={`${id}-initials-hint`} className="field-hint">
            Som på sagerne, fx mlal
          </span>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-role`}>Rolle</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="invite-submit">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? "Inviterer …" : "Invitér"}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div aria-live="polite">
        {result && (
          <div className="notice invite-result">
            {result.invitePath ? (
              <>
                <p>
                  {result.user.name} er inviteret til {committeeName} som{" "}
                  {ROLE_LABELS[result.role].toLowerCase()}. Send linket herunder til personen; det
                  gælder i 7 dage og kan kun bruges én gang.
                </p>
                <InviteLink path={result.invitePath} />
              </>
            ) : (
              <p>
                {result.user.name} havde allerede en konto og er nu med i {committeeName} som{" "}
                {ROLE_LABELS[result.role].toLowerCase()}.
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
