import { useId } from "react";

export interface Progress {
  /** 0…1 of the bytes sent. */
  fraction: number;
  /** Every byte is sent; the server is working on it. */
  sent: boolean;
}

interface UploadProgressProps {
  name: string;
  progress: Progress;
  /** "Sender" */
  sending: string;
  /** "Læser filen" */
  working: string;
  onCancel: () => void;
}

/** A progress bar for a file on its way: percent while sending, then indeterminate. */
export function UploadProgress({
  name,
  progress,
  sending,
  working,
  onCancel,
}: UploadProgressProps) {
  const labelId = useId();
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="upload-progress">
      <p id={labelId} className="upload-progress-label" aria-live="polite">
        {progress.sent ? `${working} …` : `${sending} ${name}: ${percent} %`}
      </p>
      <progress aria-labelledby={labelId} max={100} value={progress.sent ? undefined : percent} />
      <button type="button" className="button button-small" onClick={onCancel}>
        Afbryd
      </button>
    </div>
  );
}
