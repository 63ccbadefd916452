import { useCallback, useState } from "react";

/**
 * Text for a polite live region. Saying the same thing twice must be heard twice, so a repeat
 * alternates a trailing non-breaking space, which screen readers do not read but do notice.
 */
export function useAnnouncer(): { message: string; announce: (text: string) => void } {
  const [message, setMessage] = useState("");
  const announce = useCallback((text: string) => {
    setMessage((previous) => (previous === text ? `${text}\u00a0` : text));
  }, []);
  return { message, announce };
}
