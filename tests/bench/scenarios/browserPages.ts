/**
 * In-page instrumentation for scenario 7, run in Chromium by `page.evaluate` (so each function
 * is self-contained: no closures over harness variables).
 *
 * "Painted" is approximated as the first task after the next animation frame that follows the
 * DOM change (requestAnimationFrame, then a MessageChannel message): the frame that shows the
 * character has been produced by then. Times are `performance.timeOrigin + performance.now()`,
 * comparable across the two pages of one browser (same machine clock).
 */

/**
 * tsx (esbuild, keepNames) wraps named inner functions in a `__name(...)` helper that exists in
 * the harness, not in the page; evaluate this first so the instrumentation runs there.
 */
export const PAGE_NAME_HELPER = "globalThis.__name ??= (fn) => fn; undefined";

interface BenchWindow {
  benchProbe?: { keydowns: number[]; paints: number[]; renders: number[] };
}

/** Page A: keydown → painted, per keystroke, and the keydown times for the remote pairing. */
export function instrumentTypingPage(): void {
  const state = { keydowns: [] as number[], paints: [] as number[], renders: [] as number[] };
  (window as BenchWindow).benchProbe = state;
  const editor = document.querySelector(".ProseMirror")!;
  let pending: number[] = [];
  editor.addEventListener(
    "keydown",
    (event) => {
      state.keydowns.push(performance.timeOrigin + event.timeStamp);
      pending.push(event.timeStamp);
    },
    true,
  );
  new MutationObserver(() => {
    if (pending.length === 0) return;
    const started = pending;
    pending = [];
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.addEventListener("message", () => {
        const now = performance.now();
        for (const at of started) state.paints.push(now - at);
      });
      channel.port1.start();
      channel.port2.postMessage(null);
    });
  }).observe(editor, { childList: true, subtree: true, characterData: true });
}

/** Page B: the time each further character appears in the marked paragraph, painted. */
export function instrumentWatchingPage(marker: string): void {
  const state = { keydowns: [] as number[], paints: [] as number[], renders: [] as number[] };
  (window as BenchWindow).benchProbe = state;
  const editor = document.querySelector(".ProseMirror")!;
  let paragraph: Element | undefined;
  const find = () => {
    if (!paragraph?.isConnected) {
      paragraph = [...editor.querySelectorAll("p")].find((p) => p.textContent?.includes(marker));
    }
    return paragraph;
  };
  // Remote caret labels are part of the paragraph's DOM; they are not text.
  const length = (element: Element) => {
    const copy = element.cloneNode(true) as Element;
    for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
    return copy.textContent?.length ?? 0;
  };
  const base = length(find()!);
  let seen = 0;
  new MutationObserver(() => {
    const current = find();
    if (!current) return;
    const count = length(current) - base;
    if (count <= seen) return;
    const arrived = count - seen;
    seen = count;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.addEventListener("message", () => {
        const now = performance.timeOrigin + performance.now();
        for (let i = 0; i < arrived; i++) state.renders.push(now);
      });
      channel.port1.start();
      channel.port2.postMessage(null);
    });
  }).observe(editor, { childList: true, subtree: true, characterData: true });
}

export function readBench(): { keydowns: number[]; paints: number[]; renders: number[] } {
  return (window as BenchWindow).benchProbe ?? { keydowns: [], paints: [], renders: [] };
}
