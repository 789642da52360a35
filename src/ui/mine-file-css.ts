// The stylesheet of an exported mine file (一矿一档): A4 pages, the figures as tables, the map
// sketch at full width, a signature block; table heads repeated on every page, rows, the map and
// the signature never split, no heading left alone at a page's foot, ids never broken. The app's
// own print rules (review.css) follow the same layout; the page margins come from page-margin-css.ts.
export const MINE_FILE_CSS = `
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 11pt; color: #1f2a1f; margin: 0 auto; max-width: 180mm; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
h2 { font-size: 16pt; margin: 0 0 4mm; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
h4 { font-size: 11pt; margin: 3mm 0 1mm; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; page-break-inside: auto; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th[scope=col] { word-break: keep-all; hyphens: manual; }
th[scope=row], .id { white-space: nowrap; }
.mine-file-head { display: flex; justify-content: space-between; font-size: 9pt; color: #555; margin: 0 0 2mm; }
dl.rows { display: grid; grid-template-columns: 30mm 1fr 30mm 1fr; gap: 1mm 3mm; margin: 0; }
dl.rows dt { color: #555; } dl.rows dd { margin: 0; }
.mine-sketch { width: 100%; height: auto; border: 1px solid #bbb; page-break-inside: avoid; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; page-break-inside: avoid; }
.pair img { width: 100%; height: 55mm; object-fit: cover; }
figure { margin: 0; } figcaption { font-size: 8pt; color: #555; }
.review-history ol { margin: 0; padding-left: 5mm; font-size: 9pt; }
.review-history span { display: block; }
.note { color: #555; font-size: 9pt; }
.mine-signature { break-inside: avoid; page-break-inside: avoid; }
.mine-signature dl { display: grid; grid-template-columns: 1fr 1fr; gap: 0 10mm; margin: 4mm 0 0; }
.mine-signature dl > div { display: flex; align-items: flex-end; gap: 2mm; }
.mine-signature dd { flex: 1; margin: 0; min-height: 10mm; border-bottom: 1px solid #1f2a1f; }
`;
