// How firmly a sentence states a relation: negated, reported (with who said it), hedged or
// asserted. Cues are read from the sentence's shaped text (entities as anchors), scoped to
// the relation's own words and what stands before them in its sentence.
import type { Modality } from '../schema/index.js';

export interface ModalityResult {
  modality: Modality;
  /** The cue words that decided it. */
  cue?: string;
  /** For reported statements: the anchor (⟦..⟧) or words it is attributed to. */
  attributedTo?: string;
}

// Doubt cast on a tie ("questioned whether he had any link") rules it out as much as a denial.
const NEG_RX = /(?:^| )(not|never|no|n't|denied|denies|deny|denying|neither|nor|without|ruled out|rejected claims|dismissed claims|no longer|(?:questioned|questions|question|doubted|doubts|doubt) (?:whether|that|if))(?= |$)/;
const HEDGE_RX = /(?:^| )(possible|possibly|likely|unlikely|probably|perhaps|may(?! \d)|might|could|believed|believe|believes|alleged|allegedly|suspected|reportedly|apparently|seem|seems|seemed|appears? to|appeared to|thought to|said to|rumou?red|presumably|purportedly|unconfirmed|potential|potentially|suggests|suggested|understood to|is understood|assumed)(?= |$)/;
/** Hedges that only reach the words of the relation itself ("X, accused of funding Y"). */
const LOCAL_HEDGE_RX = /(?:^| )(accused|accuses|accusing|suspect|suspects)(?= |$)/;
const ANCHOR = '⟦[POLV][*^]?#\\d+⟧';
const SAY = '(?:said|says|say|claimed|claims|claim|alleged|alleges|allege|told|tells|reported|reports|stated|states|announced|announces|insisted|insists|argued|argues|testified|added|wrote|maintained|maintains|asserted|asserts|confirmed|confirms|revealed|reveals|describe|describes|described)';
const REPORTERS = '(?:(?:the |a |an )?(?:(?!which |who |that |whom )[a-z-]+ ){0,2}(?:police|officials?|prosecutors?|investigators|authorities|sources|court|spokes(?:man|woman|person)|media|reports?|witnesses|government|officers?|detectives|statement|indictment|documents|judge|jury|prosecution|lawyers?|relatives|family|army|military|ministry|analysts|experts|residents|activists|agency|newspaper|intelligence|diplomats|observers|researchers))';
// "X claimed the attack" is a claim of the act, not a report of what follows.
const SAY_BEFORE_RX = new RegExp(`(?:^| )(${ANCHOR}|${REPORTERS})(?: , [^,]{0,100}? ,)? (?:had |has |have )?(?:[a-z]+ly )?${SAY}(?: that| the court| reporters| the jury| investigators| police)?(?= |$)(?! (?:the )?⟦V| responsibility| credit)`, 'g');
// ", police said" or ", said police" (not ", told reporters": there the speaker is the subject).
const SAY_AFTER_RX = new RegExp(`^ ?, (?:(${ANCHOR}|${REPORTERS}) ${SAY}|(?!told |tells )${SAY} (${ANCHOR}|${REPORTERS}))`);
const ACCORDING_RX = new RegExp(`according to (?:the )?(${ANCHOR}|[a-z]+(?: [a-z]+)?)`);

/**
 * @param shaped the sentence with anchors
 * @param from start of the relation's words in `shaped`
 * @param to end of the relation's words
 */
/** Clause openers after which cues of the main clause no longer reach. */
const CLAUSE_CUT_RX = /(?: ,| ;| but| although| though| while| whereas| where| when| which| who| whom| ⟦P\^#\d+⟧)(?= )/g;

/**
 * @param local the relation is stated by the words of one phrase (an apposition, a possessive,
 *   a name's place): hedges before it belong to another claim
 */
export function modalityOf(shaped: string, from: number, to: number, local = false): ModalityResult {
  const inside = shaped.slice(from, to);
  // Negation: in the relation's words, or in the few words right before them.
  const lead = shaped.slice(Math.max(0, from - 24), from);
  const neg = NEG_RX.exec(inside) ?? NEG_RX.exec(lead.split(' ').slice(-4).join(' '));
  if (neg && !/\bno (?:doubt|sooner)\b/.test(inside)) return { modality: 'negated', cue: neg[1] };
  const before = shaped.slice(0, from);
  // "according to X" before or inside the relation, or right after it in the same clause.
  const acc = ACCORDING_RX.exec(shaped);
  if (acc && (acc.index < to || !/[,;]/.test(shaped.slice(to, acc.index)))) return { modality: 'reported', cue: 'according to', attributedTo: acc[1] };
  SAY_BEFORE_RX.lastIndex = 0;
  let say: RegExpExecArray | null;
  let lastSay: RegExpExecArray | null = null;
  while ((say = SAY_BEFORE_RX.exec(before)) !== null) lastSay = say;
  // An apposition ("X, the founder of Y") is the author's unless the report governs its clause:
  // "a group that officials said promoted violence, and was an associate of X" is not reported.
  const governs = (at: RegExpExecArray) => !local || !/ (?:which|who|that|whose|and|but|while) /.test(before.slice(at.index + at[0].length));
  if (lastSay && governs(lastSay)) return { modality: 'reported', cue: lastSay[0].trim(), attributedTo: lastSay[1] };
  // A report inside the relation's own words: "which investigators describe as".
  SAY_BEFORE_RX.lastIndex = 0;
  const inner = SAY_BEFORE_RX.exec(inside);
  if (inner && inner.index > 0) return { modality: 'reported', cue: inner[0].trim(), attributedTo: inner[1] };
  const after = SAY_AFTER_RX.exec(shaped.slice(to));
  if (after) return { modality: 'reported', cue: after[0].trim(), attributedTo: after[1] ?? after[2] };
  // "..., saying it had funnelled money to Y": the sentence's subject reports it.
  const saying = / (?:saying|stating|claiming|alleging|adding)(?: that)? /.exec(before);
  if (saying) return { modality: 'reported', cue: saying[0].trim(), attributedTo: /⟦[POLV][*^]?#\d+⟧/.exec(shaped)?.[0] };
  // Hedges reach the relation from the start of its own clause only.
  let clauseStart = 0;
  CLAUSE_CUT_RX.lastIndex = 0;
  let cut: RegExpExecArray | null;
  while ((cut = CLAUSE_CUT_RX.exec(before)) !== null) clauseStart = cut.index;
  const scope = local ? '' : before.slice(clauseStart);
  const hedge = (/^it (?:is|was|seems) (?:possible|likely|probable)|^(?:possibly|perhaps|probably|reportedly|allegedly|apparently)\b/.test(shaped) && !local ? /(possible|likely|probable|possibly|perhaps|probably|reportedly|allegedly|apparently)/.exec(shaped) : null)
    ?? HEDGE_RX.exec(scope) ?? HEDGE_RX.exec(inside) ?? LOCAL_HEDGE_RX.exec(inside);
  if (hedge) return { modality: 'hedged', cue: hedge[1] };
  return { modality: 'asserted' };
}
