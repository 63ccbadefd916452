import { attachmentUrl } from "../api/attachmentsApi";
import type { UncheckedAttachment, WithheldAttachment } from "../api/publicationApi";
import { acceptanceText } from "./acceptanceText";

interface UnreadableProps {
  attachments: readonly UncheckedAttachment[];
  busy: boolean;
  onAcknowledge: (key: string, acknowledged: boolean) => void;
  onWithhold: (attachmentId: string) => void;
}

/**
 * The bilag the check could not read (images, scanned PDFs): a person opens each, looks it
 * through and says so — or leaves it out of the public version. Publishing waits for that.
 */
export function UnreadableAttachments({
  attachments,
  busy,
  onAcknowledge,
  onWithhold,
}: UnreadableProps) {
  if (attachments.length === 0) return null;
  return (
    <div className="notice pd-unchecked">
      <h3>Bilag, der ikke kunne læses automatisk</h3>
      <p>
        Fx billeder eller scannede PDF’er. Åbn hvert bilag og se det igennem for personoplysninger,
        før det offentliggøres.
      </p>
      <ul className="finding-list" aria-label="Ulæselige bilag">
        {attachments.map((attachment) => {
          const seen = attachment.acceptance !== null;
          const name = `punkt ${attachment.itemNumber}: ${attachment.filename}`;
          return (
            <li
              key={attachment.key}
              className="finding"
              data-accepted={seen}
              data-attachment-id={attachment.attachmentId}
            >
              <div className="finding-where">
                <span className="finding-kind">Ulæseligt bilag</span>
                <span>
                  Punkt {attachment.itemNumber}: {attachment.filename}
                </span>
              </div>
              <div className="finding-actions">
                <a
                  className="button button-compact"
                  href={attachmentUrl(attachment.attachmentId)}
                  aria-label={`Åbn bilaget: ${name}`}
                >
                  Åbn bilaget
                </a>
                <button
                  type="button"
                  className={`button button-compact${seen ? " button-quiet" : ""}`}
                  disabled={busy}
                  aria-label={`${seen ? "Fortryd" : "Jeg har set bilaget igennem"}: ${name}`}
                  onClick={() => onAcknowledge(attachment.key, !seen)}
                >
                  {seen ? "Fortryd" : "Jeg har set bilaget igennem"}
                </button>
                <button
                  type="button"
                  className="button button-compact"
                  disabled={busy}
                  aria-label={`Offentliggør ikke bilaget: ${name}`}
                  onClick={() => onWithhold(attachment.attachmentId)}
                >
                  Offentliggør ikke bilaget
                </button>
                {attachment.acceptance && (
                  <span className="finding-accepted">
                    <span aria-hidden="true">✓ </span>
                    {acceptanceText(attachment.acceptance, "Set igennem")}
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

interface WithheldProps {
  attachments: readonly WithheldAttachment[];
  busy: boolean;
  onPublish: (attachmentId: string) => void;
}

/** The bilag the public version leaves out, with the way back. */
export function WithheldAttachments({ attachments, busy, onPublish }: WithheldProps) {
  if (attachments.length === 0) return null;
  return (
    <div className="pd-withheld">
      <h3>Bilag, der ikke offentliggøres</h3>
      <ul>
        {attachments.map((attachment) => (
          <li key={attachment.attachmentId}>
            Punkt {attachment.itemNumber}: {attachment.filename}{" "}
            <button
              type="button"
              className="button button-compact button-quiet"
              disabled={busy}
              aria-label={`Offentliggør alligevel: punkt ${attachment.itemNumber}: ${attachment.filename}`}
              onClick={() => onPublish(attachment.attachmentId)}
            >
              Offentliggør alligevel
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
