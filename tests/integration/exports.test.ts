import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  readBeslutninger,
  renderDecisionExtract,
  renderMeetingDocx,
  renderMeetingHtml,
  renderMeetingPdf,
} from "../../server/exports";
import type { ExportInput } from "../../server/exports";
import { readMeetingDocument } from "../../server/meetings/readMeetingDocument";
import { DEMO_MEETING_ID } from "../../server/seed/seedDemo";
import { docxText, pdfPageTexts, pdfTagging } from "../unit/exports/readExports";
import { login } from "./helpers/session";
import { startTestServer, type TestServer } from "./helpers/testServer";

/** Item 2.3 of the demo meeting, closed in this test. */
const CLOSED_ITEM = "demo-2-3";
const CLOSED_TITLE = "2.3. Det fælleskommunale sundhedssekretariats regnskab og årsrapport";
const CLOSED_BODY = "Fælleskommunalt Sundhedssekretariat har udarbejdet et årsregnskab";
const CLOSED_BESLUTNING_ITEM = "demo-2-3";
const COMMENT = "Intern kommentar 7391: dette må aldrig stå i et eksport";

function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

describe("exports of the demo meeting from the running server", () => {
  let server: TestServer;
  let input: Omit<ExportInput, "variant">;
  const texts: Record<string, Record<"html" | "pdf" | "docx", string>> = {};
  let publicPdf: Buffer;

  beforeAll(async () => {
    server = await startTestServer();
    const secretariat = await login(server.url, "sekretariat@demo.dk");
    // A comment on an open item and one on the closed item: neither may reach any export.
    for (const itemId of ["demo-2-1", CLOSED_ITEM]) {
      const response = await secretariat.request("POST", `/api/items/${itemId}/comments`, {
        anchor: { start: "AA==", end: "AA==" },
        quote: "sundhed",
        text: COMMENT,
      });
      expect(response.status).toBe(201);
    }
    await server.meetings.runCommand(
      DEMO_MEETING_ID,
      { type: "updateItem", itemId: CLOSED_ITEM, closed: true },
      "u-sekretariat",
    );
    const document = await readMeetingDocument(server.meetings, server.sync, DEMO_MEETING_ID);
    const beslutninger = await readBeslutninger(server.sync, document.meeting);
    input = { document, kind: "referat", beslutninger };
    for (const variant of ["public", "internal"] as const) {
      const pdf = await renderMeetingPdf({ ...input, variant });
      const docx = await renderMeetingDocx({ ...input, variant });
      texts[variant] = {
        html: renderMeetingHtml({ ...input, variant }),
        pdf: flat((await pdfPageTexts(pdf)).join("\n")),
        docx: flat(await docxText(docx)),
      };
      if (variant === "public") publicPdf = pdf;
    }
  }, 120_000);

  afterAll(async () => {
    await server?.dispose();
  });

  it("reads each item's Beslutning from the minutes document, as the store has it", async () => {
    const stored = await server.store.docs.loadDoc(`minutes:${DEMO_MEETING_ID}`);
    expect(stored).not.toBeNull();
    const doc = new Y.Doc();
    if (stored!.snapshot) Y.applyUpdate(doc, stored!.snapshot);
    for (const update of stored!.updates) Y.applyUpdate(doc, update);
    const fromStore = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment("demo-1-1")) as {
      content: unknown[];
    };
    expect(input.beslutninger["demo-1-1"]).toEqual(fromStore.content);
    expect(JSON.stringify(input.beslutninger["demo-1-1"])).toContain("Referatet blev godkendt.");
    expect(input.beslutninger[CLOSED_BESLUTNING_ITEM]).toBeDefined();
    doc.destroy();
  });

  for (const format of ["pdf", "docx", "html"] as const) {
    it(`${format}: numbering, titles, case lines, field headings`, () => {
      const text = texts.public![format];
      for (const expected of [
        "1. Godkendelse af referat",
        "1.1. Godkendelse af referat fra mødet i KKR Syddanmark d. 17. juni 2025",
        "2. Regionalpolitiske sager",
        "2.1. Temadrøftelse om sundhedsreformen og de kommende sundhedsråd v. Per Okkels",
        "2.9. Orientering om Socialtilsyn Syds årsrapport 2024 og finansiering 2026",
        "4.1. Eventuelt",
        "SAG-2025-03188 mlal",
        "SAG-2025-03188 mlal/anjh",
        "Baggrund",
        "Indstilling",
        "Sagsfremstilling",
        "Beslutning",
        "Referatet blev godkendt.",
      ]) {
        expect(text).toContain(expected);
      }
    });

    it(`${format}: public keeps the closed item's title and leaves out its body; internal has all`, () => {
      expect(texts.public![format]).toContain(CLOSED_TITLE);
      expect(texts.public![format]).toContain("Lukket punkt");
      expect(texts.public![format]).not.toContain(CLOSED_BODY);
      expect(texts.internal![format]).toContain(CLOSED_TITLE);
      expect(texts.internal![format]).toContain(CLOSED_BODY);
    });

    it(`${format}: has no comment text, in either variant`, () => {
      expect(texts.public![format]).not.toContain("7391");
      expect(texts.internal![format]).not.toContain("7391");
    });
  }

  it("pdf: reports itself as tagged, in Danish, with the running header on the pages", async () => {
    const latin1 = publicPdf.toString("latin1");
    expect(latin1).toContain("/StructTreeRoot");
    expect(latin1).toMatch(/\/MarkInfo\s+\d+ 0 R|\/MarkInfo\s*<<[^>]*\/Marked true/);
    expect(latin1).toContain("/Lang (da-DK)");
    const tagging = await pdfTagging(publicPdf);
    expect(tagging.markInfo?.Marked).toBe(true);
    expect(tagging.lang).toBe("da-DK");
    expect(tagging.roles).toEqual(expect.arrayContaining(["H1", "H2", "H3", "H4", "P", "L", "LI"]));
    expect(texts.public!.pdf).toContain("KKR Syddanmark | 03-09-2025");
    expect(texts.public!.pdf).toContain("SIDE | 3");
  });

  it("pdf: a delreferat of one item, for the case system", async () => {
    const pdf = await renderDecisionExtract({ ...input, variant: "internal" }, "demo-1-1");
    const text = flat((await pdfPageTexts(pdf)).join("\n"));
    expect(text).toContain("Delreferat");
    expect(text).toContain("1.1. Godkendelse af referat fra mødet i KKR Syddanmark");
    expect(text).toContain("SAG-2025-03188 mlal");
    expect(text).toContain("Det indstilles, at KKR Syddanmark godkender referatet");
    expect(text).toContain("Referatet blev godkendt.");
    expect(text).toContain("3. september 2025");
    expect((await pdfTagging(pdf)).markInfo?.Marked).toBe(true);
  });
});
