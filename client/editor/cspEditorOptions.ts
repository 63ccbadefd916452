// oxlint-disable-next-line import/no-unassigned-import -- Vite bundles the stylesheet with this module
import "./tiptapBase.css";

/**
 * Editor options every TipTap editor of the app takes, so it runs under the Content-Security-
 * Policy: no injected <style> element (its rules come from tiptapBase.css instead).
 */
export const CSP_EDITOR_OPTIONS = { injectCSS: false } as const;
