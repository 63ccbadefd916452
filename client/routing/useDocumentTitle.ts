import { useEffect } from "react";

/** Sets the browser tab's title, which screen readers announce on page changes. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – Dagsorden` : "Dagsorden";
  }, [title]);
}
