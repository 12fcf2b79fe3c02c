// The pipeline, end to end for a batch of inputs: ingest -> extract -> resolve -> store.
// One bad input never stops the run: every input ends as ingested, unchanged or failed.
import { expandInputs, readDocument, type InputRef } from './ingest/index.js';
import { IngestError, type IngestedDocument, type IngestOptions } from './ingest/types.js';
import { extract } from './extract/index.js';
import { resolveExtraction } from './resolve/index.js';
import type { Repository } from './store/types.js';

export interface InputOutcome {
  input: string;
  status: 'ingested' | 'unchanged' | 'failed';
  reason?: string;
  documentId?: number;
  title?: string;
  words?: number;
  entities?: number;
  statements?: number;
}

export interface IngestRunReport {
  outcomes: InputOutcome[];
  ingested: number;
  unchanged: number;
  failed: number;
  words: number;
  seconds: number;
}

export interface ProgressEvent {
  /** Inputs finished so far, and in all. */
  done: number;
  total: number;
  current: string;
}

function refName(ref: InputRef): string {
  return ref.kind === 'file' ? ref.path : ref.url;
}

/** How many inputs are read ahead of the one being extracted (each at most --max-bytes). */
const READ_AHEAD = 8;

/** Every input in turn; the report says what became of each. */
export async function ingestInputs(
  store: Repository,
  inputs: string[],
  options: IngestOptions = {},
  onProgress?: (event: ProgressEvent) => void,
): Promise<IngestRunReport> {
  const started = performance.now();
  const outcomes: InputOutcome[] = [];
  const refs: InputRef[] = [];
  for (const input of inputs) {
    try {
      refs.push(...(await expandInputs([input])));
    } catch (err) {
      outcomes.push({ input, status: 'failed', reason: reasonOf(err) });
    }
  }
  // Inputs ahead are read while the current one is extracted and stored, so file and network
  // waits overlap with the CPU-bound work. Extraction is synchronous, so a read advances one
  // step per turn of the event loop: several in flight keep the reading ahead of the work.
  const reads: Promise<ReadResult>[] = [];
  const readAhead = (upTo: number) => {
    while (reads.length < Math.min(upTo, refs.length)) reads.push(readInput(refs[reads.length]!, options));
  };
  await store.bulk(async () => {
    for (let i = 0; i < refs.length; i++) {
      readAhead(i + READ_AHEAD);
      onProgress?.({ done: i, total: refs.length, current: refName(refs[i]!) });
      const read = await reads[i]!;
      delete reads[i]; // done with it: let its text be collected
      outcomes.push(await storeInput(store, read));
    }
  });
  onProgress?.({ done: refs.length, total: refs.length, current: '' });
  const count = (s: InputOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    outcomes,
    ingested: count('ingested'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    words: outcomes.reduce((n, o) => n + (o.status === 'ingested' ? o.words ?? 0 : 0), 0),
    seconds: (performance.now() - started) / 1000,
  };
}

export async function ingestOne(store: Repository, ref: InputRef, options: IngestOptions): Promise<InputOutcome> {
  return storeInput(store, await readInput(ref, options));
}

type ReadResult = { input: string; doc: IngestedDocument } | { input: string; error: unknown };

async function readInput(ref: InputRef, options: IngestOptions): Promise<ReadResult> {
  const input = refName(ref);
  try {
    return { input, doc: await readDocument(ref, options) };
  } catch (error) {
    return { input, error };
  }
}

async function storeInput(store: Repository, read: ReadResult): Promise<InputOutcome> {
  const { input } = read;
  if ('error' in read) return { input, status: 'failed', reason: reasonOf(read.error) };
  const { doc } = read;
  try {
    if (await store.hasDocument(doc.sha256)) return { input, status: 'unchanged', title: doc.title };
    const extraction = extract(doc.text, { documentDate: doc.published });
    const result = await store.addDocument(doc, extraction, resolveExtraction(extraction));
    return {
      input, status: result.status, documentId: result.documentId, title: doc.title,
      words: result.words, entities: result.entities, statements: result.statements,
    };
  } catch (err) {
    return { input, status: 'failed', reason: reasonOf(err) };
  }
}

function reasonOf(err: unknown): string {
  if (err instanceof IngestError) return err.reason;
  return err instanceof Error ? err.message : String(err);
}
