import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAgendaText } from "../../../server/import/index";
import type { ParsedItem, ProseMirrorJson } from "../../../server/import/index";
import { itemBodySchema } from "../../../shared/editor/index";
import { FIXTURES } from "./fixtureExpectations";

const FIXTURE_DIR = path.resolve(import.meta.dirname, "../../fixtures/agendas");

function fixtureItems(file: string): ParsedItem[] {
  const result = parseAgendaText(readFileSync(path.join(FIXTURE_DIR, file), "utf8"));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.sections.flatMap((section) => section.items);
}

function nodeTypes(node: ProseMirrorJson): string[] {
  return [node.type, ...(node.content ?? []).flatMap(nodeTypes)];
}

describe.each(FIXTURES)("the rich text of $file", ({ file }) => {
  const items = fixtureItems(file);

  it("is a valid item body for every item", () => {
    const schema = itemBodySchema();
    for (const item of items) {
      expect(() => schema.nodeFromJSON(item.body).check(), item.number).not.toThrow();
      expect(item.body.content?.map((field) => field.type)).toEqual([
        "baggrund",
        "indstilling",
        "sagsfremstilling",
      ]);
    }
  });

  it("has Beslutning blocks that are valid field content, or null without a Beslutning", () => {
    const schema = itemBodySchema();
    for (const item of items) {
      if (item.fields.beslutning === null) {
        expect(item.beslutning).toBeNull();
        continue;
      }
      const field = { type: "sagsfremstilling", content: item.beslutning ?? [] };
      expect(() => schema.nodeFromJSON(field).check(), item.number).not.toThrow();
    }
  });

  it("holds the same text as the plain-text fields", () => {
    const schema = itemBodySchema();
    for (const item of items) {
      const body = schema.nodeFromJSON(item.body);
      body.forEach((field, _offset, index) => {
        const name = (["baggrund", "indstilling", "sagsfremstilling"] as const)[index]!;
        const plain = (item.fields[name] ?? "").replace(/^(– |\d+\. )/gm, "").replace(/\s+/g, "");
        expect(field.textContent.replace(/\s+/g, ""), `${item.number} ${name}`).toBe(plain);
      });
    }
  });
});

describe("rich text from the 2025 minutes", () => {
  const items = fixtureItems("kkr-syddanmark-2025-09-03-referat.txt");
  const item = (number: string) => items.find((candidate) => candidate.number === number)!;

  it("gives an empty field one empty paragraph", () => {
    const eventuelt = item("4.1");
    expect(eventuelt.body.content).toEqual([
      { type: "baggrund", content: [{ type: "paragraph" }] },
      { type: "indstilling", content: [{ type: "paragraph" }] },
      { type: "sagsfremstilling", content: [{ type: "paragraph" }] },
    ]);
    const siden = item("2.2").body.content![2]!;
    expect(siden).toEqual({ type: "sagsfremstilling", content: [{ type: "paragraph" }] });
  });

  it("makes sub-headings level-3 headings and dash lists bullet lists", () => {
    const sagsfremstilling = item("2.3").body.content![2]!;
    expect(sagsfremstilling.content![0]).toEqual({
      type: "heading",
      attrs: { level: 3 },
      content: [{ type: "text", text: "Årsrapport 2024" }],
    });
    expect(nodeTypes(sagsfremstilling)).toContain("bulletList");
    const beslutning = item("2.2").beslutning!;
    expect(beslutning[0]!.type).toBe("bulletList");
    expect(beslutning[0]!.content).toHaveLength(10);
    expect(beslutning[1]).toEqual({
      type: "paragraph",
      content: [{ type: "text", text: "KKR Syddanmark tog orienteringen til efterretning." }],
    });
  });

  it("keeps the attachment marker as the start of its paragraph", () => {
    const baggrund = item("2.1").body.content![0]!;
    const marked = baggrund.content!.filter((block) =>
      block.content?.[0]?.text?.startsWith("./. KL har samlet"),
    );
    expect(marked).toHaveLength(1);
  });
});

describe("rich text from the 2023 agenda", () => {
  const items = fixtureItems("kkr-syddanmark-2023-dagsorden.txt");

  it("makes a numbered list an ordered list starting at 1", () => {
    const baggrund = items.find((item) => item.number === "2.1")!.body.content![0]!;
    const list = baggrund.content!.find((block) => block.type === "orderedList");
    expect(list?.attrs).toEqual({ start: 1, type: null });
    expect(list?.content).toHaveLength(4);
  });
});

describe("rich text from the 2020 agenda", () => {
  const items = fixtureItems("kkr-syddanmark-2020-11-11-dagsorden.txt");

  it("marks a web address in the text as a link", () => {
    const baggrund = items.find((item) => item.number === "1.1")!.body.content![0]!;
    const link = baggrund.content![0]!.content!.find((node) => node.marks !== undefined);
    expect(link).toEqual({
      type: "text",
      text: "https://www.kl.dk/politik/kkr/kkr-syddanmark/moededatoer-dagsordener-og-referater/",
      marks: [
        {
          type: "link",
          attrs: {
            href: "https://www.kl.dk/politik/kkr/kkr-syddanmark/moededatoer-dagsordener-og-referater/",
          },
        },
      ],
    });
  });

  it("keeps a run of short lines as one paragraph with line breaks", () => {
    const baggrund = items.find((item) => item.number === "2.4")!.body.content![0]!;
    const table = baggrund.content![1]!;
    expect(table.type).toBe("paragraph");
    expect(table.content!.filter((node) => node.type === "hardBreak")).toHaveLength(22);
  });
});
