// Cross-document resolution, first version: entities with the same type and normalised name
// are one entity. Within a document the extractor has already grouped names; here each
// extracted entity gets the keys under which the store looks for an existing entity.
import { normalizeName } from '../schema/index.js';
import type { Extraction, ExtractedEntity } from '../extract/types.js';
import type { EntityKey, ResolvedExtraction } from './types.js';

export type { EntityKey, ResolvedEntity, ResolvedExtraction } from './types.js';

/**
 * A single word alone ("Khan", "Masood") names too many different people across documents to
 * merge on; the full name is the key, and further multi-word names are fallbacks. Acronyms of
 * organisations ("MI5") are distinctive enough and count.
 */
function isDistinctiveAlias(entity: ExtractedEntity, key: string): boolean {
  if (key.includes(' ')) return true;
  return entity.type !== 'Person';
}

export function entityKeys(entity: ExtractedEntity): EntityKey[] {
  const keys: EntityKey[] = [];
  const seen = new Set<string>();
  const add = (name: string, force: boolean) => {
    const key = normalizeName(name);
    if (!key || seen.has(key)) return;
    if (!force && !isDistinctiveAlias(entity, key)) return;
    seen.add(key);
    keys.push({ type: entity.type, key });
  };
  add(entity.name, true);
  for (const alias of entity.aliases) add(alias, false);
  return keys;
}

export function resolveExtraction(extraction: Extraction): ResolvedExtraction {
  return { entities: extraction.entities.map((e) => ({ localId: e.id, keys: entityKeys(e) })) };
}
