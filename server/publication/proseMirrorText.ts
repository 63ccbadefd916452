/**
 * The text of ProseMirror JSON as a reader of an export would see it, for the personal-data
 * check: blocks on their own lines, `./.` markers with their label, and a link's address after
 * its text when it differs — an address can be published even where the text does not show it.
 */
export function proseMirrorText(node: unknown): string {
  const lines: string[] = [];
  let line = "";
  const walk = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    const record = value as {
      type?: unknown;
      text?: unknown;
      content?: unknown;
      attrs?: unknown;
      marks?: unknown;
    };
    const attrs = (
      typeof record.attrs === "object" && record.attrs !== null ? record.attrs : {}
    ) as Record<string, unknown>;
    if (typeof record.text === "string") {
      line += record.text;
      const href = linkHref(record.marks);
      if (href !== null && href.replace(/^mailto:/i, "") !== record.text) line += ` <${href}>`;
      return;
    }
    if (record.type === "hardBreak") {
      line += "\n";
      return;
    }
    if (record.type === "attachmentMarker") {
      line += `./. ${typeof attrs.label === "string" ? attrs.label : ""}`;
      return;
    }
    const children = Array.isArray(record.content) ? record.content : [];
    const isTextBlock = children.some(
      (child) => typeof (child as { text?: unknown } | null)?.text === "string",
    );
    children.forEach(walk);
    if (isTextBlock || record.type === "paragraph" || record.type === "heading") {
      lines.push(line);
      line = "";
    }
  };
  walk(node);
  if (line !== "") lines.push(line);
  return lines.filter((text) => text.trim() !== "").join("\n");
}

function linkHref(marks: unknown): string | null {
  if (!Array.isArray(marks)) return null;
  for (const mark of marks) {
    const record = mark as { type?: unknown; attrs?: { href?: unknown } } | null;
    if (record?.type === "link" && typeof record.attrs?.href === "string") return record.attrs.href;
  }
  return null;
}
