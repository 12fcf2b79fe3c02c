// Date mentions in a sentence, normalised against the document date. chrono-node does the
// calendar work; we drop what it gets wrong for news ("7/7" is a name, not 7 July of the
// reference year) and add bare years ("in 2013"), which chrono does not read.
import * as chrono from 'chrono-node';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  iso: string;
}

const DATE_CUE_RX = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|ago|(?:[Ll]ast|[Tt]his|[Nn]ext) (?:week|month|year|weekend|morning|night|evening|spring|summer|autumn|winter))\b/g;
const YEAR_RX = /\b(1[89]\d\d|20\d\d)\b/g;
const SLASH_NAME_RX = /^\d{1,2}\/\d{1,2}$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function referenceDate(documentDate?: string | null): Date | undefined {
  if (!documentDate) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(documentDate);
  if (!m) return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

/** Dates in `text` (offsets relative to `text`), earliest first. */
export function findDates(text: string, ref: Date | undefined): DateMention[] {
  const out: DateMention[] = [];
  // chrono is the slow part of extraction: run it only on a window around words that can
  // start a date (capitalised month or weekday names, relative day words), never on whole text.
  const results: { index: number; text: string; start: chrono.ParsedComponents }[] = [];
  DATE_CUE_RX.lastIndex = 0;
  let cue: RegExpExecArray | null;
  let covered = -1;
  while ((cue = DATE_CUE_RX.exec(text)) !== null) {
    if (cue.index < covered) continue;
    const from = Math.max(0, cue.index - 24);
    const to = Math.min(text.length, cue.index + 48);
    for (const r of chrono.parse(text.slice(from, to), ref ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })) {
      const index = r.index + from;
      if (!results.some((x) => x.index === index)) results.push({ index, text: r.text, start: r.start });
    }
    covered = to;
  }
  {
    for (const r of results) {
      const t = r.text.trim();
      if (SLASH_NAME_RX.test(t)) continue;
      // "this year", "last week" alone carry no day: keep only what names a month or day.
      const c = r.start;
      const hasDay = c.isCertain('day');
      const hasMonth = c.isCertain('month');
      const hasYear = c.isCertain('year');
      const weekday = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(t);
      if (!hasDay && !hasMonth && !weekday && !/\b(?:yesterday|today|last|ago)\b/i.test(t)) continue;
      if (!hasDay && !hasMonth && /\b(?:last|next|this) (?:week|weekend)\b/i.test(t)) continue;
      if (!ref && !hasYear) continue;
      // "on Easter Sunday 2016": a weekday with a year after it dates to that year, not to the
      // weekday before the document's date.
      const yearAfter = !hasYear && weekday && !hasMonth ? /^\s*,?\s*(1[89]\d\d|20\d\d)\b/.exec(text.slice(r.index + r.text.length)) : null;
      if (yearAfter) {
        out.push({ start: r.index, end: r.index + r.text.length + yearAfter[0].length, text: r.text + yearAfter[0], iso: yearAfter[1] });
        continue;
      }
      const d = c.date();
      let y = d.getUTCFullYear();
      // News reports what happened: a month or day without a year that lands after the
      // document's date ("last February" in November) is the one before it.
      const tail = text.slice(r.index + r.text.length, r.index + r.text.length + 16);
      if (!hasYear && ref && d.getTime() > ref.getTime() + 86400000 && !/\bnext\b/i.test(t) && !/^\s*(?:of |,\s*)?this year/i.test(tail)) y -= 1;
      const iso = hasDay || weekday || /\b(?:yesterday|today|ago)\b/i.test(t)
        ? `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
        : hasMonth ? `${y}-${pad(d.getUTCMonth() + 1)}` : `${y}`;
      out.push({ start: r.index, end: r.index + r.text.length, text: r.text, iso });
    }
  }
  YEAR_RX.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YEAR_RX.exec(text)) !== null) {
    const s = m.index, e = s + m[0].length;
    if (out.some((d) => d.start <= s && d.end >= e)) continue;
    // "23 out of 51" is not a year; a year stands after a preposition, a month or alone in a date.
    const before = text.slice(Math.max(0, s - 12), s).toLowerCase();
    if (!/(?:\bin|\bsince|\bby|\bof|\bfrom|\buntil|\bto|\bduring|\bbefore|\bafter|\bearly|\blate|\bmid|\bthe|,|\()\s*$/.test(before)
      && !/^\s*[,)]/.test(text.slice(e, e + 2))) continue;
    out.push({ start: s, end: e, text: m[0], iso: m[0] });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
