import type { Command } from 'commander';
import { basename, extname } from 'node:path';
import { readDocument } from '../../ingest/index.js';
import { explainExtraction, extract, toEvaluationJson } from '../../extract/index.js';
import { parseDate } from '../context.js';
import { printJson } from '../output.js';

export function register(program: Command): void {
  program.command('extract')
    .description('extract entities and relations from one file without a database; --json prints the evaluation JSON')
    .argument('<file>', 'a .txt, .md, .html, .pdf or .docx file')
    .option('--date <YYYY-MM-DD>', 'publication date where the document states none')
    .option('--json', 'print the extraction JSON (entities, relations with evidence)')
    .option('--explain', 'with --json, also print which rule produced each relation, with its evidence (to stderr)')
    .option('--patterns-only', 'relations from the patterns alone, without the trained pair classifier')
    .action(async (file: string, opts: { date?: string; json?: boolean; explain?: boolean; patternsOnly?: boolean }) => {
      const doc = await readDocument({ kind: 'file', path: file }, { defaultDate: opts.date ? parseDate(opts.date) : undefined });
      const extraction = extract(doc.text, { documentDate: doc.published, ...(opts.patternsOnly ? { pairModel: null } : {}) });
      const name = basename(file, extname(file));
      // People read the explained trace; --json keeps stdout to the evaluation JSON alone.
      if (!opts.json) { process.stdout.write(`${explainExtraction(extraction)}\n`); return; }
      if (opts.explain) process.stderr.write(`${explainExtraction(extraction)}\n`);
      printJson(toEvaluationJson([{ name, text: doc.text, extraction }]));
    });
}
