// Word (.docx): raw text through mammoth, the title from the package's core properties.

import JSZip from 'jszip';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { cleanTitle } from './text.js';

export type DocxResult = { ok: true; title: string | null; text: string } | { ok: false; reason: string };

/** dc:title of docProps/core.xml; null when absent or unreadable (the title is optional). */
async function coreTitle(bytes: Buffer): Promise<string | null> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const core = await zip.file('docProps/core.xml')?.async('string');
    if (!core) return null;
    const { document } = parseHTML(core, 'text/xml');
    const el = document.getElementsByTagName('dc:title')[0];
    return cleanTitle(el?.textContent);
  } catch {
    return null;
  }
}

export async function parseDocx(bytes: Uint8Array): Promise<DocxResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A .docx is a zip archive; anything else (an old binary .doc renamed, a truncated
  // download) is refused with a reason rather than mammoth's internal message alone.
  if (!(buffer[0] === 0x50 && buffer[1] === 0x4b)) {
    const isOle = buffer.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    return {
      ok: false,
      reason: isOle
        ? 'not a readable Word document: this is an old binary .doc file; save it as .docx'
        : 'not a readable Word document: not a zip archive',
    };
  }
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer })).value;
  } catch (err) {
    return { ok: false, reason: `not a readable Word document: ${(err as Error).message ?? String(err)}` };
  }
  return { ok: true, title: await coreTitle(buffer), text };
}
