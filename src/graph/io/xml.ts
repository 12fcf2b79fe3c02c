// A small XML reader for GraphML and GEXF that keeps line numbers, so that bad input gets an
// error naming file and line (the DOM parsers behind graphology-graphml/-gexf report neither).
import { NetworkFileError } from './builder.js';

export interface XmlElement {
  /** Local name (namespace prefix dropped), lower-cased. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string, file: string, line: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    const r = ENTITIES[e];
    if (r === undefined) throw new NetworkFileError(file, line, `unknown XML entity ${m}`);
    return r;
  });
}

function local(name: string): string {
  const i = name.indexOf(':');
  return (i >= 0 ? name.slice(i + 1) : name).toLowerCase();
}

export function parseXml(text: string, file: string): XmlElement {
  let i = 0, line = 1;
  const n = text.length;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: XmlElement[] = [root];
  const advance = (to: number) => { for (let j = i; j < to; j++) if (text.charCodeAt(j) === 10) line++; i = to; };
  const expect = (close: string, what: string) => {
    const j = text.indexOf(close, i);
    if (j < 0) throw new NetworkFileError(file, line, `unterminated ${what}`);
    return j;
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const chunk = text.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top !== root) top.text += decode(chunk, file, line);
      else if (chunk.trim()) throw new NetworkFileError(file, line, 'text outside the root element');
      advance(textEnd);
    }
    if (lt < 0) break;
    if (text.startsWith('<!--', i)) { advance(expect('-->', 'comment') + 3); continue; }
    if (text.startsWith('<![CDATA[', i)) {
      const j = expect(']]>', 'CDATA section');
      stack[stack.length - 1].text += text.slice(i + 9, j);
      advance(j + 3); continue;
    }
    if (text.startsWith('<?', i)) { advance(expect('?>', 'processing instruction') + 2); continue; }
    if (text.startsWith('<!', i)) { advance(expect('>', 'declaration') + 1); continue; }
    if (text.startsWith('</', i)) {
      const j = expect('>', 'end tag');
      const name = local(text.slice(i + 2, j).trim());
      const top = stack.pop()!;
      if (top === root || top.name !== name) throw new NetworkFileError(file, line, `</${name}> does not close <${top === root ? '' : top.name}>`);
      advance(j + 1); continue;
    }
    // start tag
    const startLine = line;
    let j = i + 1;
    while (j < n && !/[\s/>]/.test(text[j])) j++;
    const name = local(text.slice(i + 1, j));
    if (!name) throw new NetworkFileError(file, line, 'malformed tag');
    const el: XmlElement = { name, attrs: {}, children: [], text: '', line: startLine };
    advance(j);
    for (;;) {
      while (i < n && /\s/.test(text[i])) advance(i + 1);
      if (i >= n) throw new NetworkFileError(file, startLine, `unterminated <${name}> tag`);
      if (text[i] === '>') { advance(i + 1); stack[stack.length - 1].children.push(el); stack.push(el); break; }
      if (text.startsWith('/>', i)) { advance(i + 2); stack[stack.length - 1].children.push(el); break; }
      const m = /^([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/.exec(text.slice(i, i + 100000));
      if (!m) throw new NetworkFileError(file, line, `malformed attribute in <${name}>`);
      el.attrs[local(m[1])] = decode(m[3] ?? m[4], file, line);
      advance(i + m[0].length);
    }
  }
  if (stack.length > 1) throw new NetworkFileError(file, line, `<${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line}) is never closed`);
  const top = root.children[0];
  if (!top) throw new NetworkFileError(file, null, 'no XML element in the file');
  return top;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
