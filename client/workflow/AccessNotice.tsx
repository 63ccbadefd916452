import type { ItemStatus, MeetingPhase } from "../../shared/model/agenda";
import type { Access } from "../../shared/permissions";
import { isRecordFrozen } from "../../shared/permissions";
import { readOnlyReason } from "./statusMessages";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
// oxlint-disable-next-line import/no-unassigned-import -- the styles travel with the component
import "./workflow.css";

/**
 * Says why the text cannot be edited — above all that an approved item, or every item of a
 * meeting whose minutes are approved, is locked. Not a live region: the workflow bar announces
 * status and phase changes once.
 */
export function AccessNotice({
  access,
  status,
  meetingPhase = null,
}: {
  access: Access | null;
  status: ItemStatus | null;
  meetingPhase?: MeetingPhase | null;
}) {
  const reason = readOnlyReason(access, status, meetingPhase);
  if (reason === null) return null;
  const locked = status === "godkendt" || (meetingPhase !== null && isRecordFrozen(meetingPhase));
  return (
    <p className="notice access-notice" role="note" data-locked={locked}>
      {locked && (
        <svg className="access-lock" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
          <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      )}
      {reason}
    </p>
  );
}
