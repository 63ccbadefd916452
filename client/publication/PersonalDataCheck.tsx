import { useState } from "react";
import { ApiError } from "../api/apiFetch";
import { replaceAttachment, setAttachmentPublic } from "../api/attachmentsApi";
import {
  acceptFinding,
  revokeFinding,
  type DocumentKind,
  type PersonalDataCheck as CheckResult,
} from "../api/publicationApi";
import { UnreadableAttachments, WithheldAttachments } from "./BilagLists";
import { FindingRow, type FindingActions } from "./FindingRow";

interface PersonalDataCheckProps {
  meetingId: string;
  kind: DocumentKind;
  check: CheckResult | null;
  loading: boolean;
  error: string | null;
  /** An acceptance made or withdrawn here: the check as it is now. */
  onCheckChange: (check: CheckResult) => void;
  onRecheck: () => void;
  announce: (text: string) => void;
  onUnauthenticated: () => void;
  /** The minutes are approved: texts and bilag change only after reopening. */
  recordFrozen: boolean;
}

/**
 * The check for personal data before publishing: each finding listed in place, to be fixed or
 * accepted; the bilag the check could not read, to be looked through; the bilag left out of the
 * public version. Every acceptance is stored and audited when it is made, so another secretary,
 * or this one tomorrow, sees it.
 */
export function PersonalDataCheck(props: PersonalDataCheckProps) {
  const { meetingId, kind, check, loading, error, onCheckChange, onRecheck, announce } = props;
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const findings = check?.findings ?? [];
  const unchecked = check?.unchecked ?? [];
  const open =
    findings.filter((f) => f.acceptance === null).length +
    unchecked.filter((u) => u.acceptance === null).length;
  const total = findings.length + unchecked.length;

  let summary: string;
  if (loading) summary = "Tjekker teksterne og bilagene …";
  else if (error !== null || check === null) summary = "";
  else if (total === 0) summary = "Ingen personoplysninger fundet.";
  else if (open === 0) summary = `Alle ${total} fund er godkendt.`;
  else summary = `${total} fund, ${open} mangler at blive rettet eller godkendt.`;

  async function run(action: () => Promise<void>, failure: string) {
    setBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return props.onUnauthenticated();
      console.error(failure, caught);
      setActionError(caught instanceof ApiError ? caught.message : failure);
      if (caught instanceof ApiError && caught.code === "finding_not_found") onRecheck();
    } finally {
      setBusy(false);
    }
  }

  /** Marks one finding or unreadable bilag accepted (or not) in the check shown. */
  function setAcceptance(key: string, acceptance: CheckResult["findings"][number]["acceptance"]) {
    if (!check) return;
    onCheckChange({
      ...check,
      findings: check.findings.map((f) => (f.key === key ? { ...f, acceptance } : f)),
      unchecked: check.unchecked.map((u) => (u.key === key ? { ...u, acceptance } : u)),
    });
  }

  const actions: FindingActions = {
    accept: (key) =>
      run(async () => {
        setAcceptance(key, await acceptFinding(meetingId, kind, key));
        announce("Fundet er godkendt.");
      }, "Godkendelsen kunne ikke gemmes. Prøv igen."),
    revoke: (key) =>
      run(async () => {
        await revokeFinding(meetingId, key);
        setAcceptance(key, null);
        announce("Godkendelsen er fortrudt.");
      }, "Godkendelsen kunne ikke fortrydes. Prøv igen."),
    replace: (attachmentId, file) =>
      run(async () => {
        await replaceAttachment(attachmentId, file);
        announce(`Bilaget er erstattet af ${file.name}. Tjekket køres igen.`);
        onRecheck();
      }, "Bilaget kunne ikke erstattes. Prøv igen."),
    withhold: (attachmentId) =>
      run(async () => {
        await setAttachmentPublic(attachmentId, false);
        announce("Bilaget offentliggøres ikke. Tjekket køres igen.");
        onRecheck();
      }, "Bilaget kunne ikke ændres. Prøv igen."),
  };

  return (
    <section className="pd-check" aria-labelledby="pd-check-heading" aria-busy={loading}>
      <div className="pd-check-head">
        <h2 id="pd-check-heading" tabIndex={-1}>
          Tjek for personoplysninger
        </h2>
        <button type="button" className="button" onClick={onRecheck} disabled={loading}>
          Tjek igen
        </button>
      </div>
      <p className="muted">
        Tjekket finder CPR-numre, e-mailadresser og telefonnumre i titler, Baggrund, Indstilling,
        Sagsfremstilling, Beslutning og bilag i den offentlige version. Ret fundet, eller godkend
        det, hvis det skal offentliggøres. En godkendelse gemmes og logges med det samme, og andre
        fra sekretariatet ser den.
      </p>
      <p className="pd-summary" role="status" data-open={open}>
        {summary}
      </p>
      {(error ?? actionError) !== null && (
        <p className="notice notice-error" role="alert">
          {error ?? actionError}
        </p>
      )}
      {findings.length > 0 && (
        <ul className="finding-list" aria-label="Fund">
          {findings.map((finding) => (
            <FindingRow
              key={finding.key}
              meetingId={meetingId}
              finding={finding}
              actions={actions}
              busy={busy}
              recordFrozen={props.recordFrozen}
            />
          ))}
        </ul>
      )}
      <UnreadableAttachments
        attachments={unchecked}
        busy={busy}
        onAcknowledge={(key, acknowledged) =>
          void (acknowledged ? actions.accept(key) : actions.revoke(key))
        }
        onWithhold={(attachmentId) => void actions.withhold(attachmentId)}
      />
      <WithheldAttachments
        attachments={check?.withheld ?? []}
        busy={busy}
        onPublish={(attachmentId) =>
          void run(async () => {
            await setAttachmentPublic(attachmentId, true);
            announce("Bilaget offentliggøres igen. Tjekket køres igen.");
            onRecheck();
          }, "Bilaget kunne ikke ændres. Prøv igen.")
        }
      />
    </section>
  );
}
