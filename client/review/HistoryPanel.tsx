import { useId, useState, type FormEvent } from "react";
import type { Access } from "../../shared/permissions";
import { mayComment } from "../../shared/permissions";
import { ApiError } from "../api/apiFetch";
import { createNamedVersion, restoreVersion, type ItemVersion } from "../api/versionsApi";
import { ConfirmDialog } from "../workflow/ConfirmDialog";
import { AttributionView } from "./AttributionView";
import { formatDateTime } from "./formatDateTime";
import type { VersionsLoad } from "./useVersions";

interface HistoryPanelProps {
  itemId: string;
  versions: VersionsLoad;
  access: Access | null;
  /** Names of people by id, as far as the page knows them. */
  people: ReadonlyMap<string, string>;
  onVersionsChanged: () => void;
  onCompare: (versionId: string) => void;
}

/**
 * Version history: every workflow step's automatic version and the named ones, newest first,
 * with who and when; save a named version, compare one with the live text, restore one (as a
 * new edit, which is itself versioned and audited). And, on demand, who wrote what.
 */
export function HistoryPanel({
  itemId,
  versions,
  access,
  people,
  onVersionsChanged,
  onCompare,
}: HistoryPanelProps) {
  const nameId = useId();
  const [name, setName] = useState("");
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [restoring, setRestoring] = useState<ItemVersion | null>(null);
  const [showAuthors, setShowAuthors] = useState(false);
  // Each opening asks again: the text may have changed since.
  const [authorsKey, setAuthorsKey] = useState(0);

  const canSave = access !== null && mayComment(access);

  async function save(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === "") {
      setMessage({ kind: "error", text: "Giv versionen et navn." });
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      await createNamedVersion(itemId, trimmed);
      setName("");
      setMessage({ kind: "ok", text: `Versionen «${trimmed}» er gemt.` });
      onVersionsChanged();
    } catch (caught) {
      console.error("saving a named version failed", caught);
      setMessage({
        kind: "error",
        text: caught instanceof ApiError ? caught.message : "Versionen kunne ikke gemmes.",
      });
    } finally {
      setSaving(false);
    }
  }

  const list =
    versions.status === "loaded"
      ? [...versions.versions].sort((a, b) => b.createdAt - a.createdAt)
      : [];
  return (
    <div className="history-panel">
      {canSave && (
        <form className="history-save" onSubmit={save}>
          <label htmlFor={nameId}>Gem den nuværende tekst som en version</label>
          <div className="history-save-row">
            <input
              id={nameId}
              type="text"
              placeholder="Fx «Til direktionsmøde»"
              value={name}
              maxLength={200}
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="button" disabled={saving}>
              Gem version
            </button>
          </div>
        </form>
      )}
      <p
        className={message?.kind === "error" ? "form-error" : "history-message"}
        aria-live="polite"
      >
        {message?.text}
      </p>

      <h3 className="review-subheading">Versioner</h3>
      {versions.status === "loading" && <p className="muted">Henter versioner …</p>}
      {versions.status === "failed" && <p className="form-error">Versionerne kunne ikke hentes.</p>}
      {versions.status === "loaded" && list.length === 0 && (
        <p className="muted">
          Der er ingen versioner endnu. De gemmes ved hvert behandlingstrin og når nogen gemmer en.
        </p>
      )}
      {list.length > 0 && (
        <ol className="version-list" reversed>
          {list.map((version) => (
            <li key={version.id} className="version" data-kind={version.kind}>
              <p className="version-name">{version.name}</p>
              <p className="version-meta">
                {version.kind === "named" ? "Navngivet version" : "Automatisk"} ·{" "}
                <time dateTime={new Date(version.createdAt).toISOString()}>
                  {formatDateTime(version.createdAt)}
                </time>
                {version.kind === "named" && version.createdBy !== null && (
                  <> · {people.get(version.createdBy) ?? "ukendt person"}</>
                )}
              </p>
              <div className="version-actions">
                <button type="button" className="button-link" onClick={() => onCompare(version.id)}>
                  Sammenlign med nu<span className="visually-hidden">: {version.name}</span>
                </button>
                {access === "write" && (
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => setRestoring(version)}
                  >
                    Gendan<span className="visually-hidden">: {version.name}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}

      <h3 className="review-subheading">Forfattere</h3>
      <button
        type="button"
        className="button"
        aria-pressed={showAuthors}
        onClick={() => {
          setShowAuthors(!showAuthors);
          setAuthorsKey((n) => n + 1);
        }}
      >
        Vis hvem der skrev hvad
      </button>
      {showAuthors && <AttributionView key={authorsKey} itemId={itemId} />}

      {restoring && (
        <ConfirmDialog
          title="Gendan version"
          confirmLabel="Gendan"
          onConfirm={async () => {
            // Nothing is lost: the server keeps the text being replaced as a version first.
            await restoreVersion(itemId, restoring.id);
            setMessage({ kind: "ok", text: `Teksten er gendannet fra «${restoring.name}».` });
            onVersionsChanged();
          }}
          onClose={() => setRestoring(null)}
        >
          <p>
            Teksten bliver som i versionen «{restoring.name}» fra{" "}
            {formatDateTime(restoring.createdAt)}. Det sker som en ny ændring, som alle med punktet
            åbent ser med det samme. Den nuværende tekst gemmes først som en version, så intet går
            tabt, og gendannelsen skrives i revisionssporet.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
