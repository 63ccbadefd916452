import { useEffect, useState } from "react";
import { fetchMemberships } from "../api/usersApi";
import { roleMay } from "../../shared/permissions";
import { auditPath, mentionsPath, usersPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "./users.css";

/**
 * Header links to the person's own pages: mentions for all, user administration for the
 * secretariat, the audit log for the roles that may read it.
 */
export function AccountLinks() {
  const [secretariat, setSecretariat] = useState(false);
  const [auditor, setAuditor] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchMemberships(controller.signal).then(
      (memberships) => {
        setSecretariat(memberships.some((m) => m.role === "sekretariat"));
        setAuditor(memberships.some((m) => roleMay(m.role, "viewAudit")));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) console.warn("loading memberships failed", error);
      },
    );
    return () => controller.abort();
  }, []);

  return (
    <nav className="account-links" aria-label="Dine sider">
      <RouterLink href={mentionsPath}>Mine omtaler</RouterLink>
      {secretariat && <RouterLink href={usersPath}>Brugere</RouterLink>}
      {auditor && <RouterLink href={auditPath()}>Udvalgets revisionsspor</RouterLink>}
    </nav>
  );
}
