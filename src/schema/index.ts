// The schema as data: entity types, event kinds, relation types with their endpoints, and
// modality. Every stage (extraction, storage, export, CLI, UI) reads these tables; nothing
// restates them.

export const ENTITY_TYPES = ['Person', 'Organization', 'Location', 'Event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const EVENT_KINDS = [
  'attack', 'bombing', 'murder', 'plot', 'arrest', 'charge', 'trial', 'conviction',
  'sentence', 'designation', 'proscription', 'meeting', 'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const MODALITIES = ['asserted', 'hedged', 'reported', 'negated'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Weak modalities: a tie stated this way is not taken as fact (graph filters, robustness). */
export const WEAK_MODALITIES: readonly Modality[] = ['hedged', 'reported', 'negated'];

export interface RelationTypeSpec {
  readonly name: string;
  readonly label: string;
  /** Entity types allowed at the source end. */
  readonly from: readonly EntityType[];
  /** Entity types allowed at the target end. */
  readonly to: readonly EntityType[];
  /** Direction carries no meaning: A-B is the same claim as B-A. */
  readonly symmetric: boolean;
  readonly description: string;
}

const ANY: readonly EntityType[] = ENTITY_TYPES;
const PERSON: readonly EntityType[] = ['Person'];
const ORG: readonly EntityType[] = ['Organization'];
const PERSON_OR_ORG: readonly EntityType[] = ['Person', 'Organization'];

export const RELATION_TYPES = [
  { name: 'member_of', label: 'member of', from: PERSON, to: ORG, symmetric: false,
    description: 'member, militant, fighter, spokesman, executioner of' },
  { name: 'leader_of', label: 'leader of', from: PERSON, to: ORG, symmetric: false,
    description: 'leads, heads, commands' },
  { name: 'founder_of', label: 'founder of', from: PERSON, to: ORG, symmetric: false,
    description: 'founded, set up, co-founded' },
  { name: 'associated_with', label: 'associated with', from: ANY, to: ANY, symmetric: true,
    description: 'linked to, associate of, aide to, contact of, helped, met; a tie with no more specific type' },
  { name: 'family_of', label: 'family of', from: PERSON, to: PERSON, symmetric: true,
    description: 'spouse, parent, child, sibling, relative' },
  { name: 'alias_of', label: 'alias of', from: PERSON_OR_ORG, to: PERSON_OR_ORG, symmetric: true,
    description: 'another name for the same group or person, presented as a separate name' },
  { name: 'perpetrator_of', label: 'perpetrator of', from: PERSON_OR_ORG, to: ['Event'], symmetric: false,
    description: 'carried out, killed in, bombed, plotted' },
  { name: 'victim_of', label: 'victim of', from: PERSON, to: ['Event'], symmetric: false,
    description: 'killed, injured or targeted in' },
  { name: 'claimed_responsibility', label: 'claimed responsibility for', from: ORG, to: ['Event'], symmetric: false,
    description: 'claimed the attack' },
  { name: 'located_in', label: 'located in', from: ['Person', 'Organization', 'Event'], to: ['Location'], symmetric: false,
    description: 'lived in, based in, took place in, held in, preached in' },
  { name: 'designated_by', label: 'designated by', from: PERSON_OR_ORG, to: ORG, symmetric: false,
    description: 'designated, sanctioned, proscribed, banned by a government body' },
  { name: 'recruited', label: 'recruited', from: PERSON_OR_ORG, to: PERSON, symmetric: false,
    description: 'recruited, radicalized, inspired, indoctrinated' },
  { name: 'investigated_by', label: 'investigated by', from: PERSON_OR_ORG, to: ORG, symmetric: false,
    description: 'investigated, watched, arrested, charged, convicted, sentenced by police, agency or court' },
] as const satisfies readonly RelationTypeSpec[];

export type RelationType = (typeof RELATION_TYPES)[number]['name'];

export const RELATION_TYPE_NAMES: readonly RelationType[] = RELATION_TYPES.map((r) => r.name);

const relationByName = new Map<string, RelationTypeSpec>(RELATION_TYPES.map((r) => [r.name, r]));

export function relationSpec(name: string): RelationTypeSpec {
  const spec = relationByName.get(name);
  if (!spec) throw new Error(`unknown relation type "${name}" (known: ${RELATION_TYPE_NAMES.join(', ')})`);
  return spec;
}

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}
export function isRelationType(value: string): value is RelationType {
  return relationByName.has(value);
}
export function isModality(value: string): value is Modality {
  return (MODALITIES as readonly string[]).includes(value);
}
export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}

/** Whether a relation of this type may join entities of these types (in this order, or either for symmetric types). */
export function endpointsAllowed(type: RelationType, source: EntityType, target: EntityType): boolean {
  const spec = relationSpec(type);
  const direct = spec.from.includes(source) && spec.to.includes(target);
  return direct || (spec.symmetric && spec.from.includes(target) && spec.to.includes(source));
}

/** Analyst review of a statement; extraction proposes, an analyst accepts or rejects. */
export const STATEMENT_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** What a statement says about its subject. */
export const STATEMENT_KINDS = ['name', 'property', 'relation'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Properties an entity can carry as statements, with the entity types that have them. */
export const PROPERTIES = [
  { name: 'event_kind', label: 'kind', of: ['Event'] as readonly EntityType[] },
  { name: 'date', label: 'date', of: ['Event'] as readonly EntityType[] },
  { name: 'place', label: 'place', of: ['Event'] as readonly EntityType[] },
] as const;
export type PropertyName = (typeof PROPERTIES)[number]['name'];

/**
 * Name normalisation used to decide that two names are the same name: lower case, diacritics
 * and punctuation removed, possessive 's and a leading "the" dropped, spaces collapsed.
 * (The same rule the evaluation guidelines use, so resolution and scoring agree.)
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/\s+/g, ' ');
}
