import { useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { IMPORT_MAX_MB } from "../../shared/importLimits";
import { formatDanishDate } from "../../shared/model/formatDanishDate";
import { ApiError } from "../api/apiFetch";
import { IMPORT_MAX_BYTES, previewImport, runImport } from "../api/importApi";
import type { CommitteeMembership, ParsedImport } from "../api/meetingTypes";
import { formatBytes } from "../attachments/attachmentRules";
import { meetingPath, navigate } from "../routing/router";
import { MeetingFields, mergePatch, type MeetingFieldValues } from "../meetings/MeetingFields";
import { ImportTree } from "./ImportTree";
import { UploadProgress, type Progress } from "./UploadProgress";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "./import.css";

interface ImportPanelProps {
  committee: CommitteeMembership;
  onClose: () => void;
  onUnauthenticated: () => void;
}

type Step =
  | { kind: "choose" }
  | { kind: "reading"; file: File; progress: Progress }
  | { kind: "preview"; file: File; parsed: ParsedImport }
  | { kind: "creating"; file: File; parsed: ParsedImport; progress: Progress };

/**
 * Import of an earlier agenda or minutes (PDF, Word, text): the file is read by the server and
 * its structure shown with the parser's warnings; only then is the meeting created, from the
 * same file, and opened.
 */
export function ImportPanel({ committee, onClose, onUnauthenticated }: ImportPanelProps) {
  const id = useId();
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<MeetingFieldValues>({
    title: `Møde i ${committee.name}`,
    date: "",
    startTime: "10:00",
    place: "",
  });
  const abortRef = useRef<AbortController | null>(null);

  function fail(caught: unknown, fallback: string) {
    if (caught instanceof DOMException && caught.name === "AbortError") return;
    if (caught instanceof ApiError && caught.status === 401) return onUnauthenticated();
    if (caught instanceof ApiError && caught.code === "payload_too_large") {
      setError(`Filen er for stor. En fil til import må højst fylde ${IMPORT_MAX_MB} MB.`);
    } else if (caught instanceof ApiError) setError(caught.message);
    else {
      console.error(fallback, caught);
      setError(fallback);
    }
  }

  async function onChoose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setError(null);
    if (file.size === 0) return setError(`«${file.name}» er tom.`);
    if (file.size > IMPORT_MAX_BYTES) {
      return setError(
        `«${file.name}» fylder ${formatBytes(file.size)}. En fil til import må højst fylde ${IMPORT_MAX_MB} MB.`,
      );
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setStep({ kind: "reading", file, progress: { fraction: 0, sent: false } });
    try {
      const parsed = await previewImport(committee.id, file, {
        signal: controller.signal,
        onProgress: (fraction) =>
          setStep((s) =>
            s.kind === "reading" ? { ...s, progress: { ...s.progress, fraction } } : s,
          ),
        onSent: () =>
          setStep((s) =>
            s.kind === "reading" ? { ...s, progress: { ...s.progress, sent: true } } : s,
          ),
      });
      setFields((current) => ({ ...current, date: parsed.meetingDate ?? "" }));
      setStep({ kind: "preview", file, parsed });
    } catch (caught) {
      setStep({ kind: "choose" });
      fail(caught, "Filen kunne ikke læses. Prøv igen.");
    }
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    if (step.kind !== "preview") return;
    if (fields.date === "") {
      setError("Angiv mødets dato: filen nævner ingen.");
      document.getElementById(`${id}-date`)?.focus();
      return;
    }
    setError(null);
    const { file, parsed } = step;
    const controller = new AbortController();
    abortRef.current = controller;
    setStep({ kind: "creating", file, parsed, progress: { fraction: 0, sent: false } });
    try {
      const result = await runImport(
        committee.id,
        file,
        {
          date: fields.date,
          startTime: fields.startTime,
          place: fields.place,
          title: fields.title,
        },
        {
          signal: controller.signal,
          onProgress: (fraction) =>
            setStep((s) =>
              s.kind === "creating" ? { ...s, progress: { ...s.progress, fraction } } : s,
            ),
          onSent: () =>
            setStep((s) =>
              s.kind === "creating" ? { ...s, progress: { ...s.progress, sent: true } } : s,
            ),
        },
      );
      navigate(meetingPath(result.meeting.id));
    } catch (caught) {
      setStep({ kind: "preview", file, parsed });
      fail(caught, "Mødet kunne ikke oprettes. Prøv igen.");
    }
  }

  function cancel() {
    abortRef.current?.abort();
    abortRef.current = null;
    setStep({ kind: "choose" });
    setError(null);
  }

  const parsed = step.kind === "preview" || step.kind === "creating" ? step.parsed : null;
  const itemCount = parsed?.sections.reduce((sum, s) => sum + s.items.length, 0) ?? 0;
  const otherCommittee =
    parsed?.committee && parsed.committee.toLowerCase() !== committee.name.toLowerCase()
      ? parsed.committee
      : null;

  return (
    <section className="import-panel" aria-labelledby={`${id}-heading`}>
      <div className="import-panel-head">
        <h3 id={`${id}-heading`}>Importér dagsorden eller referat</h3>
        <button type="button" className="button button-small button-quiet" onClick={onClose}>
          Luk import
        </button>
      </div>
      {step.kind === "choose" && (
        <div className="import-choose">
          <label htmlFor={`${id}-file`} className="button file-button">
            Vælg fil …
          </label>
          <input
            id={`${id}-file`}
            className="file-input"
            type="file"
            accept=".pdf,.docx,.txt,application/pdf,text/plain"
            aria-describedby={`${id}-file-hint`}
            onChange={(event) => void onChoose(event)}
          />
          <span id={`${id}-file-hint`} className="field-hint">
            PDF, Word (DOCX) eller tekst, højst {IMPORT_MAX_MB} MB. Du ser filens opbygning, før
            mødet oprettes.
          </span>
        </div>
      )}
      {step.kind === "reading" && (
        <UploadProgress
          name={step.file.name}
          progress={step.progress}
          sending="Sender"
          working="Læser filen"
          onCancel={cancel}
        />
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {parsed && (step.kind === "preview" || step.kind === "creating") && (
        <>
          <div className="import-summary" role="status">
            <p>
              <strong>{step.file.name}</strong> ({formatBytes(step.file.size)}):{" "}
              {parsed.kind === "referat" ? "referat" : "dagsorden"}
              {parsed.committee ? ` for ${parsed.committee}` : ""}
              {parsed.meetingDate ? ` fra ${formatDanishDate(parsed.meetingDate)}` : ""} med{" "}
              {parsed.sections.length} sektioner og {itemCount} punkter.
            </p>
          </div>
          {(parsed.warnings.length > 0 || otherCommittee) && (
            <div className="import-warnings">
              <h4>
                {parsed.warnings.length + (otherCommittee ? 1 : 0) === 1
                  ? "1 advarsel"
                  : `${parsed.warnings.length + (otherCommittee ? 1 : 0)} advarsler`}
              </h4>
              <ul>
                {otherCommittee && (
                  <li>
                    Filen ser ud til at være fra «{otherCommittee}», men importeres til «
                    {committee.name}».
                  </li>
                )}
                {parsed.warnings.map((warning, index) => (
                  <li key={index}>{warning}</li>
                ))}
              </ul>
            </div>
          )}
          <ImportTree parsed={parsed} />
          <form
            className="details-form import-form"
            noValidate
            onSubmit={(event) => void create(event)}
          >
            <h4>Det nye møde</h4>
            <MeetingFields
              id={id}
              values={fields}
              onChange={mergePatch(setFields)}
              required={false}
              dateInvalid={error !== null && fields.date === ""}
              dateHint={parsed.meetingDate ? undefined : "Filen nævner ingen mødedato. Angiv den."}
            />
            {step.kind === "creating" ? (
              <UploadProgress
                name={step.file.name}
                progress={step.progress}
                sending="Sender"
                working="Opretter mødet"
                onCancel={cancel}
              />
            ) : (
              <div className="form-actions">
                <button type="submit" className="button button-primary">
                  Opret mødet
                </button>
                <button type="button" className="button" onClick={cancel}>
                  Vælg en anden fil
                </button>
              </div>
            )}
          </form>
        </>
      )}
    </section>
  );
}
