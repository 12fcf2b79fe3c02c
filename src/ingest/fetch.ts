// Fetching a URL safely: http(s) only, size and time limits, at most MAX_REDIRECTS redirects,
// and no connection to private, loopback, link-local or other non-public addresses unless
// allowed. Each host name is resolved once, every address checked, and the connection made to
// the checked address (a pinned `lookup`), so a second DNS answer cannot swap in another
// address (DNS rebinding). Redirect targets go through the same checks.

import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { IngestError, MAX_REDIRECTS } from './types.js';
import { formatBytes, tooLargeReason } from './text.js';

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'an unspecified',
  broadcast: 'a broadcast',
  multicast: 'a multicast',
  linkLocal: 'a link-local',
  loopback: 'a loopback',
  carrierGradeNat: 'a carrier-grade NAT (shared)',
  private: 'a private',
  uniqueLocal: 'a unique-local',
  reserved: 'a reserved',
  benchmarking: 'a benchmarking',
  ipv4Compatible: 'an IPv4-compatible IPv6',
};

/**
 * Why an address may not be fetched without --allow-private, or null when it is public.
 * Allow-list: only ipaddr.js's plain `unicast` range passes; IPv4-mapped IPv6 addresses are
 * judged as the IPv4 address they carry; addresses that embed IPv4 (6to4, Teredo, NAT64) and
 * deprecated IPv4-compatible ones (::a.b.c.d) are refused as well.
 */
export function addressRefusal(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return `${address} is not a valid IP address`;
  }
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) ip = v6.toIPv4Address();
    else if (v6.parts.slice(0, 6).every((p) => p === 0) && v6.range() !== 'loopback' && v6.range() !== 'unspecified') {
      return `${address} is ${RANGE_NAMES.ipv4Compatible} address`;
    }
  }
  const range = ip.range();
  if (range === 'unicast') return null;
  return `${address} is ${RANGE_NAMES[range] ?? `a special-purpose (${range})`} address`;
}

/** Decides whether an address may be contacted: null to allow, else the reason. */
export type AddressPolicy = (address: string) => string | null;

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
  /** Replaces the public-address check (tests); ignored when allowPrivate is set. */
  policy?: AddressPolicy;
}

export interface Fetched {
  /** The URL the body came from, after redirects. */
  finalUrl: string;
  contentType: string | null;
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A failure whose message is the reason shown to the user. */
class FetchFailure extends Error {}

/** Resolves the host and checks every address; returns the one to connect to. */
async function checkedAddress(url: URL, limits: FetchLimits): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  let addresses: Array<{ address: string; family: number }>;
  if (literal) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await dnsLookup(host, { all: true, verbatim: true });
    } catch (err) {
      throw new FetchFailure(`cannot resolve host name ${host} (${(err as NodeJS.ErrnoException).code ?? 'lookup failed'})`);
    }
    if (addresses.length === 0) throw new FetchFailure(`cannot resolve host name ${host}`);
  }
  if (!limits.allowPrivate) {
    const policy = limits.policy ?? addressRefusal;
    for (const a of addresses) {
      const why = policy(a.address);
      if (why) {
        const what = literal ? why : `${host} resolves to ${why.replace(/^\S+ is /, `${a.address}, `)}`;
        throw new FetchFailure(`refused: ${what} (use --allow-private to permit it)`);
      }
    }
  }
  return addresses[0];
}

interface Response {
  status: number;
  location?: string;
  contentType: string | null;
  body?: Buffer;
}

function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null | 'unsupported' {
  switch ((encoding ?? 'identity').trim().toLowerCase()) {
    case 'identity':
    case '':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return 'unsupported';
  }
}

/** One GET to a checked address; the body is read only for a final (non-redirect) answer. */
function getOnce(
  url: URL,
  target: { address: string; family: number },
  maxBytes: number,
  signal: AbortSignal,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    // The connection goes to the address already checked, never to a fresh DNS answer.
    const lookup = ((_host: string, options: unknown, callback?: unknown) => {
      const cb = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
      const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
      if (all) cb(null, [{ address: target.address, family: target.family }]);
      else cb(null, target.address, target.family);
    }) as LookupFunction;
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'GET',
      agent: false, // no pooled socket that was opened under other checks
      lookup,
      headers: {
        'user-agent': 'skein/0.1 (document ingest)',
        accept:
          'text/html, application/xhtml+xml, text/plain, text/markdown, application/pdf, ' +
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document, */*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    // Reject before destroying: destroying emits errors of its own, which must not win.
    const fail = (err: Error) => {
      reject(err);
      req.destroy();
    };
    const onAbort = () => fail(signal.reason as Error);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);

    req.on('error', (err) => {
      done();
      reject(new FetchFailure(`cannot fetch: ${err.message}`));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const contentType = res.headers['content-type'] ?? null;
      if (REDIRECTS.has(status) && res.headers.location) {
        done();
        res.resume();
        req.destroy();
        resolve({ status, location: res.headers.location, contentType });
        return;
      }
      if (status < 200 || status > 299) {
        done();
        fail(new FetchFailure(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`));
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        done();
        fail(new FetchFailure(tooLargeReason(declared, maxBytes)));
        return;
      }
      const unzip = decoder(res.headers['content-encoding']);
      if (unzip === 'unsupported') {
        done();
        fail(new FetchFailure(`unsupported content encoding "${res.headers['content-encoding']}"`));
        return;
      }
      // The limit applies to the decoded body, so a small compressed bomb is refused too.
      const stream: Readable = unzip ? res.pipe(unzip) : res;
      const chunks: Buffer[] = [];
      let total = 0;
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) {
          done();
          fail(new FetchFailure(`too large: more than the ${formatBytes(maxBytes, true)} limit (--max-bytes)`));
          stream.destroy();
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => {
        done();
        resolve({ status, contentType, body: Buffer.concat(chunks) });
      });
      const broken = (err: Error) => {
        done();
        fail(new FetchFailure(`cannot fetch: the body was cut off or corrupt (${err.message})`));
      };
      stream.on('error', broken);
      if (unzip) res.on('error', broken);
      res.on('aborted', () => broken(new Error('connection closed early')));
    });
    req.end();
  });
}

/**
 * Fetches an http(s) URL within the limits. Every failure is an IngestError on the URL the user
 * gave, with the reason (refusal, HTTP status, size, time, redirects).
 */
export async function fetchUrl(input: string, limits: FetchLimits): Promise<Fetched> {
  const controller = new AbortController();
  const seconds = limits.timeoutMs / 1000;
  const timeout = new FetchFailure(`timed out after ${seconds} s`);
  const timer = setTimeout(() => controller.abort(timeout), limits.timeoutMs);
  // DNS cannot be cancelled; racing it against the deadline keeps the time limit whole.
  const deadline = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(timeout), { once: true });
  });
  deadline.catch(() => {}); // only observed through the race below
  try {
    let url = parseHttpUrl(input);
    for (let redirects = 0; ; redirects++) {
      let target: { address: string; family: number };
      try {
        target = await Promise.race([checkedAddress(url, limits), deadline]);
      } catch (err) {
        if (redirects > 0 && err instanceof FetchFailure && err !== timeout) {
          throw new FetchFailure(`redirect to ${url.href}: ${err.message}`);
        }
        throw err;
      }
      const res = await getOnce(url, target, limits.maxBytes, controller.signal);
      if (res.location !== undefined) {
        if (redirects >= MAX_REDIRECTS) throw new FetchFailure(`too many redirects (more than ${MAX_REDIRECTS})`);
        let next: URL;
        try {
          next = new URL(res.location, url);
        } catch {
          throw new FetchFailure(`redirect to an invalid URL "${res.location}"`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new FetchFailure(`redirect to ${next.protocol} refused: only http and https are fetched`);
        }
        url = next;
        continue;
      }
      return { finalUrl: url.href, contentType: res.contentType, body: res.body ?? Buffer.alloc(0) };
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    if (err instanceof FetchFailure) throw new IngestError(input, err.message);
    throw new IngestError(input, `cannot fetch: ${(err as Error).message ?? String(err)}`);
  } finally {
    clearTimeout(timer);
  }
}

export function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new IngestError(input, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestError(input, `unsupported URL scheme "${url.protocol}": only http and https are fetched`);
  }
  return url;
}
