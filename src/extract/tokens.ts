// Tokenisation with character offsets. One precompiled sticky-free global regex over the text:
// dotted abbreviations ("U.S."), words with inner hyphens/apostrophes/slashes ("Al-Muhajiroun",
// "7/7", "O'Brien"), possessive 's split off, and single punctuation marks.

export interface Token {
  text: string;
  /** Lower case, curly apostrophes straightened. */
  lower: string;
  start: number;
  end: number;
  /** Index in the document's token array. */
  i: number;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Letters or digits (not punctuation). */
  word: boolean;
  /** A blank line (paragraph break) precedes this token. */
  para: boolean;
  /** A line break precedes this token. */
  nl: boolean;
}

const TOKEN_RX =
  /(?:\p{L}\.){2,}(?!\p{L})|[\p{L}\p{N}]+(?:[-'’/.&][\p{L}\p{N}]+)*|[’']s\b|\S/gu;
const COMPOUND_RX = /^(.*\p{Lu}[\p{L}\p{N}'’-]*?)-(linked|backed|affiliated|allied|inspired|aligned|based|born|led|run|funded|sponsored|style|controlled|held|occupied|bound|made)$/u;
const UPPER_RX = /^\p{Lu}/u;
const WORD_RX = /^[\p{L}\p{N}]/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  TOKEN_RX.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RX.exec(text)) !== null) {
    let s = m[0];
    const start = m.index;
    // Split a possessive ending glued to the word ("Choudary’s" -> "Choudary" + "’s").
    const pos = /^(.+?)([’']s)$/u.exec(s);
    const gap = text.slice(prevEnd, start);
    const para = /\n[ \t\u00a0]*\n/.test(gap);
    const nl = gap.includes('\n');
    // "al-Qaeda-linked", "Iraqi-born", "London-based": a name and a participle, split so the
    // name stands alone ("al-Qaeda" - "linked").
    const compound = COMPOUND_RX.exec(s);
    if (compound && compound[1].length > 1) {
      push(out, compound[1], start, para, nl);
      push(out, '-', start + compound[1].length, false, false);
      push(out, compound[2], start + compound[1].length + 1, false, false);
    } else if (pos && pos[1].length > 1 && !/^[\p{L}]$/u.test(pos[1])) {
      push(out, pos[1], start, para, nl);
      push(out, pos[2], start + pos[1].length, false, false);
    } else {
      // A word ending in a full stop that is part of it only when dotted ("U.S."); else the
      // regex never includes a trailing dot.
      push(out, s, start, para, nl);
    }
    prevEnd = start + s.length;
    s = '';
  }
  return out;
}

function push(out: Token[], text: string, start: number, para: boolean, nl: boolean): void {
  const lower = text.toLowerCase().replace(/’/g, "'");
  out.push({
    text, lower, start, end: start + text.length, i: out.length,
    cap: UPPER_RX.test(text), word: WORD_RX.test(text), para, nl,
  });
}
