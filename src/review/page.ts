/**
 * The HTML document around the review's sections: one file with its style inline, no script, and a
 * Content-Security-Policy that forbids every request (a page opened from disk or mail stays offline).
 * @module
 */
import { type Markup, escapeHtml, renderContent } from "./html.js";

/** Screen and print style. System fonts only: nothing is downloaded. */
const STYLE = `
:root { color-scheme: light; --ink: #1d232b; --muted: #4d5866; --line: #d5dbe3; --card: #f4f7fb; --accent: #1f5fb4; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.note, footer { color: var(--muted); font-size: .9rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: .5rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.cards { list-style: none; padding: 0; margin: .5rem 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .75rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; display: flex; flex-direction: column; gap: .25rem; }
.kpi-name { font-size: .9rem; color: var(--muted); }
.kpi-value { font-size: 1.7rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.formulas { font-size: .85rem; color: var(--muted); padding-left: 1.5rem; }
a { color: var(--accent); }
.headline { font-weight: 600; }
figure { margin: .75rem 0; }
.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .9rem; color: var(--muted); }
.scroll { overflow-x: auto; margin: .5rem 0; }
table { border-collapse: collapse; min-width: 50%; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--card); }
tbody th { font-weight: 400; }
.num { text-align: right; white-space: nowrap; }
.not-contacted { color: #a42a21; font-weight: 600; }
.contacted { color: #174f99; }
data[title] { text-decoration: underline dotted #8a96a6; text-underline-offset: 3px; }
details { margin: 1rem 0; }
summary { cursor: pointer; font-weight: 600; }
footer { padding: 2rem 1rem; }
@media (max-width: 600px) { body { font-size: 15px; } .kpi-value { font-size: 1.4rem; } h1 { font-size: 1.35rem; } }
@media print {
  body { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  section, figure, .card, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  data[title] { text-decoration: none; }
}
`;

/** The whole document: `lang`, `<title>`, inline style, the heading and the sections. */
export function reviewPage(lang: string, title: string, subtitle: string, sections: readonly Markup[], footer: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="cs-metrics">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="note">${escapeHtml(subtitle)}</p></header>
<main>
${sections.map((section) => renderContent(section)).join("\n")}
</main>
<footer>${escapeHtml(footer)}</footer>
</body>
</html>
`;
}
