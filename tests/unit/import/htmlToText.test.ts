import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../server/import/htmlToText";

describe("htmlToText", () => {
  it("gives a line per paragraph, list markers, a line per table row and decoded entities", () => {
    const html =
      "<h1>1. Sager</h1><p>Følgende punkter:</p><ul><li>Første</li><li>Andet</li></ul><p></p>" +
      "<ol><li>Et</li><li>To</li></ol>" +
      "<table><tr><td><p>Assens</p></td><td><p>Modtaget</p></td></tr></table>" +
      '<p>Tekst &amp; &lt;mere&gt; <strong>fed</strong> <a href="https://kl.dk">link</a>&#233;</p>';
    expect(htmlToText(html)).toBe(
      "1. Sager\nFølgende punkter:\n– Første\n– Andet\n\n1. Et\n2. To\nAssens Modtaget\nTekst & <mere> fed linké",
    );
  });

  it("breaks a line at <br />", () => {
    expect(htmlToText("<p>første linje<br />anden linje</p>")).toBe("første linje\nanden linje");
  });
});
