// What the extract stage hands on: entities with their mentions, and relations as claims,
// each tied to the character span of the sentence that states it.
import type { EntityType, EventKind, Modality, RelationType } from '../schema/index.js';
import type { PairModel } from './pairs.js';

export interface Span {
  /** Character offsets into the document text, end exclusive. */
  start: number;
  end: number;
}

export interface Sentence extends Span {
  index: number;
  text: string;
}

export interface Mention extends Span {
  text: string;
  /** Index of the sentence holding the mention. */
  sentence: number;
  /** How the mention was found, e.g. "ner:perceptron", "coref:pronoun", "alias:acronym". */
  rule: string;
}

export interface EventProperties {
  kind?: EventKind;
  /** ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  /** Extracted entity id of the Location where it happened. */
  place?: string;
}

export interface ExtractedEntity {
  /** Local to one extraction ("e1", "e2"...). */
  id: string;
  type: EntityType;
  /** The fullest name the document uses. */
  name: string;
  /** Every other name the document uses for it. */
  aliases: string[];
  mentions: Mention[];
  /** Events only. */
  event?: EventProperties;
  confidence: number;
}

export interface Evidence extends Span {
  /** Index of the evidence sentence. */
  sentence: number;
  /** The sentence text (the document text between start and end). */
  text: string;
}

export interface ExtractedRelation {
  type: RelationType;
  /** Extracted entity ids. */
  source: string;
  target: string;
  modality: Modality;
  /** For reported statements: who it is attributed to (an entity id when resolvable, else the words). */
  attributedTo?: string;
  evidence: Evidence;
  /** Spans of the two mentions in the evidence (when the rule found them there). */
  sourceMention?: Span;
  targetMention?: Span;
  /** The rule or model feature that produced it, e.g. "pattern:member-of-apposition". */
  rule: string;
  confidence: number;
}

export interface Extraction {
  extractor: { name: string; version: string };
  sentences: Sentence[];
  entities: ExtractedEntity[];
  relations: ExtractedRelation[];
}

export interface ExtractOptions {
  /** Publication date (YYYY-MM-DD) against which relative dates are resolved. */
  documentDate?: string | null;
  /** The pair classifier: the shipped one when left out, none (patterns alone) when null. */
  pairModel?: PairModel | null;
  /** Receives every pair of parties the patterns left untied, with its features (for training). */
  onPairs?: (pairs: PairRecord[]) => void;
}

/** Two parties of one sentence that no pattern tied, as the pair classifier sees them. */
export interface PairRecord {
  first: { type: EntityType; names: string[] };
  second: { type: EntityType; names: string[] };
  features: string[];
}
