// The ingest stage: inputs (files, folders, URLs) to plain-text documents with metadata.
// Every input that cannot become a document raises IngestError with a reason for the user;
// callers record it and go on with the next input.

import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseDocx } from './docx.js';
import { fetchUrl } from './fetch.js';
import { parseHtml, sniffHtmlCharset } from './html.js';
import { parsePdf } from './pdf.js';
import { decodeText, isIsoDate, normaliseText, splitFrontMatter, titleFromText, tooLargeReason } from './text.js';
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  IngestError,
  type IngestedDocument,
  type IngestOptions,
  type InputRef,
} from './types.js';

export { IngestError, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS };
export type { IngestedDocument, IngestOptions, InputRef };
export { normaliseText } from './text.js';

export const MEDIA_TYPES = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
type Kind = keyof typeof MEDIA_TYPES;

const EXTENSIONS: Record<string, Kind> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};
const SUPPORTED = '.txt, .md, .markdown, .html, .htm, .pdf, .docx';

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Options with defaults applied; a bad value is a usage error (plain Error), not a bad input. */
export function resolveOptions(options: IngestOptions = {}): Required<Omit<IngestOptions, 'defaultDate'>> & {
  defaultDate: string | null;
} {
  const { defaultDate, maxBytes = DEFAULT_MAX_BYTES, timeoutMs = DEFAULT_TIMEOUT_MS, allowPrivate = false } = options;
  if (defaultDate !== undefined && !isIsoDate(defaultDate)) {
    throw new Error(`invalid --date "${defaultDate}": expected a real calendar date as YYYY-MM-DD, e.g. 2017-04-03`);
  }
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new Error(`invalid --max-bytes ${maxBytes}: expected a positive whole number of bytes`);
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`invalid timeout ${timeoutMs}: expected a positive number of milliseconds`);
  }
  return { defaultDate: defaultDate ?? null, maxBytes, timeoutMs, allowPrivate };
}

/**
 * Turns command-line inputs into a list of files and URLs: http(s) URLs pass through, a
 * folder is walked recursively in sorted order (dotfiles and dot-folders skipped), a file is
 * taken as it is. A missing path or a non-http(s) URL throws IngestError naming it.
 * Files reached twice (a file and its folder both given, symlinks) are listed once.
 */
export async function expandInputs(inputs: string[]): Promise<InputRef[]> {
  const refs: InputRef[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const addFile = async (path: string) => {
    const real = await realpath(path).catch(() => path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    refs.push({ kind: 'file', path });
  };
  const walk = async (dir: string) => {
    const real = await realpath(dir);
    if (seenDirs.has(real)) return; // a symlink loop or a folder given twice
    seenDirs.add(real);
    const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
    for (const name of names) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null); // a dangling symlink: nothing to read
      if (!info) continue;
      if (info.isDirectory()) await walk(path);
      else if (info.isFile()) await addFile(path);
    }
  };
  for (const input of inputs) {
    if (URL_PATTERN.test(input)) {
      if (!/^https?:\/\//i.test(input)) {
        throw new IngestError(input, `unsupported URL scheme "${input.split(':')[0]}:": only http and https are fetched`);
      }
      refs.push({ kind: 'url', url: input });
      continue;
    }
    const path = resolve(input);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new IngestError(
        input,
        code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : `cannot read: ${(err as Error).message}`,
      );
    }
    if (info.isDirectory()) await walk(path);
    else await addFile(path);
  }
  return refs;
}

/** The format a file's name and first bytes point to, or why it is not one we read. */
function kindOfFile(path: string, bytes: Uint8Array): Kind | { reason: string } {
  const ext = extname(path).toLowerCase();
  const kind = EXTENSIONS[ext];
  if (kind) return kind;
  const binary = bytes.subarray(0, 8192).includes(0);
  if (ext === '.doc') return { reason: 'unsupported file type ".doc" (old Word format): save it as .docx' };
  if (ext === '') {
    // No extension: decide by content, as `file` would.
    if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'pdf';
    if (binary) return { reason: `binary file with no extension, not a supported document (${SUPPORTED})` };
    return /^\s*<(!doctype html|html)[\s>]/i.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1')) ? 'html' : 'text';
  }
  return {
    reason: `unsupported file type "${ext}"${binary ? ' (binary content)' : ''}: supported are ${SUPPORTED}`,
  };
}

/** The format a Content-Type names; a generic type falls back to the URL's file extension. */
function kindOfMediaType(contentType: string | null, url: string): Kind | { reason: string } {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  switch (type) {
    case 'text/html':
    case 'application/xhtml+xml':
      return 'html';
    case 'text/plain':
      return 'text';
    case 'text/markdown':
    case 'text/x-markdown':
      return 'markdown';
    case 'application/pdf':
    case 'application/x-pdf':
      return 'pdf';
    case MEDIA_TYPES.docx:
      return 'docx';
  }
  if (type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream') {
    const kind = EXTENSIONS[extname(new URL(url).pathname).toLowerCase()];
    if (kind) return kind;
  }
  return { reason: `unsupported media type "${type || 'none'}": supported are HTML, plain text, Markdown, PDF and Word (.docx)` };
}

function charsetOf(contentType: string | null): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return m ? m[1] : undefined;
}

interface Parsed {
  title: string | null;
  published: string | null;
  text: string;
}

async function parse(kind: Kind, bytes: Uint8Array, origin: string, charset: string | undefined): Promise<Parsed> {
  switch (kind) {
    case 'text':
    case 'markdown': {
      const decoded = decodeText(bytes, charset);
      if (!decoded.ok) throw new IngestError(origin, decoded.reason);
      const text = normaliseText(decoded.text);
      if (kind === 'text') return { title: titleFromText(text, false), published: null, text };
      const front = splitFrontMatter(text);
      return { title: front.title ?? titleFromText(front.body, true), published: front.date, text: front.body };
    }
    case 'html': {
      const declared = charset ?? sniffHtmlCharset(bytes);
      let decoded = decodeText(bytes, declared);
      // Undeclared and not UTF-8: browsers read such pages as windows-1252, and so do we.
      if (!decoded.ok && declared === undefined && !bytes.includes(0)) decoded = decodeText(bytes, 'windows-1252');
      if (!decoded.ok) throw new IngestError(origin, decoded.reason);
      return parseHtml(decoded.text);
    }
    case 'pdf': {
      const pdf = await parsePdf(bytes);
      if (!pdf.ok) throw new IngestError(origin, pdf.reason);
      if (!normaliseText(pdf.text)) {
        throw new IngestError(
          origin,
          `the PDF has no text layer (${pdf.pages} page${pdf.pages === 1 ? '' : 's'} of images only?): run OCR on it first`,
        );
      }
      return pdf;
    }
    case 'docx': {
      const docx = await parseDocx(bytes);
      if (!docx.ok) throw new IngestError(origin, docx.reason);
      return { title: docx.title ?? titleFromText(normaliseText(docx.text), false), published: null, text: docx.text };
    }
  }
}

/** The name a document falls back to for a title: its file name without extension. */
function nameOf(pathOrUrl: string, isUrl: boolean): string {
  if (isUrl) {
    const u = new URL(pathOrUrl);
    const last = u.pathname.split('/').filter(Boolean).pop();
    let name = last ?? u.hostname;
    try {
      name = decodeURIComponent(name);
    } catch {
      // keep the encoded form
    }
    return basename(name, extname(name)) || u.hostname;
  }
  const base = basename(pathOrUrl);
  return basename(base, extname(base)) || base;
}

/**
 * Reads one file or URL into a document. Throws IngestError(origin, reason) for an input that
 * cannot become one (empty, too large, binary or unsupported, corrupt, no text), and a plain
 * Error for invalid options.
 */
export async function readDocument(ref: InputRef, options: IngestOptions = {}): Promise<IngestedDocument> {
  const opts = resolveOptions(options);
  let origin: string;
  let bytes: Uint8Array;
  let kind: Kind | { reason: string };
  let charset: string | undefined;
  let name: string;

  if (ref.kind === 'file') {
    origin = resolve(ref.path);
    let info;
    try {
      info = await stat(origin);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new IngestError(origin, code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message}`);
    }
    if (info.isDirectory()) throw new IngestError(origin, 'is a folder, not a file');
    if (!info.isFile()) throw new IngestError(origin, 'not a regular file');
    // Size is checked before reading, so a huge file is never loaded.
    if (info.size > opts.maxBytes) throw new IngestError(origin, tooLargeReason(info.size, opts.maxBytes));
    try {
      bytes = await readFile(origin);
    } catch (err) {
      throw new IngestError(origin, `cannot read: ${(err as Error).message}`);
    }
    // The file may have changed between stat and read.
    if (bytes.length > opts.maxBytes) throw new IngestError(origin, tooLargeReason(bytes.length, opts.maxBytes));
    if (bytes.length === 0) throw new IngestError(origin, 'empty file');
    kind = kindOfFile(origin, bytes);
    name = nameOf(origin, false);
  } else {
    const fetched = await fetchUrl(ref.url, {
      maxBytes: opts.maxBytes,
      timeoutMs: opts.timeoutMs,
      allowPrivate: opts.allowPrivate,
    });
    origin = fetched.finalUrl;
    bytes = fetched.body;
    if (bytes.length === 0) throw new IngestError(origin, 'empty response: the server sent no content');
    kind = kindOfMediaType(fetched.contentType, origin);
    charset = charsetOf(fetched.contentType);
    name = nameOf(origin, true);
  }
  if (typeof kind !== 'string') throw new IngestError(origin, kind.reason);

  const parsed = await parse(kind, bytes, origin, charset);
  const text = normaliseText(parsed.text);
  if (!text) {
    const what: Record<Kind, string> = {
      text: 'no text: the file holds only whitespace',
      markdown: 'no text: the file holds only whitespace',
      html: 'no readable text found in the page',
      pdf: 'no text extracted from the PDF',
      docx: 'no text in the Word document',
    };
    throw new IngestError(origin, what[kind]);
  }
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    title: parsed.title ?? name,
    published: parsed.published ?? opts.defaultDate,
    origin,
    mediaType: MEDIA_TYPES[kind],
    text,
    byteLength: bytes.length,
  };
}
