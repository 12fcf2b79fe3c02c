// PDF: the text layer through unpdf (pdf.js), with paragraphs rebuilt from line spacing.

import { getDocumentProxy } from 'unpdf';
import { cleanTitle, toIsoDate } from './text.js';

export type PdfResult =
  | { ok: true; title: string | null; published: string | null; text: string; pages: number }
  | { ok: false; reason: string };

interface TextItem {
  str: string;
  transform: number[];
  hasEOL: boolean;
}
const isTextItem = (it: unknown): it is TextItem => typeof it === 'object' && it !== null && 'str' in it;

interface Line {
  text: string;
  y: number;
  size: number;
}

/**
 * pdf.js gives positioned runs of text, not paragraphs. Runs are joined into lines at each
 * end-of-line mark. A gap between baselines clearly wider than the page's usual line spacing
 * (its median gap), or a jump back up the page as at a new column, starts a new paragraph, so
 * the blank-line convention of the other formats holds for PDFs too. Measuring against the
 * page's own spacing keeps double-spaced documents from turning every line into a paragraph.
 */
function pageText(items: TextItem[]): string {
  const lines: Line[] = [];
  let text = '';
  let y = Number.NaN;
  let size = 0;
  for (const item of items) {
    if (text === '' && item.str.trim() !== '') {
      y = item.transform[5];
    }
    text += item.str;
    size = Math.max(size, Math.hypot(item.transform[2], item.transform[3]));
    if (item.hasEOL) {
      if (text.trim()) lines.push({ text, y, size });
      text = '';
      size = 0;
    }
  }
  if (text.trim()) lines.push({ text, y, size });

  const gaps = lines.slice(1).map((line, i) => lines[i].y - line.y).filter((g) => g > 0).sort((a, b) => a - b);
  const usual = gaps.length ? gaps[Math.floor((gaps.length - 1) / 2)] : 0;
  let out = '';
  lines.forEach((line, i) => {
    const clean = line.text.replace(/\s+/g, ' ').trim();
    if (i > 0) {
      const prev = lines[i - 1];
      const gap = prev.y - line.y;
      const size = Math.max(prev.size, line.size, 1);
      const paragraph = gap < -size || gap > Math.max(usual * 1.3, size * 1.15);
      out += paragraph ? '\n\n' : '\n';
    }
    out += clean;
  });
  return out;
}

export async function parsePdf(bytes: Uint8Array): Promise<PdfResult> {
  let pdf;
  try {
    // A copy: pdf.js may take ownership of (detach) the buffer it is given.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'PasswordException') return { ok: false, reason: 'the PDF is password-protected' };
    return { ok: false, reason: `not a readable PDF: ${e.message ?? String(err)}` };
  }
  try {
    let title: string | null = null;
    let published: string | null = null;
    try {
      const info = (await pdf.getMetadata()).info as Record<string, unknown>;
      title = typeof info.Title === 'string' ? cleanTitle(info.Title) : null;
      published = typeof info.CreationDate === 'string' ? toIsoDate(info.CreationDate) : null;
    } catch {
      // A broken info dictionary should not cost the text.
    }
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as unknown[]).filter(isTextItem);
      pages.push(pageText(items));
      page.cleanup();
    }
    const text = pages.filter((p) => p.trim()).join('\n\n');
    return { ok: true, title, published, text, pages: pdf.numPages };
  } catch (err) {
    return { ok: false, reason: `not a readable PDF: ${(err as Error).message ?? String(err)}` };
  } finally {
    await pdf.destroy();
  }
}
