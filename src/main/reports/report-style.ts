/**
 * The report's one stylesheet. Fonts are the reader's own — a stack that
 * reaches the system's CJK fonts (PingFang, YaHei, Noto CJK, WenQuanYi...) —
 * except for the CJK glyphs the report carries itself (cjk-font.ts). Paper gets no dark backgrounds and keeps the chart and map
 * colours; sections start on a new page and figures never split.
 */
export const SANS_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"'
]

export const MONO_STACK = [
  'ui-monospace',
  '"SFMono-Regular"',
  'Menlo',
  'Consolas',
  '"DejaVu Sans Mono"',
  '"Liberation Mono"',
  '"Noto Sans Mono CJK SC"'
]

/**
 * An embedded face goes first: its unicode-range limits it to the CJK
 * characters it carries, and Chromium 156 was seen drawing some of them as
 * empty boxes when the face came after system families it does not have.
 */
export function reportStyle(embeddedFamily: string | null): string {
  const first = embeddedFamily ? [`"${embeddedFamily}"`] : []
  const sans = [...first, ...SANS_STACK, 'sans-serif'].join(', ')
  const mono = [...first, ...MONO_STACK, 'monospace'].join(', ')
  return `
:root { color-scheme: light; --ink: #1d232b; --muted: #5b6572; --rule: #d5dae0; --soft: #f3f5f7; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { background: #eef1f4; }
body { margin: 0; color: var(--ink); font-family: ${sans}; font-size: 14px; line-height: 1.5; }
.report { max-width: 1180px; margin: 0 auto; padding: 28px 36px 48px; background: #fff; }
header.top { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 18px; }
header.top .kicker { margin: 0; color: var(--accent); font-weight: 600; letter-spacing: 0.02em; }
h1 { font-size: 26px; margin: 2px 0 6px; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 20px 0 8px; }
h4 { font-size: 14px; margin: 0 0 4px; }
p { margin: 6px 0; }
.muted, .note, figcaption .unit { color: var(--muted); }
.note { font-size: 12.5px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 8px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; }
ul.tags { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
ul.tags li { border: 1px solid var(--rule); border-radius: 10px; padding: 0 8px; font-size: 12.5px; }
nav.toc ol { columns: 2; margin: 6px 0 0; padding-left: 22px; }
nav.toc a { color: var(--accent); text-decoration: none; }
code, pre, .mono { font-family: ${mono}; font-size: 12.5px; }
pre { margin: 6px 0; padding: 10px 12px; background: var(--soft); border: 1px solid var(--rule); border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.scenario { counter-reset: line; padding-left: 0; }
pre.scenario > span { display: block; padding-left: 4.2em; text-indent: -3.6em; }
pre.scenario > span::before { counter-increment: line; content: counter(line); display: inline-block; width: 3em; margin-right: 0.6em; text-align: right; color: var(--muted); }
pre.proc { white-space: pre; overflow-x: auto; overflow-wrap: normal; }
/* On screen a long scenario scrolls in its box; on paper it is printed whole. */
@media screen { pre.scenario { max-height: 26em; overflow-y: auto; } }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12.5px; }
th[scope='row'] { white-space: nowrap; color: var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; padding-left: 10px; }
td.label code { overflow-wrap: anywhere; }
td.best { font-weight: 700; }
.best-mark { color: #b8860b; margin-left: 3px; }
.sub { display: block; color: var(--muted); font-size: 11.5px; font-weight: 400; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.table-wrap { overflow-x: auto; }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 18px 26px; }
figure { margin: 0; }
figure.chart svg.plot { width: 100%; height: auto; display: block; }
figure.chart figcaption { margin-bottom: 2px; }
svg .grid { stroke: #e3e7eb; stroke-width: 1; }
svg .axis { stroke: #7b8592; stroke-width: 1; }
svg .tick { fill: #4a5461; font-size: 11px; }
svg .axis-title { fill: #4a5461; font-size: 11.5px; }
svg .line { fill: none; stroke-width: 1.7; stroke-linejoin: round; }
svg .band { opacity: 0.2; fill: none; }
svg.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
ul.legend { list-style: none; margin: 4px 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12.5px; }
ul.legend li { display: inline-flex; align-items: center; gap: 6px; }
svg.swatch { width: 28px; height: 10px; flex: none; }
.map-legend svg.swatch { width: 18px; height: 12px; }
figure.map { margin: 10px 0 14px; }
svg.map { width: 100%; height: 34px; display: block; }
svg.map .map-frame { fill: none; stroke: #555; stroke-width: 0.8; vector-effect: non-scaling-stroke; }
svg .mixed { fill: #333; }
.scale { display: flex; justify-content: space-between; font-size: 11.5px; color: var(--muted); }
ol.free-list { columns: 5 10em; column-gap: 24px; margin: 4px 0; padding-left: 2.4em; font-size: 12.5px; font-variant-numeric: tabular-nums; }
ol.free-list li { break-inside: avoid; }
ol.free-list li .mono { display: inline-block; min-width: 5.5em; }
article.key-step { border-left: 4px solid var(--accent); padding: 6px 0 6px 12px; margin: 12px 0; }
article.key-step.failure { border-left-color: #b3261e; }
article.key-step ul.structural { margin: 4px 0; padding-left: 20px; }
tr.key td { font-weight: 700; background: #fff6d6; }
.marker { color: var(--accent); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html, body, .report { background: #fff; }
  body { font-size: 10pt; }
  .report { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section.major { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  figure, table, pre.proc, article.key-step, dl.facts { break-inside: avoid; }
  /* slabinfo's header is about 150 columns: small type, and wrapped rather than cut off. */
  pre.proc { white-space: pre-wrap; font-size: 7pt; }
  pre, tr.key td, ul.tags li { background: #fff; }
  .table-wrap { overflow: visible; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`
}
