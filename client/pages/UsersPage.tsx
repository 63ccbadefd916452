import { useCallback, useEffect, useId, useState } from "react";
import { ApiError } from "../api/apiFetch";
import { fetchCommittees, fetchMembers, fetchMemberships, type Member } from "../api/usersApi";
import type { SessionUser } from "../api/types";
import { useDocumentTitle } from "../routing/useDocumentTitle";
import { InviteForm } from "../users/InviteForm";
import { MembersTable } from "../users/MembersTable";
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the page
import "../users/users.css";

interface Committee {
  id: string;
  name: string;
}

type Load =
  { status: "loading" } | { status: "loaded"; committees: Committee[] } | { status: "failed" };

/** User administration for the secretariat of one or more committees. */
export function UsersPage({
  user,
  onUnauthenticated,
}: {
  user: SessionUser;
  onUnauthenticated: () => void;
}) {
  const pickerId = useId();
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useDocumentTitle("Brugere");

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([fetchMemberships(controller.signal), fetchCommittees(controller.signal)]).then(
      ([memberships, committees]) => {
        const mine = new Set(
          memberships.filter((m) => m.role === "sekretariat").map((m) => m.committeeId),
        );
        setLoad({ status: "loaded", committees: committees.filter((c) => mine.has(c.id)) });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return onUnauthenticated();
        console.error("loading committees failed", error);
        setLoad({ status: "failed" });
      },
    );
    return () => controller.abort();
  }, [onUnauthenticated]);

  const committees = load.status === "loaded" ? load.committees : [];
  const selected = committees.find((c) => c.id === committeeId) ?? committees[0] ?? null;

  const reload = useCallback(() => {
    if (!selected) return;
    fetchMembers(selected.id).then(setMembers, (error: unknown) => {
      console.error("loading members failed", error);
      setMembers(null);
    });
  }, [selected]);

  useEffect(() => reload(), [reload]);

  return (
    <main className="page users-page" id="main">
      <h1>Brugere</h1>
      {load.status === "loading" && <p className="muted">Henter …</p>}
      {load.status === "failed" && (
        <p className="notice notice-error" role="alert">
          Oplysningerne kunne ikke hentes. Prøv at genindlæse siden.
        </p>
      )}
      {load.status === "loaded" && selected === null && (
        <p className="notice">Kun sekretariatet kan administrere brugere.</p>
      )}
      {selected && (
        <>
          {committees.length > 1 ? (
            <div className="committee-picker">
              <label htmlFor={pickerId}>Udvalg</label>
              <select
                id={pickerId}
                value={selected.id}
                onChange={(event) => {
                  setCommitteeId(event.target.value);
                  setMembers(null);
                }}
              >
                {committees.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="muted">Personer i {selected.name} og deres roller.</p>
          )}
          <p className="users-status" aria-live="polite">
            {announcement}
          </p>
          {members === null ? (
            <p className="muted">Henter personer …</p>
          ) : (
            <MembersTable
              committeeId={selected.id}
              committeeName={selected.name}
              members={members}
              selfId={user.id}
              onChanged={reload}
              announce={setAnnouncement}
            />
          )}
          <InviteForm committeeId={selected.id} committeeName={selected.name} onInvited={reload} />
        </>
      )}
    </main>
  );
}
