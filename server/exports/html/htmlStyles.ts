/**
 * The HTML export's stylesheet, inline so the file stands alone. Colours keep at least 7:1
 * contrast on white for body text and 4.5:1 for everything else; the print part lays it out like
 * the PDF: A4, each section on a new page, the running header and "SIDE | n" in the page margins.
 */
export function htmlStyles(runningHeader: string, pageLabel: string): string {
  const cssString = (text: string) => `"${text.replace(/["\\]/g, "\\$&").replace(/\n/g, " ")}"`;
  return `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --accent: #14375e; --rule: #c8ced6;
  --closed-ink: #8a1111; --closed-bg: #fbecec; }
* { box-sizing: border-box; }
html { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 100%; line-height: 1.5;
  color: var(--ink); background: #ffffff; }
body { margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
a { color: var(--accent); text-decoration: underline; text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1, h2, h3, h4, h5 { color: var(--accent); line-height: 1.25; margin: 1.5em 0 0.5em; }
h1 { font-size: 2rem; margin-top: 0; }
h2 { font-size: 1.5rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.25rem; }
h3 { font-size: 1.2rem; }
h4 { font-size: 1rem; color: var(--ink); margin-bottom: 0.25rem; }
h5 { font-size: 1rem; font-weight: 600; font-style: italic; color: var(--ink); margin: 1em 0 0.25em; }
p { margin: 0 0 0.75em; }
.front-page { border-bottom: 1px solid var(--rule); padding-bottom: 1.5rem; margin-bottom: 2rem; }
.front-page .committee { font-size: 1.25rem; font-weight: 700; color: var(--accent); margin: 0; }
.front-page dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0 0; }
.front-page dt { font-weight: 700; }
.front-page dd { margin: 0; }
.running-header { color: var(--muted); font-size: 0.875rem; margin: 0 0 1rem; }
nav ol { list-style: none; padding-left: 0; }
nav ol ol { padding-left: 1.5rem; margin-bottom: 0.5rem; }
nav li { margin: 0.2rem 0; }
.toc-section > a { font-weight: 700; }
.closed-note { color: var(--closed-ink); font-size: 0.875rem; }
.item { margin-bottom: 2.5rem; }
.case-line { color: var(--muted); font-size: 0.9375rem; margin-top: -0.25rem; }
.closed-marker { display: inline-block; color: var(--closed-ink); background: var(--closed-bg);
  border: 1px solid var(--closed-ink); border-radius: 0.25rem; padding: 0.1rem 0.5rem; font-weight: 700; }
.dash-list { list-style-type: "– "; padding-left: 1.5rem; }
ol { padding-left: 1.75rem; }
li > p { margin-bottom: 0.25em; }
.bilag-marker { font-weight: 700; }
.bilag-list li { margin: 0.2rem 0; }
.table-wrap { overflow-x: auto; margin: 0 0 1em; }
table { border-collapse: collapse; min-width: 50%; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef1f5; }
td > p:last-child, th > p:last-child { margin-bottom: 0; }
.record-footer { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; border-top: 1px solid var(--rule);
  color: var(--muted); font-size: 0.875rem; }
.record-hash { font-family: "Liberation Mono", "Courier New", monospace; overflow-wrap: anywhere; color: var(--ink); }
.publication-status { max-width: 46rem; margin: 1rem auto 0; padding: 0.75rem 1rem; border: 2px solid var(--closed-ink);
  border-radius: 0.25rem; background: var(--closed-bg); }
.publication-status p { margin: 0 0 0.25rem; }
.publication-status p:last-child { margin-bottom: 0; }
@media print {
  @page { size: A4; margin: 25mm 20mm 22mm;
    @top-left { content: ${cssString(runningHeader)}; font-size: 8pt; color: #4a4a4a; }
    @bottom-right { content: ${cssString(`${pageLabel} | `)} counter(page); font-size: 8pt; color: #4a4a4a; }
  }
  @page :first { @top-left { content: none; } @bottom-right { content: none; } }
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .running-header { display: none; }
  .front-page { border: none; min-height: 60vh; break-after: page; }
  nav { break-after: page; }
  .agenda-section { break-before: page; }
  h2, h3, h4, h5 { break-after: avoid; }
  .item { break-inside: auto; }
  .closed-marker { background: none; }
}
`;
}
