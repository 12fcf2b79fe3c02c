// Reading the store: documents, entities, one entity with all its evidence.
import type { Command } from 'commander';
import { isEntityType, relationSpec, ENTITY_TYPES, type EntityType } from '../../schema/index.js';
import type { Repository, Statement, StoredEntity } from '../../store/index.js';
import { parsePositiveInt, useStore, withDb } from '../context.js';
import { printJson, printTable, quote, UsageError } from '../output.js';

export function register(program: Command): void {
  withDb(program.command('documents'))
    .description('list ingested documents')
    .option('--search <query>', 'full-text search over document text')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; search?: string; json?: boolean }) => {
      await useStore(opts, async (store) => {
        if (opts.search !== undefined) {
          const hits = await store.searchDocuments(opts.search);
          if (opts.json) return printJson(hits);
          return printTable(hits, [
            { header: 'id', value: (h) => h.documentId, right: true },
            { header: 'title', value: (h) => h.title, max: 50 },
            { header: 'match', value: (h) => h.snippet, max: 90 },
          ]);
        }
        const docs = await store.documents();
        if (opts.json) return printJson(docs);
        printTable(docs, [
          { header: 'id', value: (d) => d.id, right: true },
          { header: 'published', value: (d) => d.published ?? '-' },
          { header: 'words', value: (d) => d.wordCount, right: true },
          { header: 'type', value: (d) => d.mediaType.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx') },
          { header: 'title', value: (d) => d.title, max: 50 },
          { header: 'origin', value: (d) => d.origin, max: 60 },
        ]);
      });
    });

  withDb(program.command('entities'))
    .description('list entities, most evidenced first')
    .option('--type <type>', `one of ${ENTITY_TYPES.join(', ')}`)
    .option('--search <query>', 'search entity names')
    .option('--limit <n>', 'at most this many')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; type?: string; search?: string; limit?: string; json?: boolean }) => {
      const type = opts.type === undefined ? undefined : entityType(opts.type);
      const limit = opts.limit === undefined ? undefined : parsePositiveInt(opts.limit, '--limit');
      await useStore(opts, async (store) => {
        const entities = await store.entities({ type, search: opts.search, limit });
        if (opts.json) return printJson(entities);
        printTable(entities, [
          { header: 'id', value: (e) => e.id, right: true },
          { header: 'type', value: (e) => e.type },
          { header: 'name', value: (e) => e.name, max: 40 },
          { header: 'statements', value: (e) => e.statementCount, right: true },
          { header: 'documents', value: (e) => e.documentCount, right: true },
          { header: 'also known as', value: (e) => e.names.slice(1).join('; '), max: 60 },
        ]);
      });
    });

  withDb(program.command('show'))
    .description('one entity: its names, type and every statement with its evidence sentence, document and modality')
    .argument('<entity>', 'a name or an id')
    .option('--json', 'print JSON')
    .action(async (query: string, opts: { db?: string; json?: boolean }) => {
      await useStore(opts, async (store) => {
        const entity = await resolveEntity(store, query);
        const statements = await store.statementsAbout(entity.id);
        const others = await entityNames(store, statements);
        if (opts.json) return printJson({ entity, statements, related: Object.fromEntries(others) });
        printEntity(entity, statements, others);
      });
    });
}

function entityType(value: string): EntityType {
  const match = ENTITY_TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
  if (!match || !isEntityType(match)) throw new UsageError(`--type must be one of ${ENTITY_TYPES.join(', ')}, got "${value}"`);
  return match;
}

/** The one entity a user means by a name or id; a clear error when none or several match. */
export async function resolveEntity(store: Repository, query: string): Promise<StoredEntity> {
  const found = await store.findEntities(query);
  if (!found.length) throw new UsageError(`no entity matches "${query}" (try "skein entities --search ${query.split(/\s+/)[0]}")`);
  const exact = found.filter((e) => e.names.some((n) => n.toLowerCase() === query.trim().toLowerCase()) || String(e.id) === query.trim());
  if (exact.length === 1) return exact[0]!;
  if (found.length === 1) return found[0]!;
  // Several candidates: the best evidenced one, as long as it clearly leads.
  const [first, second] = found;
  if (first!.statementCount > 2 * second!.statementCount) return first!;
  const list = found.slice(0, 8).map((e) => `  ${e.id}  ${e.type}  ${e.name}`).join('\n');
  throw new UsageError(`"${query}" matches several entities; name one by id:\n${list}`);
}

async function entityNames(store: Repository, statements: Statement[]): Promise<Map<number, string>> {
  const ids = new Set<number>();
  for (const s of statements) { ids.add(s.subjectId); if (s.objectId !== null) ids.add(s.objectId); }
  const names = new Map<number, string>();
  for (const id of ids) {
    const e = await store.entity(id);
    if (e) names.set(id, e.name);
  }
  return names;
}

function printEntity(entity: StoredEntity, statements: Statement[], names: Map<number, string>): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${entity.name}  [${entity.type}, id ${entity.id}]`);
  if (entity.names.length > 1) out(`also: ${entity.names.slice(1).join('; ')}`);
  out(`${entity.statementCount} statements in ${entity.documentCount} documents`);
  const where = (s: Statement) =>
    `${s.evidence.documentTitle}${s.evidence.documentDate ? `, ${s.evidence.documentDate}` : ''} [doc ${s.evidence.documentId}, chars ${s.evidence.start}-${s.evidence.end}]`;
  const properties = statements.filter((s) => s.kind === 'property' && s.subjectId === entity.id);
  if (properties.length) {
    out('\nproperties');
    for (const s of properties) {
      out(`  ${s.predicate}: ${s.value ?? names.get(s.objectId!) ?? s.objectId}   (${where(s)})`);
    }
  }
  const relations = statements.filter((s) => s.kind === 'relation');
  if (relations.length) {
    out('\nrelations');
    for (const s of relations) {
      const spec = relationSpec(s.predicate);
      const modality = s.modality === 'asserted' ? '' : ` [${s.modality}${s.attributedTo ? `: according to ${s.attributedTo}` : ''}]`;
      out(`  ${names.get(s.subjectId)} —${spec.label}→ ${names.get(s.objectId!)}${modality}`);
      out(quote(s.evidence.sentence));
      out(`    ${where(s)}; ${s.extractor} ${s.extractorVersion}, rule ${s.rule}, confidence ${s.confidence.toFixed(2)}`);
    }
  }
  const nameStatements = statements.filter((s) => s.kind === 'name' && s.subjectId === entity.id);
  if (nameStatements.length) {
    out('\nnames');
    for (const s of nameStatements) out(`  "${s.value}"  ${where(s)}`);
  }
}
