import type { Page } from "playwright-core";

/** Pastes HTML at the editor's selection, as a clipboard paste event carrying it would. */
export async function pasteHtml(page: Page, html: string, plain = ""): Promise<void> {
  await page.evaluate(
    (clip) => {
      const target = document.querySelector(".item-body");
      if (!target) throw new Error("no editor");
      const data = new DataTransfer();
      data.setData("text/html", clip.html);
      data.setData("text/plain", clip.plain);
      target.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { html, plain },
  );
}
