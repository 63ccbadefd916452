import { useId, useState } from "react";

/** The invitation link, selectable and copyable. */
export function InviteLink({ path }: { path: string }) {
  const id = useId();
  const url = `${location.origin}${path}`;
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="invite-link">
      <label htmlFor={id}>Invitationslink</label>
      <div className="invite-link-row">
        <input
          id={id}
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          Kopiér link
        </button>
      </div>
      <p className="field-hint" aria-live="polite">
        {copied === "copied" && "Linket er kopieret."}
        {copied === "failed" && "Linket kunne ikke kopieres; markér det, og kopiér selv."}
      </p>
    </div>
  );
}
