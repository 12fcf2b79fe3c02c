// HTML pages: the main content through Readability (menus, footers and sidebars dropped),
// title and publication date from the page's metadata.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanTitle, toIsoDate } from './text.js';

export interface HtmlContent {
  title: string | null;
  published: string | null;
  /** Paragraphs separated by blank lines; not yet normalised. */
  text: string;
}

// Minimal structural typing of the DOM we read: linkedom's types are not the DOM lib's.
interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(sel: string): DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  remove(): void;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED',
  'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'HEAD', 'TITLE', 'META', 'LINK',
]);
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'HTML', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
// Line breaks inside a paragraph; NUL never occurs in accepted text, so it cannot clash.
const BREAK = '\u0000';

/**
 * Block-aware plain text: every block element becomes its own paragraph (blank line between),
 * inline whitespace collapses as a browser renders it, <br> keeps a line break. Readability's
 * own textContent runs paragraphs together, which would merge sentences across them.
 */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current
      .replace(/\s+/g, ' ')
      .replace(/ ?\u0000 ?/g, BREAK)
      .replace(/\u0000+/g, '\n')
      .trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    const el = node as DomElement;
    if (SKIPPED.has(tag) || el.hasAttribute('hidden')) return;
    if (tag === 'BR') {
      current += BREAK;
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    if (tag === 'TD' || tag === 'TH') current += ' ';
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]);
    if (tag === 'TD' || tag === 'TH') current += ' ';
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'citation_publication_date',
  'citation_date',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publish-date',
  'publish_date',
  'date',
];

function metaContent(doc: DomElement, names: string[]): string | null {
  const metas = doc.querySelectorAll('meta');
  const found = new Map<string, string>();
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = m.getAttribute('content');
    if (key && content && !found.has(key)) found.set(key, content);
  }
  for (const n of names) {
    const v = found.get(n);
    if (v) return v;
  }
  return null;
}

/** datePublished from JSON-LD blocks, including @graph arrays and nested objects. */
function jsonLdDate(doc: DomElement): string | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  const visit = (value: unknown, depth: number): string | null => {
    if (depth > 6 || value === null || typeof value !== 'object') return null;
    if (Array.isArray(value)) {
      for (const v of value) {
        const d = visit(v, depth + 1);
        if (d) return d;
      }
      return null;
    }
    const obj = value as Record<string, unknown>;
    if (typeof obj.datePublished === 'string') return obj.datePublished;
    for (const v of Object.values(obj)) {
      const d = visit(v, depth + 1);
      if (d) return d;
    }
    return null;
  };
  for (let i = 0; i < scripts.length; i++) {
    try {
      const d = visit(JSON.parse(scripts[i].textContent ?? ''), 0);
      if (d) return d;
    } catch {
      // A malformed JSON-LD block is common on the web; the other sources still apply.
    }
  }
  return null;
}

function publishedDate(doc: DomElement): string | null {
  const candidates: Array<() => string | null | undefined> = [
    () => metaContent(doc, DATE_META),
    () => jsonLdDate(doc),
    () => {
      const el = doc.querySelector('[itemprop="datePublished"]');
      return el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.textContent;
    },
    () => doc.querySelector('time[pubdate][datetime]')?.getAttribute('datetime'),
    () => doc.querySelector('article time[datetime]')?.getAttribute('datetime'),
    () => doc.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const c of candidates) {
    const date = toIsoDate(c());
    if (date) return date;
  }
  return null;
}

/** linkedom is no full HTML5 parser: a page without <body> would lose its content. */
function parseDocument(html: string) {
  const source = /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document;
}

/**
 * "Headline | Site name": Readability keeps the site name when the headline is short. When
 * the page's <h1> is the title minus such a suffix or prefix, the <h1> is the headline.
 */
function withoutSiteName(title: string | null, h1: string | null): string | null {
  if (!title || !h1 || title === h1 || !title.includes(h1)) return title;
  const rest = title.replace(h1, '').trim();
  return /^[|\-–—·:»«/]|[|\-–—·:»«/]$/.test(rest) ? h1 : title;
}

export function parseHtml(html: string): HtmlContent {
  const document = parseDocument(html);
  const doc = document as unknown as DomElement;
  // Metadata first: Readability rewrites the document as it works.
  const published = publishedDate(doc);
  const h1 = cleanTitle(doc.querySelector('h1')?.textContent);
  const fallbackTitle =
    cleanTitle(metaContent(doc, ['og:title', 'twitter:title', 'dc.title'])) ??
    cleanTitle(doc.querySelector('title')?.textContent) ??
    cleanTitle(doc.querySelector('h1')?.textContent);

  // Navigation is never article content; Readability usually drops it, but on a thin page it
  // may pick a menu as the best candidate.
  const navs = doc.querySelectorAll('nav, [role="navigation"]');
  for (let i = navs.length - 1; i >= 0; i--) navs[i].remove();

  let text = '';
  let title: string | null = null;
  try {
    const article = new Readability<string>(document as unknown as Document, {
      serializer: (node) => blockText(node as unknown as DomNode),
    }).parse();
    if (article) {
      text = article.content ?? '';
      title = cleanTitle(article.title);
    }
  } catch {
    // Readability gives up on some odd trees; the plain-body fallback below still applies.
  }
  if (!text.trim()) {
    // No article found (e.g. a very short page): the body without its navigation chrome.
    const d = parseDocument(html) as unknown as DomElement;
    const chrome = d.querySelectorAll('nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"]');
    for (let i = chrome.length - 1; i >= 0; i--) chrome[i].remove();
    const body = d.querySelector('body');
    text = body ? blockText(body) : '';
  }
  return { title: withoutSiteName(title ?? fallbackTitle, h1), published, text };
}

/** The charset an HTML document declares for itself (BOM, <meta charset>, http-equiv). */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1] : undefined;
}
