import { useId, useRef } from "react";
import { attachmentUrl } from "../api/attachmentsApi";
import type { PersonalDataFinding } from "../api/publicationApi";
import { meetingPath, minutesPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { acceptanceText } from "./acceptanceText";
import { FindingContext } from "./FindingContext";
import { FINDING_KIND_LABELS, findingPlace } from "./findingLabels";

/** What can be done about one finding; each resolves when the server has answered. */
export interface FindingActions {
  accept: (key: string) => Promise<void>;
  revoke: (key: string) => Promise<void>;
  /** A bilag finding: the bilag's file is replaced by `file`, same place and id. */
  replace: (attachmentId: string, file: File) => Promise<void>;
  /** A bilag finding: the public version leaves the bilag out. */
  withhold: (attachmentId: string) => Promise<void>;
}

interface FindingRowProps {
  meetingId: string;
  finding: PersonalDataFinding;
  actions: FindingActions;
  busy: boolean;
  /** The minutes are approved: the record (text, Beslutning, bilag) changes only after reopening. */
  recordFrozen: boolean;
}

/**
 * One finding in place: the item, the field or bilag, the text around it with the match marked,
 * and what can be done there. In a text: fix it in the text, or accept it. In a bilag: replace
 * the bilag with a corrected file, accept the finding, or leave the bilag out of the public
 * version. An acceptance says who made it and when (stored on the server, seen by everyone).
 */
export function FindingRow({ meetingId, finding, actions, busy, recordFrozen }: FindingRowProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const kind = FINDING_KIND_LABELS[finding.kind];
  const where = `punkt ${finding.itemNumber}, ${findingPlace(finding).toLowerCase()}`;
  const accepted = finding.acceptance !== null;
  const inBilag = finding.field === "bilag" && finding.attachmentId !== undefined;
  const fixHref =
    finding.field === "beslutning"
      ? minutesPath(meetingId, finding.itemId)
      : meetingPath(meetingId, finding.itemId);
  return (
    <li className="finding" data-accepted={accepted} data-finding-key={finding.key}>
      <div className="finding-where">
        <span className="finding-kind">{kind}</span>
        <span>
          Punkt {finding.itemNumber}
          {finding.itemTitle ? ` ${finding.itemTitle}` : ""}
        </span>
        <span className="finding-field">{findingPlace(finding)}</span>
      </div>
      <p className="finding-text">
        <FindingContext context={finding.context} match={finding.match} />
      </p>
      {recordFrozen && (
        <p className="finding-note">
          Referatet er godkendt og låst: det skal genåbnes, før{" "}
          {inBilag ? "bilaget kan erstattes" : "teksten kan rettes"}.
        </p>
      )}
      <div className="finding-actions">
        {inBilag ? (
          <>
            <a
              className="button button-compact"
              href={attachmentUrl(finding.attachmentId!)}
              aria-label={`Åbn bilaget: ${finding.attachmentName ?? ""}`}
            >
              Åbn bilaget
            </a>
            {!recordFrozen && (
              <>
                <button
                  type="button"
                  className="button button-compact"
                  disabled={busy}
                  aria-label={`Erstat bilaget med en rettet fil: ${where}`}
                  onClick={() => fileInput.current?.click()}
                >
                  Erstat bilaget
                </button>
                <input
                  ref={fileInput}
                  id={fileId}
                  type="file"
                  className="visually-hidden"
                  tabIndex={-1}
                  aria-label={`Rettet fil til ${finding.attachmentName ?? "bilaget"}`}
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = "";
                    if (file) void actions.replace(finding.attachmentId!, file);
                  }}
                />
              </>
            )}
            <button
              type="button"
              className="button button-compact"
              disabled={busy}
              aria-label={`Offentliggør ikke bilaget: ${finding.attachmentName ?? ""}`}
              onClick={() => void actions.withhold(finding.attachmentId!)}
            >
              Offentliggør ikke bilaget
            </button>
          </>
        ) : (
          !recordFrozen && (
            <RouterLink
              className="button button-compact"
              href={fixHref}
              aria-label={`Ret i teksten: ${where}`}
            >
              Ret i teksten
            </RouterLink>
          )
        )}
        {/* One button whose action flips, so focus stays on it. */}
        <button
          type="button"
          className={`button button-compact${accepted ? " button-quiet" : ""}`}
          disabled={busy}
          aria-label={`${accepted ? "Fortryd godkendelse" : "Godkend fundet"}: ${kind.toLowerCase()} i ${where}`}
          onClick={() => void (accepted ? actions.revoke : actions.accept)(finding.key)}
        >
          {accepted ? "Fortryd godkendelse" : "Godkend fundet"}
        </button>
        {finding.acceptance && (
          <span className="finding-accepted">
            <span aria-hidden="true">✓ </span>
            {acceptanceText(finding.acceptance)}
          </span>
        )}
      </div>
    </li>
  );
}
