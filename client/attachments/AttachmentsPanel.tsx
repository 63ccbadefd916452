import type { Editor } from "@tiptap/core";
import { useId, useState, type ChangeEvent } from "react";
import type { AttachmentEntry, AttachmentRef } from "../../shared/model/agenda";
import { hasFile } from "../../shared/model/agenda";
import { ApiError } from "../api/apiFetch";
import { attachmentUrl, deleteAttachment, uploadAttachment } from "../api/attachmentsApi";
import { checkAttachmentFile, formatBytes, ACCEPTED_TYPES_TEXT } from "./attachmentRules";
// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "./attachments.css";

interface AttachmentsPanelProps {
  itemId: string;
  /** The item's bilag in their order; imported ones may be names without a file. */
  attachments: readonly AttachmentEntry[];
  /** The person may add and remove bilag (write access to the item). */
  canChange: boolean;
  /** The item editor, when it is mounted and writable: for inserting `./.` markers. */
  editor: Editor | null;
  onUnauthenticated: () => void;
  announce: (text: string) => void;
}

type Upload = { name: string; fraction: number; processing: boolean } | null;

const OPEN_KEY = "dagsorden:bilag-open";

/**
 * Whether the bilag panel is open: closed at first, so the text starts higher up; the person's
 * choice is kept for the next item.
 */
function useRememberedOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpenState] = useState(() => localStorage.getItem(OPEN_KEY) === "true");
  const setOpen = (value: boolean) => {
    setOpenState(value);
    localStorage.setItem(OPEN_KEY, String(value));
  };
  return [open, setOpen];
}

/** Bilag of one item: list and download for all; upload, delete and `./.` for writers. */
export function AttachmentsPanel(props: AttachmentsPanelProps) {
  const { attachments, canChange, editor } = props;
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const [upload, setUpload] = useState<Upload>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [open, setOpen] = useRememberedOpen();

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

  /** Uploads a new bilag, or the file of a bilag known by name only (`entry`). */
  async function onChoose(event: ChangeEvent<HTMLInputElement>, entry?: AttachmentEntry) {
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
        ...(entry ? { entryId: entry.id } : {}),
        onProgress: (fraction) =>
          setUpload((current) => (current ? { ...current, fraction } : current)),
        onSent: () =>
          setUpload((current) => (current ? { ...current, processing: true } : current)),
      });
      props.announce(
        entry
          ? `Filen «${attachment.filename}» er tilføjet til bilaget «${entry.filename}».`
          : `Bilaget «${attachment.filename}» er tilføjet.`,
      );
    } catch (caught) {
      fail(caught, "Bilaget kunne ikke tilføjes. Prøv igen.");
    } finally {
      setUpload(null);
    }
  }

  async function remove(attachment: AttachmentEntry) {
    setConfirming(null);
    setError(null);
    try {
      await deleteAttachment(props.itemId, attachment.id);
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
    <details
      className="attachments"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="attachments-heading" id={headingId}>
        Bilag ({attachments.length})
        {!open && attachments.length > 0 && (
          <span className="attachments-names">
            : {attachments.map((attachment) => attachment.filename).join(", ")}
          </span>
        )}
      </summary>
      {attachments.length === 0 ? (
        <p className="muted attachments-empty">Punktet har ingen bilag.</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((attachment, index) => (
            <li key={attachment.id} className="attachment">
              {hasFile(attachment) ? (
                <>
                  <a
                    className="attachment-link"
                    href={attachmentUrl(attachment.id)}
                    download={attachment.filename}
                  >
                    <span className="visually-hidden">Hent bilag {index + 1}: </span>
                    {attachment.filename}
                  </a>
                  <span className="attachment-size">{formatBytes(attachment.size)}</span>
                </>
              ) : (
                <>
                  <span className="attachment-name">
                    <span className="visually-hidden">Bilag {index + 1}: </span>
                    {attachment.filename}
                  </span>
                  <span className="attachment-missing">mangler fil</span>
                  {canChange && (
                    <MissingFileUpload
                      attachment={attachment}
                      disabled={upload !== null}
                      onChoose={(event) => void onChoose(event, attachment)}
                    />
                  )}
                </>
              )}
              {editor && hasFile(attachment) && (
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
    </details>
  );
}

/** "Upload fil": the file for a bilag the item knows by name only (imported). */
function MissingFileUpload(props: {
  attachment: AttachmentEntry;
  disabled: boolean;
  onChoose: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  const inputId = useId();
  return (
    <>
      <label htmlFor={inputId} className="button button-small file-button">
        Upload fil<span className="visually-hidden"> til {props.attachment.filename}</span>
      </label>
      <input
        id={inputId}
        className="file-input"
        type="file"
        disabled={props.disabled}
        onChange={props.onChoose}
      />
    </>
  );
}
