// What the resolve stage hands to the store: for each extracted entity, the keys under which
// it is the same entity as one already stored (across documents).
import type { EntityType } from '../schema/index.js';

export interface EntityKey {
  type: EntityType;
  /** Normalised name (schema.normalizeName). */
  key: string;
}

export interface ResolvedEntity {
  /** Extracted entity id within its extraction. */
  localId: string;
  /** Keys in order of preference: the first one that matches a stored entity wins; the first is used to create one. */
  keys: EntityKey[];
}

export interface ResolvedExtraction {
  entities: ResolvedEntity[];
}
