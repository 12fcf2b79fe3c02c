// The API's OpenAPI 3.1 description, served at /api/openapi.json. Enumerations come from the
// schema module, so the document never restates them by hand.
import { ENTITY_TYPES, MODALITIES } from '../schema/index.js';

const error = { description: 'bad input: the error names the parameter and the problem', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const missing = { description: 'no such item', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

const query = (name: string, description: string, schema: object, required = false) => ({ name, in: 'query', required, description, schema });
const pathId = (description: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'integer', minimum: 1 } });
const list = (values: readonly string[]) => ({ type: 'string', description: `comma-separated, each one of: ${values.join(', ')}` });
const date = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' };

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'skein workbench API',
      version: '0.1.0',
      description: 'Entities, the statements that tie them (each with its evidence sentence, source and modality), documents, paths, timeline and map. Bad input is answered with a 4xx and {"error": "..."}.',
    },
    paths: {
      '/health': { get: { summary: 'liveness', responses: { 200: ok('{"ok": true}') } } },
      '/openapi.json': { get: { summary: 'this document', responses: { 200: ok('OpenAPI 3.1') } } },
      '/schema': { get: { summary: 'entity types, relation types (labels, endpoints, symmetry), modalities, properties, measures', responses: { 200: ok('the schema as data') } } },
      '/stats': { get: { summary: 'counts of documents, entities, edges and relation statements', responses: { 200: ok('counts') } } },
      '/graph': {
        get: {
          summary: 'the network: one edge per (source, target, relation type, modality) with its number of sources and statements; nodes with measures',
          parameters: [
            query('types', 'entity types to keep', list(ENTITY_TYPES)),
            query('modalities', 'modalities to keep', list(MODALITIES)),
            query('minSources', 'an edge needs at least this many distinct documents', { type: 'integer', minimum: 1 }),
            query('from', 'earliest document date of a statement', date),
            query('to', 'latest document date of a statement', date),
          ],
          responses: { 200: ok('{nodes, edges}'), 400: error },
        },
      },
      '/entities': {
        get: {
          summary: 'entities, most evidenced first',
          parameters: [
            query('search', 'words of a name', { type: 'string', maxLength: 200 }),
            query('type', 'an entity type', { type: 'string', enum: ENTITY_TYPES }),
            query('limit', 'at most this many (default 50)', { type: 'integer', minimum: 1, maximum: 1000 }),
          ],
          responses: { 200: ok('{entities}'), 400: error },
        },
      },
      '/entities/{id}': {
        get: {
          summary: 'one entity: names, type, every statement about it, related entities, documents and measures',
          parameters: [pathId('entity id')],
          responses: { 200: ok('{entity, measures, statements, related, documents}'), 400: error, 404: missing },
        },
      },
      '/evidence': {
        get: {
          summary: 'statements with their evidence sentence in context; for an entity or a list of statements',
          parameters: [
            query('entity', 'an entity id (or give statements)', { type: 'integer', minimum: 1 }),
            query('statements', 'comma-separated statement ids, at most 500 (or give entity)', { type: 'string' }),
          ],
          responses: { 200: ok('{evidence}'), 400: error, 404: missing },
        },
      },
      '/documents': {
        get: {
          summary: 'ingested documents; with search, full-text hits',
          parameters: [
            query('search', 'full-text query', { type: 'string', maxLength: 200 }),
            query('limit', 'hits at most (default 20)', { type: 'integer', minimum: 1, maximum: 200 }),
          ],
          responses: { 200: ok('{documents} or {hits}'), 400: error },
        },
      },
      '/documents/{id}': {
        get: {
          summary: 'one document: metadata, full text and entity mentions (character offsets into the text)',
          parameters: [pathId('document id')],
          responses: { 200: ok('{document, mentions, entities}'), 400: error, 404: missing },
        },
      },
      '/paths': {
        get: {
          summary: 'shortest paths between two entities, with the statements behind every hop',
          parameters: [
            query('from', 'entity id', { type: 'integer', minimum: 1 }, true),
            query('to', 'entity id', { type: 'integer', minimum: 1 }, true),
            query('limit', 'paths at most (default 10)', { type: 'integer', minimum: 1, maximum: 50 }),
            query('modalities', 'modalities a tie may have (default all but negated)', list(MODALITIES)),
          ],
          responses: { 200: ok('{length, paths, entities, evidence}'), 400: error, 404: missing },
        },
      },
      '/timeline': { get: { summary: 'dated events and relation statements', responses: { 200: ok('{events, statements}') } } },
      '/map': { get: { summary: 'locations placed by the offline gazetteer, and those it could not place', responses: { 200: ok('{places, unplaced}') } } },
      '/ingest/file': {
        post: {
          summary: 'ingest one uploaded file (the request body is the file)',
          parameters: [
            query('name', 'the file name; its extension picks the reader (.txt .md .html .pdf .docx)', { type: 'string' }, true),
            query('date', 'publication date to use when the document has none', { type: 'string', format: 'date' }),
          ],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: { 200: ok('{outcome}: ingested or unchanged'), 400: error, 413: error, 422: error },
        },
      },
      '/ingest/url': {
        post: {
          summary: 'fetch and ingest one web page or file by URL',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['url'], properties: { url: { type: 'string', format: 'uri' }, date: { type: 'string', format: 'date' } } } } },
          },
          responses: { 200: ok('{outcome}: ingested or unchanged'), 400: error, 413: error, 415: error, 422: error },
        },
      },
    } as Record<string, Record<string, unknown>>,
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
      },
    },
    servers: [{ url: '/api' }],
  };
}
