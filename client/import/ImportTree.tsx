import { useId } from "react";
import type { ParsedImport, ParsedImportItem } from "../api/meetingTypes";

const FIELD_LABELS = [
  ["baggrund", "Baggrund"],
  ["indstilling", "Indstilling"],
  ["sagsfremstilling", "Sagsfremstilling"],
  ["beslutning", "Beslutning"],
] as const;

function fieldsText(item: ParsedImportItem): string {
  const present = FIELD_LABELS.filter(([name]) => item.fields[name] !== null).map(([, l]) => l);
  return present.length > 0 ? present.join(" · ") : "Ingen felter fundet";
}

/** The structure the parser found: numbered sections, items, their headers and fields. */
export function ImportTree({ parsed }: { parsed: ParsedImport }) {
  const headingId = useId();
  return (
    // Scrolls on its own when long: focusable, so keyboard users can scroll it too.
    <div className="import-tree" role="region" aria-labelledby={headingId} tabIndex={0}>
      <h4 id={headingId}>Fundet i filen</h4>
      <ol className="import-sections">
        {parsed.sections.map((section) => (
          <li key={section.number} className="import-section">
            <span className="import-section-title">
              {section.number}. {section.title}
            </span>
            {section.items.length === 0 ? (
              <p className="muted import-empty">Ingen punkter</p>
            ) : (
              <ol className="import-items">
                {section.items.map((item) => (
                  <li key={item.number} className="import-item">
                    <span className="import-item-title">
                      {item.number}. {item.title}
                    </span>
                    {item.closed && <span className="import-item-closed">Lukket punkt</span>}
                    <span className="import-item-meta">
                      {[item.caseNumber ?? "", item.officers.join("/")].filter(Boolean).join(" ")}
                      {(item.caseNumber || item.officers.length > 0) && " – "}
                      {fieldsText(item)}
                      {item.attachmentMarkers > 0 &&
                        ` – ${item.attachmentMarkers} ./.-${item.attachmentMarkers === 1 ? "markør" : "markører"}`}
                    </span>
                    {item.attachments.length > 0 && (
                      <span className="import-item-bilag">
                        Bilag uden fil (kan uploades efter importen): {item.attachments.join(", ")}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
