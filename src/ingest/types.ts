// What the ingest stage hands on: one document's bytes turned into plain text with metadata.

export interface IngestedDocument {
  /** sha256 of the original bytes, hex; the document's identity (same bytes = same document). */
  sha256: string;
  title: string;
  /** Publication date YYYY-MM-DD from the document's metadata or --date; null when unknown. */
  published: string | null;
  /** Where it came from: an absolute file path or the URL. */
  origin: string;
  /** e.g. text/plain, text/markdown, text/html, application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document */
  mediaType: string;
  /** Extracted plain text; every character offset stored elsewhere points into this string. */
  text: string;
  byteLength: number;
}

export interface IngestOptions {
  /** Publication date to use where the document has none (YYYY-MM-DD). */
  defaultDate?: string;
  /** Permit URLs that resolve to private, loopback or link-local addresses. */
  allowPrivate?: boolean;
  /** Largest input accepted, in bytes (files and URL bodies). */
  maxBytes?: number;
  /** URL fetch time limit in milliseconds. */
  timeoutMs?: number;
}

/** Raised for an input that cannot become a document; `reason` is shown to the user. */
export class IngestError extends Error {
  constructor(readonly origin: string, readonly reason: string) {
    super(`${origin}: ${reason}`);
    this.name = 'IngestError';
  }
}

/** One input to ingest: a local file or an http(s) URL. */
export type InputRef = { kind: 'file'; path: string } | { kind: 'url'; url: string };

/** 10 MiB: large enough for long reports, small enough to refuse dumps by mistake. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 5;
