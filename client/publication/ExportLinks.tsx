import { useId, useState } from "react";
import type { MeetingPhase } from "../../shared/model/agenda";
import type { Role } from "../../shared/roles";
import {
  DOCUMENT_KIND_LABELS,
  exportUrl,
  type DocumentKind,
  type ExportFormat,
  type ExportVariant,
} from "../api/publicationApi";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "./publication.css";

interface ExportLinksProps {
  meetingId: string;
  phase: MeetingPhase;
  role: Role | null;
}

const FORMATS: { format: ExportFormat; label: string; description: string }[] = [
  { format: "pdf", label: "PDF", description: "til udsendelse og arkiv" },
  { format: "docx", label: "Word", description: "til videre redigering" },
  { format: "html", label: "HTML", description: "tilgængelig webside" },
];

/**
 * Downloads of the agenda and, once the meeting is held, the minutes, in PDF, Word and HTML;
 * the internal version (closed items in full) or the public one. Readers get only the public
 * version (the server enforces it too).
 */
export function ExportLinks({ meetingId, phase, role }: ExportLinksProps) {
  const variantName = useId();
  const [variant, setVariant] = useState<ExportVariant>("internal");
  const effective: ExportVariant = role === "laeser" ? "public" : variant;
  const kinds: DocumentKind[] =
    phase === "afholdt" || phase === "referat_godkendt" ? ["dagsorden", "referat"] : ["dagsorden"];

  return (
    <details
      className="export-menu"
      onKeyDown={(event) => {
        // Escape closes the menu and returns to its button, as other menus do.
        const menu = event.currentTarget;
        if (event.key !== "Escape" || !menu.open) return;
        event.preventDefault();
        menu.open = false;
        menu.querySelector("summary")?.focus();
      }}
    >
      <summary className="button">Eksportér</summary>
      <div className="export-menu-panel">
        {role !== "laeser" && (
          <fieldset className="export-variant">
            <legend>Version</legend>
            <label className="radio-label">
              <input
                type="radio"
                name={variantName}
                checked={variant === "internal"}
                onChange={() => setVariant("internal")}
              />
              Intern (med lukkede punkter)
            </label>
            <label className="radio-label">
              <input
                type="radio"
                name={variantName}
                checked={variant === "public"}
                onChange={() => setVariant("public")}
              />
              Offentlig (uden lukkede punkters indhold)
            </label>
          </fieldset>
        )}
        {kinds.map((kind) => (
          <div key={kind} className="export-kind">
            <h3>
              {DOCUMENT_KIND_LABELS[kind]}
              {kind === "referat" && phase === "afholdt" && (
                <span className="export-draft"> (kladde, ikke godkendt)</span>
              )}
            </h3>
            <ul>
              {FORMATS.map(({ format, label, description }) => (
                <li key={format}>
                  <a
                    href={exportUrl(meetingId, format, kind, effective)}
                    aria-label={`${label}: ${DOCUMENT_KIND_LABELS[kind].toLowerCase()}, ${
                      effective === "public" ? "offentlig" : "intern"
                    } version${format === "html" ? " (åbner i en ny fane)" : ""}`}
                    {...(format === "html"
                      ? { target: "_blank", rel: "noopener" }
                      : { download: true })}
                  >
                    {label}
                  </a>{" "}
                  <span className="muted">– {description}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </details>
  );
}
