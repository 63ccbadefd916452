import type { ItemStatus } from "../../shared/model/agenda";
import type { Access } from "../../shared/permissions";
import { readOnlyReason } from "./statusMessages";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "./workflow.css";

/**
 * Says why the text cannot be edited — above all that an approved item is locked. Not a live
 * region: the workflow bar announces status changes once.
 */
export function AccessNotice({
  access,
  status,
}: {
  access: Access | null;
  status: ItemStatus | null;
}) {
  const reason = readOnlyReason(access, status);
  if (reason === null) return null;
  return (
    <p className="notice access-notice" role="note" data-locked={status === "godkendt"}>
      {status === "godkendt" && (
        <svg className="access-lock" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
          <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      )}
      {reason}
    </p>
  );
}
