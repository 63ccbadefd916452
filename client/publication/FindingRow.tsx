import type { PersonalDataFinding } from "../api/publicationApi";
import { meetingPath, minutesPath } from "../routing/router";
import { RouterLink } from "../routing/RouterLink";
import { FindingContext } from "./FindingContext";
import { FINDING_KIND_LABELS, findingPlace } from "./findingLabels";

interface FindingRowProps {
  meetingId: string;
  finding: PersonalDataFinding;
  accepted: boolean;
  onAcceptedChange: (accepted: boolean) => void;
  /** The minutes are approved: a Beslutning can be fixed only after reopening them. */
  minutesLocked: boolean;
}

/**
 * One finding in place: the item, the field, the text around it with the match marked; fix it
 * in the text (the item, or its Beslutning in minutes mode) or accept it as it is.
 */
export function FindingRow(props: FindingRowProps) {
  const { meetingId, finding, accepted, onAcceptedChange, minutesLocked } = props;
  const kind = FINDING_KIND_LABELS[finding.kind];
  const where = `punkt ${finding.itemNumber}, ${findingPlace(finding).toLowerCase()}`;
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
      {finding.field === "beslutning" && minutesLocked && (
        <p className="finding-note">
          Referatet er godkendt og låst: det skal genåbnes, før beslutningen kan rettes.
        </p>
      )}
      <div className="finding-actions">
        <RouterLink
          className="button button-compact"
          href={fixHref}
          aria-label={`Ret i teksten: ${where}`}
        >
          Ret i teksten
        </RouterLink>
        {/* One button whose action flips, so focus stays on it. */}
        <button
          type="button"
          className={`button button-compact${accepted ? " button-quiet" : ""}`}
          aria-label={`${accepted ? "Fortryd godkendelse" : "Godkend fundet"}: ${kind.toLowerCase()} i ${where}`}
          onClick={() => onAcceptedChange(!accepted)}
        >
          {accepted ? "Fortryd godkendelse" : "Godkend fundet"}
        </button>
        {accepted && (
          <span className="finding-accepted">
            <span aria-hidden="true">✓ </span>Godkendt af dig
          </span>
        )}
      </div>
    </li>
  );
}
