/**
 * Remote carets: a thin bar in the person's colour with their name above it. The label's text
 * colour is chosen for contrast against the person's colour, which the server assigns.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user["color"] === "string" ? user["color"] : "#6b7280";
  const name = typeof user["name"] === "string" ? user["name"] : "Ukendt";
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = color;
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = color;
  label.style.color = readableTextColor(color);
  label.textContent = name;
  caret.append(label);
  return caret;
}

/** Black or white, whichever contrasts more with a #rgb/#rrggbb colour (WCAG luminance). */
export function readableTextColor(background: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(background)?.[1];
  if (hex === undefined) return "#ffffff";
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(full.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05/(L+0.05); with black (L+0.05)/0.05. Pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#111111";
}
