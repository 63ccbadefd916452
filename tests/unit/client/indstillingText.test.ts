import { describe, expect, it } from "vitest";
import { indstillingText } from "../../../client/minutes/indstillingText";
import { suggestBeslutning } from "../../../shared/model/beslutning";

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("the Indstilling's text for suggesting a Beslutning", () => {
  it("reads the indstilling field only, blocks on their own lines", () => {
    const body = {
      type: "doc",
      content: [
        { type: "baggrund", content: [paragraph("Det indstilles, at noget andet.")] },
        {
          type: "indstilling",
          content: [
            {
              type: "paragraph",
              content: [
                { type: "text", text: "Det indstilles, at " },
                { type: "text", text: "KKR Syddanmark", marks: [{ type: "bold" }] },
                { type: "text", text: " godkender budgettet." },
              ],
            },
            {
              type: "bulletList",
              content: [{ type: "listItem", content: [paragraph("første punkt")] }],
            },
          ],
        },
        { type: "sagsfremstilling", content: [paragraph("Lang tekst.")] },
      ],
    };
    expect(indstillingText(body)).toBe(
      "Det indstilles, at KKR Syddanmark godkender budgettet.\nførste punkt",
    );
    expect(suggestBeslutning(indstillingText(body).split("\n")[0]!, "KKR Syddanmark")).toBe(
      "KKR Syddanmark godkendte budgettet.",
    );
  });

  it("is empty without a body or an indstilling", () => {
    expect(indstillingText(undefined)).toBe("");
    expect(indstillingText({ type: "doc", content: [] })).toBe("");
  });
});
