import type { PersonalDataCheck as CheckResult } from "../api/publicationApi";
import { FindingRow } from "./FindingRow";

interface PersonalDataCheckProps {
  meetingId: string;
  check: CheckResult | null;
  loading: boolean;
  error: string | null;
  accepted: ReadonlySet<string>;
  onAcceptedChange: (key: string, accepted: boolean) => void;
  onRecheck: () => void;
  minutesLocked: boolean;
}

/**
 * The check for personal data before publishing: each finding listed in place, to be fixed in
 * the text or accepted; the bilag the check could not read, for a person to look through.
 */
export function PersonalDataCheck(props: PersonalDataCheckProps) {
  const { meetingId, check, loading, error, accepted, onAcceptedChange, onRecheck } = props;
  const { minutesLocked } = props;
  const findings = check?.findings ?? [];
  const open = findings.filter((finding) => !accepted.has(finding.key)).length;

  let summary: string;
  if (loading) summary = "Tjekker teksterne og bilagene …";
  else if (error !== null || check === null) summary = "";
  else if (findings.length === 0) summary = "Ingen personoplysninger fundet.";
  else if (open === 0) summary = `Alle ${findings.length} fund er godkendt.`;
  else summary = `${findings.length} fund, ${open} mangler at blive rettet eller godkendt.`;

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
        Sagsfremstilling, Beslutning og bilag i den offentlige version. Ret fundet i teksten, eller
        godkend det, hvis det skal offentliggøres. Godkendelser logges, når du offentliggør.
      </p>
      <p className="pd-summary" role="status" data-open={open}>
        {summary}
      </p>
      {error !== null && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {findings.length > 0 && (
        <ul className="finding-list" aria-label="Fund">
          {findings.map((finding) => (
            <FindingRow
              key={finding.key}
              meetingId={meetingId}
              finding={finding}
              accepted={accepted.has(finding.key)}
              onAcceptedChange={(value) => onAcceptedChange(finding.key, value)}
              minutesLocked={minutesLocked}
            />
          ))}
        </ul>
      )}
      {check !== null && check.unchecked.length > 0 && (
        <div className="notice pd-unchecked">
          <p>
            Disse bilag kunne ikke læses automatisk (fx billeder eller scannede PDF’er). Se dem selv
            igennem før offentliggørelse:
          </p>
          <ul>
            {check.unchecked.map((attachment) => (
              <li key={attachment.attachmentId}>
                Punkt {attachment.itemNumber}: {attachment.filename}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
