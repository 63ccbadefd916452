import { useId, useState } from "react";
import { ROLE_LABELS, ROLES, type Role } from "../../shared/roles";
import { ApiError } from "../api/apiFetch";
import { setMemberRole, setUserActive, type Member } from "../api/usersApi";
import { ConfirmDialog } from "../workflow/ConfirmDialog";

interface MembersTableProps {
  committeeId: string;
  committeeName: string;
  members: readonly Member[];
  selfId: string;
  onChanged: () => void;
  announce: (text: string) => void;
}

type Asking = { kind: "deactivate" | "remove"; member: Member } | null;

/** The committee's people: change a role, remove from the committee, (de)activate an account. */
export function MembersTable(props: MembersTableProps) {
  const { committeeId, committeeName, members, selfId, onChanged, announce } = props;
  const id = useId();
  const [asking, setAsking] = useState<Asking>(null);
  const [error, setError] = useState<string | null>(null);

  async function attempt(action: () => Promise<void>, done: string) {
    setError(null);
    try {
      await action();
      announce(done);
      onChanged();
    } catch (caught) {
      console.error("user administration failed", caught);
      setError(caught instanceof ApiError ? caught.message : "Ændringen kunne ikke gemmes.");
    }
  }

  const sorted = [...members].sort((a, b) => a.user.name.localeCompare(b.user.name, "da"));
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <table className="members-table">
        <caption className="visually-hidden">Personer i {committeeName}</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">E-mail</th>
            <th scope="col">Initialer</th>
            <th scope="col">Rolle</th>
            <th scope="col">Konto</th>
            <th scope="col">
              <span className="visually-hidden">Handlinger</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((member) => {
            const { user } = member;
            const self = user.id === selfId;
            return (
              <tr key={user.id} data-user-id={user.id} data-active={user.active}>
                <th scope="row">
                  <span
                    className="member-dot"
                    style={{ backgroundColor: user.color }}
                    aria-hidden="true"
                  />
                  {user.name}
                  {self && <span className="muted"> (dig)</span>}
                </th>
                <td>{user.email}</td>
                <td>{user.initials}</td>
                <td>
                  <label htmlFor={`${id}-${user.id}-role`} className="visually-hidden">
                    Rolle for {user.name}
                  </label>
                  <select
                    id={`${id}-${user.id}-role`}
                    value={member.role}
                    disabled={self}
                    onChange={(event) => {
                      const role = event.target.value as Role;
                      void attempt(
                        () => setMemberRole(committeeId, user.id, role),
                        `${user.name} er nu ${ROLE_LABELS[role].toLowerCase()}.`,
                      );
                    }}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <span className="account-state" data-active={user.active}>
                    {user.active ? "Aktiv" : "Deaktiveret"}
                  </span>
                </td>
                <td className="member-actions">
                  {!self && user.active && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => setAsking({ kind: "deactivate", member })}
                    >
                      Deaktivér<span className="visually-hidden"> {user.name}</span>
                    </button>
                  )}
                  {!self && !user.active && (
                    <button
                      type="button"
                      className="button"
                      onClick={() =>
                        void attempt(
                          () => setUserActive(user.id, true),
                          `${user.name} er aktiveret igen.`,
                        )
                      }
                    >
                      Aktivér<span className="visually-hidden"> {user.name}</span>
                    </button>
                  )}
                  {!self && (
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => setAsking({ kind: "remove", member })}
                    >
                      Fjern<span className="visually-hidden"> {user.name} fra udvalget</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {asking?.kind === "deactivate" && (
        <ConfirmDialog
          title={`Deaktivér ${asking.member.user.name}?`}
          confirmLabel="Deaktivér"
          onConfirm={async () => {
            await setUserActive(asking.member.user.id, false);
            announce(`${asking.member.user.name} er deaktiveret.`);
            onChanged();
          }}
          onClose={() => setAsking(null)}
        >
          <p>
            Personen mister adgangen med det samme – også til punkter, der står åbne – og kan ikke
            logge ind, før kontoen aktiveres igen. Kontoen gælder alle udvalg.
          </p>
        </ConfirmDialog>
      )}
      {asking?.kind === "remove" && (
        <ConfirmDialog
          title={`Fjern ${asking.member.user.name} fra ${committeeName}?`}
          confirmLabel="Fjern fra udvalget"
          onConfirm={async () => {
            await setMemberRole(committeeId, asking.member.user.id, null);
            announce(`${asking.member.user.name} er fjernet fra ${committeeName}.`);
            onChanged();
          }}
          onClose={() => setAsking(null)}
        >
          <p>Personen mister adgangen til udvalgets møder og punkter med det samme.</p>
        </ConfirmDialog>
      )}
    </>
  );
}
