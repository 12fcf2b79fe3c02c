#!/usr/bin/env node
// Writes a plain-text file as a simple PDF with a real text layer (Helvetica, A4, wrapped
// lines, several pages if needed), with Title and CreationDate in the info dictionary.
// Used to make the PDF example and test fixtures from text we wrote ourselves.
//   node scripts/text-to-pdf.mjs in.txt out.pdf --title "Title" --date 2017-07-12
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, ...rest] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: text-to-pdf.mjs IN.txt OUT.pdf [--title T] [--date YYYY-MM-DD]\n');
  process.exit(1);
}
const flag = (name) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
const text = readFileSync(input, 'utf8');
if (/[^\x09\x0a\x0d\x20-\x7e]/.test(text)) {
  process.stderr.write(`${input}: only printable ASCII is supported by this simple writer\n`);
  process.exit(1);
}

const WIDTH = 90, LINES_PER_PAGE = 50;
const lines = [];
for (const paragraph of text.split('\n')) {
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WIDTH) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
}
const pages = [];
for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));

const esc = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`);
const objects = []; // index i holds object number i + 1
const add = (body) => { objects.push(body); return objects.length; };
const catalog = add(null), pagesObj = add(null), font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
const kids = [];
for (const page of pages) {
  const stream = ['BT', '/F1 11 Tf', '14 TL', '56 790 Td', ...page.map((l) => `(${esc(l)}) '`), 'ET'].join('\n');
  const content = add(`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`);
  kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
}
objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
const date = flag('--date');
const info = add(`<< /Title (${esc(flag('--title') ?? '')}) /Producer (skein text-to-pdf)${date ? ` /CreationDate (D:${date.replace(/-/g, '')}000000Z)` : ''} >>`);

let pdf = '%PDF-1.4\n';
const offsets = [];
objects.forEach((body, i) => { offsets.push(Buffer.byteLength(pdf)); pdf += `${i + 1} 0 obj\n${body}\nendobj\n`; });
const xref = Buffer.byteLength(pdf);
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
writeFileSync(output, pdf, 'latin1');
