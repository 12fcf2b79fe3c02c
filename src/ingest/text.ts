// Helpers shared by every format: decoding, normalisation, titles, dates, sizes.

/**
 * The one normal form of extracted text. Offsets stored by later stages point into this
 * string, so it must be a pure function of its input.
 * - Unicode NFC, so the same words typed differently compare equal;
 * - \r\n and lone \r become \n;
 * - trailing spaces and tabs are trimmed from every line;
 * - runs of blank lines collapse to one blank line (blank lines separate paragraphs, and the
 *   extractor splits sentences on them);
 * - leading and trailing whitespace of the whole text is removed.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Decoding outcome: the text, or why the bytes are not text. */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Decodes bytes that should be text. NUL bytes mean binary data (no text format uses them);
 * anything else must be valid UTF-8 unless another charset is named (HTML, HTTP headers).
 */
export function decodeText(bytes: Uint8Array, charset?: string): Decoded {
  // A byte-order mark names the encoding outright (and wins over a declared one, as in
  // browsers); UTF-16, as Windows editors save "Unicode" text, is full of NUL bytes.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (!utf16 && bytes.includes(0)) return { ok: false, reason: 'binary content (NUL bytes), not text' };
  const label = utf16 ?? (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : (charset ?? 'utf-8').trim().toLowerCase());
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { ok: false, reason: `unknown character set "${charset}"` };
  }
  try {
    const text = decoder.decode(bytes);
    // Decoded UTF-16 may still be binary that happened to start with a BOM.
    if (utf16 && text.includes('\u0000')) return { ok: false, reason: 'binary content (NUL characters), not text' };
    return { ok: true, text };
  } catch {
    return label === 'utf-8' || label === 'utf8'
      ? { ok: false, reason: 'not valid UTF-8 text (binary data or another encoding; convert it to UTF-8)' }
      : { ok: false, reason: `not valid ${charset} text` };
  }
}

/** A title candidate is usable when it has words and is short enough to be a heading. */
export function cleanTitle(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  const title = candidate.replace(/\s+/g, ' ').trim();
  return title.length > 0 && title.length <= 200 ? title : null;
}

/**
 * YAML front matter at the top of a Markdown file (between `---` lines): metadata, not prose,
 * so it is cut from the text; its `title:` and `date:` are read with a line match (no YAML
 * parser: only these two scalar keys are used).
 */
export function splitFrontMatter(text: string): { title: string | null; date: string | null; body: string } {
  const m = /^---\n([\s\S]*?)\n(?:---|\.\.\.)(?:\n|$)/.exec(text);
  if (!m) return { title: null, date: null, body: text };
  const value = (key: string) => {
    const line = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(m[1]);
    return line ? line[1].trim().replace(/^(["'])(.*)\1$/, '$2') : null;
  };
  return { title: cleanTitle(value('title')), date: toIsoDate(value('date')), body: text.slice(m[0].length) };
}

/** First Markdown heading (ATX `# T` or setext `T\n===`), else the first short line. */
export function titleFromText(text: string, markdown: boolean): string | null {
  const lines = text.split('\n');
  if (markdown) {
    for (let i = 0; i < lines.length; i++) {
      const atx = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(lines[i]);
      if (atx) return cleanTitle(atx[1].replace(/[*_`]/g, ''));
      if (lines[i].trim() && i + 1 < lines.length && /^ {0,3}(=+|-+)[ \t]*$/.test(lines[i + 1])) {
        return cleanTitle(lines[i].replace(/[*_`]/g, ''));
      }
    }
  }
  const first = lines.find((l) => l.trim().length > 0);
  const plain = markdown ? first?.replace(/^ {0,3}(?:[#>*+-]|\d+[.)])\s+/, '').replace(/[*_`]/g, '') : first;
  // A long first line is a paragraph, not a title: the caller falls back to the file name.
  return cleanTitle(plain);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Checks a user-given date (--date): YYYY-MM-DD and a day that exists. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isRealDate(+m[1], +m[2], +m[3]);
}

/**
 * Turns a metadata date into YYYY-MM-DD, or null when it is not a date.
 * ISO strings keep their own calendar day (the publisher's local date, ignoring the offset),
 * which is the date a reader of the page sees; other forms go through Date.parse.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(v);
  if (iso) return isRealDate(+iso[1], +iso[2], +iso[3]) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  const compact = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(v); // PDF dates: D:YYYYMMDDHHmmSS
  if (compact) {
    return isRealDate(+compact[1], +compact[2], +compact[3]) ? `${compact[1]}-${compact[2]}-${compact[3]}` : null;
  }
  // Only strings that name a year, so that "Monday" or "5" are not turned into dates.
  if (!/\b\d{4}\b/.test(v)) return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  // Strings without an offset parse as local time; the local getters give back the day written.
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)\b/i.test(v);
  return hasZone
    ? `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
    : `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const KB = 1024;
const MB = 1024 * 1024;

/** Human size: "20.0 MB", "512 KB", "900 bytes"; `exact` drops a ".0" (for limits). */
export function formatBytes(n: number, exact = false): string {
  const fmt = (x: number) => (exact && Number.isInteger(x) ? String(x) : x.toFixed(1));
  if (n >= MB) return `${fmt(n / MB)} MB`;
  if (n >= KB) return `${fmt(n / KB)} KB`;
  return `${n} bytes`;
}

export function tooLargeReason(size: number, limit: number): string {
  return `too large: ${formatBytes(size)} exceeds the ${formatBytes(limit, true)} limit (--max-bytes)`;
}
