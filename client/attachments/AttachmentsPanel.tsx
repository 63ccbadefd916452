import type { Editor } from "@tiptap/core";
import { useId, useState, type ChangeEvent } from "react";
import type { AttachmentRef } from "../../shared/model/agenda";
import { ApiError } from "../api/apiFetch";
import { attachmentUrl, deleteAttachment, uploadAttachment } from "../api/attachmentsApi";
import { checkAttachmentFile, formatBytes, ACCEPTED_TYPES_TEXT } from "./attachmentRules";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "./attachments.css";

interface AttachmentsPanelProps {
  itemId: string;
  /** The item's bilag as the live agenda lists them. */
  attachments: readonly AttachmentRef[];
  /** The person may add and remove bilag (write access to the item). */
  canChange: boolean;
  /** The item editor, when it is mounted and writable: for inserting `./.` markers. */
  editor: Editor | null;
  onUnauthenticated: () => void;
  announce: (text: string) => void;
}

type Upload = { name: string; fraction: number; processing: boolean } | null;

/** Bilag of one item: list and download for all; upload, delete and `./.` for writers. */
export function AttachmentsPanel(props: AttachmentsPanelProps) {
  const { attachments, canChange, editor } = props;
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [upload, setUpload] = useState<Upload>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  function fail(caught: unknown, fallback: string) {
    if (caught instanceof ApiError && caught.status === 401) return props.onUnauthenticated();
    if (caught instanceof ApiError && caught.status === 413) {
      setError(`Filen er for stor. ${ACCEPTED_TYPES_TEXT}`);
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
    const problem = checkAttachmentFile(file);
    if (problem !== null) {
      setError(problem);
      return;
    }
    setUpload({ name: file.name, fraction: 0, processing: false });
    try {
      const attachment = await uploadAttachment(props.itemId, file, {
        onProgress: (fraction) =>
          setUpload((current) => (current ? { ...current, fraction } : current)),
        onSent: () =>
          setUpload((current) => (current ? { ...current, processing: true } : current)),
      });
      props.announce(`Bilaget «${attachment.filename}» er tilføjet.`);
    } catch (caught) {
      fail(caught, "Bilaget kunne ikke tilføjes. Prøv igen.");
    } finally {
      setUpload(null);
    }
  }

  async function remove(attachment: AttachmentRef) {
    setConfirming(null);
    setError(null);
    try {
      await deleteAttachment(attachment.id);
      props.announce(`Bilaget «${attachment.filename}» er slettet.`);
    } catch (caught) {
      fail(caught, "Bilaget kunne ikke slettes. Prøv igen.");
    }
  }

  function insertMarker(attachment: AttachmentRef) {
    if (!editor) return;
    editor
      .chain()
      .focus()
      .insertContent({
        type: "attachmentMarker",
        attrs: { attachmentId: attachment.id, label: attachment.filename },
      })
      .run();
    props.announce(`Markøren ./. ${attachment.filename} er indsat i teksten.`);
  }

  return (
    <section className="attachments" aria-labelledby={headingId}>
      <h3 id={headingId} className="attachments-heading">
        Bilag
      </h3>
      {attachments.length === 0 ? (
        <p className="muted attachments-empty">Punktet har ingen bilag.</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((attachment, index) => (
            <li key={attachment.id} className="attachment">
              <a
                className="attachment-link"
                href={attachmentUrl(attachment.id)}
                download={attachment.filename}
              >
                <span className="visually-hidden">Hent bilag {index + 1}: </span>
                {attachment.filename}
              </a>
              <span className="attachment-size">{formatBytes(attachment.size)}</span>
              {editor && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => insertMarker(attachment)}
                >
                  Indsæt ./.<span className="visually-hidden"> for {attachment.filename}</span> i
                  teksten
                </button>
              )}
              {canChange &&
                (confirming === attachment.id ? (
                  <span className="confirm-delete">
                    <button
                      type="button"
                      className="button button-small button-danger"
                      onClick={() => void remove(attachment)}
                    >
                      Ja, slet {attachment.filename}
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setConfirming(null)}
                    >
                      Behold
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() => setConfirming(attachment.id)}
                  >
                    Slet<span className="visually-hidden"> {attachment.filename}</span>
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <div className="attachment-upload">
          <label htmlFor={inputId} className="button button-small file-button">
            Tilføj bilag …
          </label>
          <input
            id={inputId}
            className="file-input"
            type="file"
            aria-describedby={hintId}
            disabled={upload !== null}
            onChange={(event) => void onChoose(event)}
          />
          <span id={hintId} className="field-hint">
            {ACCEPTED_TYPES_TEXT}
          </span>
        </div>
      )}
      {upload && (
        <div className="upload-progress" role="status">
          <label>
            {upload.processing
              ? `Gemmer ${upload.name} …`
              : `Sender ${upload.name}: ${Math.round(upload.fraction * 100)} %`}
            <progress max={1} value={upload.processing ? undefined : upload.fraction} />
          </label>
        </div>
      )}
      {error && (
        <p className="notice notice-error attachment-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
