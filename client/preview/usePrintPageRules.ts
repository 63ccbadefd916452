import { useEffect } from "react";

/** Quotes text for a CSS string (the print stylesheet's running header). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, " ")}"`;
}

/**
 * Paper size, the running header ("KKR Syddanmark | 03-09-2025") and page numbers ("SIDE | 3")
 * as the documents print them.
 */
export function pageRules(runningHeader: string): string {
  const margin = 'font-family: Georgia, "Times New Roman", serif; font-size: 9pt; color: #4d5b6a;';
  return `@page { size: A4; margin: 22mm 20mm 20mm;
  @top-left { content: ${cssString(runningHeader)}; ${margin} }
  @bottom-right { content: "SIDE | " counter(page); ${margin} } }
@page :first { @top-left { content: none; } @bottom-right { content: none; } }`;
}

/**
 * Adds print rules to the document while the calling component is mounted, so other pages print
 * plainly. Through a constructed stylesheet, not a <style> element: the Content-Security-Policy
 * refuses inline style elements, and the running header differs per meeting.
 */
export function usePrintPageRules(rules: string | null): void {
  useEffect(() => {
    if (rules === null) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [rules]);
}
