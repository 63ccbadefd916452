import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderMeetingDocx, renderMeetingHtml, renderMeetingPdf } from "../../../server/exports";
import type { ExportInput } from "../../../server/exports";
import { fixtureExportInput } from "./fixtureMeeting";
import { pdfPageTexts } from "./readExports";

const HASH = "0123456789abcdef".repeat(4);
const APPROVED_AT = Date.UTC(2025, 8, 10, 8, 30);

function input(): ExportInput {
  return {
    ...fixtureExportInput(),
    record: { hash: HASH, approvedAt: APPROVED_AT, issuedAt: APPROVED_AT },
  };
}

// Each PDF is laid out twice (contents' page numbers): seconds each on a busy machine.
describe("exports of a record", { timeout: 120_000 }, () => {
  it("state the record's hash and the approval: HTML footer, PDF metadata and front page, Word properties", async () => {
    const html = renderMeetingHtml(input());
    expect(html).toContain(`<footer class="record-footer">`);
    expect(html).toContain(`<code class="record-hash">${HASH}</code>`);
    expect(html).toContain("Referatet er godkendt 10. september 2025 kl. 10.30.");

    const pdf = await renderMeetingPdf(input());
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const { info } = (await document.getMetadata()) as {
      info: { Keywords?: string; Custom?: Record<string, string>; CreationDate?: string };
    };
    await document.destroy();
    expect(info.Keywords).toBe(`SHA-256 ${HASH}`);
    expect(info.Custom?.["RecordHash"]).toBe(HASH);
    expect(info.CreationDate).toMatch(/^D:20250910083000/);
    expect((await pdfPageTexts(pdf))[0]).toContain(HASH);

    const docx = unzipSync(await renderMeetingDocx(input()));
    const text = (name: string) => new TextDecoder().decode(docx[name]);
    expect(text("docProps/custom.xml")).toContain(HASH);
    expect(text("docProps/core.xml")).toContain("2025-09-10T08:30:00Z");
    expect(text("word/document.xml")).toContain(HASH);
  });

  it("are byte-identical for the same record, however many documents the process made before", async () => {
    const [pdfA, docxA] = [await renderMeetingPdf(input()), await renderMeetingDocx(input())];
    // Other documents in between move docx's process-wide bookmark counter.
    await renderMeetingDocx(fixtureExportInput({ kind: "dagsorden" }));
    const [pdfB, docxB] = [await renderMeetingPdf(input()), await renderMeetingDocx(input())];
    expect(pdfA.equals(pdfB)).toBe(true);
    expect(docxA.equals(docxB)).toBe(true);
    expect(renderMeetingHtml(input())).toBe(renderMeetingHtml(input()));
  });

  it("keep the contents' links to their headings when bookmarks are renumbered", async () => {
    const xml = new TextDecoder().decode(
      unzipSync(await renderMeetingDocx(input()))["word/document.xml"],
    );
    const anchors = [...xml.matchAll(/w:anchor="(_Toc\d+)"/g)].map((m) => m[1]);
    const names = new Set(
      [...xml.matchAll(/w:bookmarkStart w:name="(_Toc\d+)"/g)].map((m) => m[1]),
    );
    expect(anchors.length).toBeGreaterThan(10);
    for (const anchor of anchors) expect(names.has(anchor)).toBe(true);
  });

  it("leave a bilag marked not public out of the public version only", () => {
    const withBilag = (variant: ExportInput["variant"]) =>
      renderMeetingHtml(
        fixtureExportInput({
          variant,
          change: (item) =>
            item.id === "demo-2-1"
              ? {
                  ...item,
                  attachments: [
                    {
                      id: "b1",
                      filename: "Offentlig.pdf",
                      contentType: "application/pdf",
                      size: 1,
                      sha256: "1".repeat(64),
                    },
                    {
                      id: "b2",
                      filename: "Klage.pdf",
                      contentType: "application/pdf",
                      size: 1,
                      sha256: "2".repeat(64),
                      notPublic: true,
                    },
                  ],
                }
              : item,
        }),
      );
    expect(withBilag("internal")).toContain("Bilag 2: Klage.pdf");
    const published = withBilag("public");
    expect(published).toContain("Bilag 1: Offentlig.pdf");
    expect(published).not.toContain("Klage.pdf");
  });
});
