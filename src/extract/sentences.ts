// Sentence splitting over tokens: a sentence ends at . ! ? (and any closing quotes) when the
// next token could start a sentence, unless the full stop belongs to an abbreviation or an
// initial; a paragraph break always ends one.
import type { Sentence } from './types.js';
import type { Token } from './tokens.js';
import { ABBREVIATIONS, FUNCTION_WORDS } from './lexicons.js';

export interface TokenSentence extends Sentence {
  /** Token range [tokStart, tokEnd). */
  tokStart: number;
  tokEnd: number;
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);
const OPENERS_RX = /^[“"‘'(\[]$/;

export function splitSentences(text: string, tokens: Token[]): TokenSentence[] {
  const out: TokenSentence[] = [];
  let first = 0;
  const close = (endTok: number) => {
    if (endTok <= first) return;
    const start = tokens[first].start;
    const end = tokens[endTok - 1].end;
    out.push({ index: out.length, start, end, text: text.slice(start, end), tokStart: first, tokEnd: endTok });
    first = endTok;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > first && t.para) close(i);
    const ch = t.text;
    if (ch !== '.' && ch !== '!' && ch !== '?' && !(t.word && t.text.endsWith('.') && /\p{L}\.$/u.test(t.text))) {
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j].text) && tokens[j].start === tokens[j - 1].end) j++;
    const next = tokens[j];
    if (!next) continue;
    if (next.para) continue; // closed by the paragraph rule on the next pass
    const startsSentence = next.cap || /^\p{N}/u.test(next.text) || OPENERS_RX.test(next.text);
    if (!startsSentence) continue;
    if (ch === '.') {
      const prev = tokens[i - 1];
      if (prev && prev.end === t.start) {
        // "Mr." "Dr." "Jan." and single initials ("J. Smith") do not end a sentence.
        if (ABBREVIATIONS.has(prev.lower)) continue;
        if (/^\p{Lu}$/u.test(prev.text)) continue;
      }
    } else if (t.word) {
      // A dotted abbreviation ("U.S.") ends a sentence only before a word that usually opens one.
      if (!FUNCTION_WORDS.has(next.lower)) continue;
    }
    close(j);
    i = j - 1;
  }
  close(tokens.length);
  return out;
}
