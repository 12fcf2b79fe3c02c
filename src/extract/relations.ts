// Relation patterns over a "shaped" sentence: lower-cased words with every entity mention,
// event and resolved reference replaced by an anchor ⟦T#n⟧ (T: P person, O organisation,
// L location, V event; a * marks a pronoun or nominal resolved by coreference). Patterns are
// regular expressions over that string, compiled once: triggers, apposition, possessives,
// relative clauses, passives and coordination ("X and Y were members of Z") are spelled as
// word-level shapes, and the endpoint types are checked against the schema afterwards.
import type { RelationType } from '../schema/index.js';
import { PERSON_ROLE_NOUNS } from './lexicons.js';

export interface Pattern {
  id: string;
  type: RelationType;
  rx: RegExp;
  /** Capture groups holding the source and target anchors (lists allowed). */
  src: number;
  tgt: number;
  /** Modality fixed by the pattern itself (e.g. "X claimed Y as one of its members"). */
  modality?: 'reported';
  /** Which endpoint the statement is attributed to, when fixed by the pattern. */
  attributedGroup?: number;
  /** Event kinds the event endpoint must have. */
  eventFamily?: string;
  /** Literal text (or literal alternatives) that must occur for the pattern to match: a fast pre-test. */
  needs: (string | RegExp)[];
  /** Of several matches for one target in a sentence, keep the one whose source stands first (the clause subject). */
  leftmost?: boolean;
  /** The pattern names no agent: the target is the police or security body the text is about. */
  implicitAgent?: boolean;
  /** Which agent: the police body (default), the body that designated someone, or the group the passage is about. */
  agentKind?: 'police' | 'designator' | 'group';
  /** The pattern names no event: the target is the incident the text is about at that point. */
  implicitEvent?: boolean;
  /** The event endpoint must be one found from a killing verb. */
  killVerbEvent?: boolean;
}

const A1 = '⟦[POLV][*^]?#\\d+⟧';
// A coordinated list: "A and B", "A, B and C", "A and his brother B".
// Commas alone make an apposition, not a list: a list closes with "and"/"or".
const item = (t: string) => `(?:⟦[PO][*^]?#\\d+⟧ 's (?:[a-z-]+ ){0,2}(?:, )?)?⟦${t}[*^]?#\\d+⟧`;
const list = (t: string) => `(⟦${t}[*^]?#\\d+⟧(?:(?: (?:,|and|, and) ${item(t)})* (?:and|or|, and|as well as) ${item(t)})?)`;
const MACROS: Record<string, string> = {
  P: list('P'), O: list('O'), X: list('[PO]'), A: `(${A1})`, A2: `(${A1})`, V: '(⟦V[*^]?#\\d+⟧)', L: list('L'),
  P1: '(⟦P[*^]?#\\d+⟧)', PN: '(⟦P#\\d+⟧(?: (?:,|and|, and|or|as well as) ⟦P#\\d+⟧)*)', O1: '(⟦O[*^]?#\\d+⟧)', X1: '(⟦[PO][*^]?#\\d+⟧)',
  G: '(?:(?:[^⟦⟧ ]+|⟦[POLV]\\*#\\d+⟧|⟦[LV]#\\d+⟧) ){0,12}?',
  // Short word gaps never cross a comma or a bracket (a new phrase starts there).
  W1: '(?:[^⟦⟧ ,;:()"]+ )?', W2: '(?:[^⟦⟧ ,;:()"]+ ){0,2}?', W3: '(?:[^⟦⟧ ,;:()"]+ ){0,3}?', W6: '(?:[^⟦⟧ ,;:()"]+ ){0,6}?', W10: '(?:[^⟦⟧ ,;:()"]+ ){0,10}?',
  BE: '(?:(?:is|was|are|were|(?:has|had|have) (?:[a-z]+ly )?been|being|been|became|becomes|become|remains|remained|is now|was once|was also|is also|had become|has become|is still|was still|served as|serves as|acted as|acts as|(?:is|was|are|were|has been|had been) (?:widely |also )?(?:regarded|seen|considered|described|known|viewed|identified|named|recognised|recognized) as|(?:is|was|are|were) (?:thought|believed|said|understood|reported|known|alleged|suspected|likely) to (?:be|have been)) )?',
  // "is believed to be living", "is thought to have joined"
  HV: '(?:(?:may|might|could|would|will|can|must|should) (?:have |also )?|(?:is|was|are|were) (?:thought|believed|said|understood|reported|known|alleged|suspected|likely|expected) to (?:be |have been |have )?|(?:has |have |had |is |was |were |are )?(?:[a-z]+ly )?(?:been )?(?:accused|suspected|alleged) of )?',
  HAVE: '(?:(?:has|have|had) (?:also )?)?',
  // "in southern Lebanon", "in central Jakarta"
  PLACEMOD: '(?:(?:northern|southern|eastern|western|central|north|south|east|west|rural|greater|downtown|north-west|north-east|south-west|south-east|northwest|northeast|southwest|southeast) )?',
  ADV: '(?:(?:[a-z]+ly|still|also|now|later|once|then|soon|even|already|allegedly|reportedly) ){0,2}',
  DET: '(?:(?:a|an|the|one of the|one of|another|a former|the former|a senior|a top|a leading) |(?:one of )?⟦[PO]\\*#\\d+⟧ \'s )?',
  POSS: '(?:(?:its|their|his|her) |⟦[PO][*^]?#\\d+⟧ \'s )',
  THEP: '(?:the |⟦[PO][*^]?#\\d+⟧ \'s )?',
  // After a name: its acronym in brackets, an apposition ("X, a Salafist group,"), a relative
  // clause set off by commas ("X, which had called itself Y, was led by"), then who/which/that.
  WHO: '(?:\\( ⟦[PO][*^]?#\\d+⟧ \\) )?(?:, (?:of|from) (?:the )?⟦L[*^]?#\\d+⟧ ,? )?(?:, (?:also |formerly |formally |officially |previously |once )?(?:known as|called|aka|dubbed|named) (?:the )?⟦[POL]#\\d+⟧ (?:\\( ⟦[PO]#\\d+⟧ \\) )?)?(?:, (?:a|an|the) (?:[^⟦⟧ ,]+ |⟦[POL]#\\d+⟧ ){0,9}?(?=,|who|which|that|based|living|born|founded|formed|set|established|created|registered|headquartered|active|operating|banned|designated|known|led|run)(?:, )?)?(?:, (?:which|who|that|whose|⟦P\\^#\\d+⟧) (?:[^⟦⟧ ,]+ |⟦[POLV][*^]?#\\d+⟧ ){1,14}, )?(?:, (?:a|an|the) (?:[^⟦⟧ ,]+ |⟦[OL][*^]?#\\d+⟧ ){0,6}?(?:that|which|who) (?:[^⟦⟧ ,]+ |⟦[POLV][*^]?#\\d+⟧ ){1,14}, )?(?:, )?(?:(?:who|which|that) )?(?:⟦[POL][*^]?#\\d+⟧ (?:said|says|believes|believed|claims|claimed|alleges|alleged|thinks|thought|considers|considered|regards|regarded|calls|called|describes|described) )?(?:(?:is|are|was|were) (?:a|an|the) (?:[^⟦⟧ ,]+ |⟦[OL]#\\d+⟧ ){0,5}?(?:that|which|who) )?(?:(?:, )?(?:whom|who|which) (?:it |they |he |she |police |officials |prosecutors |⟦[PO][*^]?#\\d+⟧ )?(?:described|describes|called|calls|named|names|identified|identifies|considers|considered) as )?',
  THE: '(?:the )?',
  // "the banned group X": a group noun before the name
  GROUPNP: '(?:(?:the|a|an) (?:[a-z-]+ ){0,2}(?:group|network|organisation|organization|movement|militia|outfit) )?',
  // modifiers before a role noun, never a verb ("may have met members of" is no membership)
  ADJ3: '(?:(?!met |meet |meeting |visited |joined |contacted |knew |know |had |has |have |was |were |is |are |with )[^⟦⟧ ,;:()"]+ ){0,3}?',
  // "by Indonesia's Densus 88": a body named with its country
  OFPLACE: '(?:⟦L[*^]?#\\d+⟧ \'s )?',
  // a short gap that may name a place or a date ("founded in Malaysia in 1993 by")
  GL6: '(?:[^⟦⟧ ,;:()"]+ |⟦L[*^]?#\\d+⟧ ){0,6}?',
  ART: '(?:the |an? )?',
  // "head of the Met's Counter Terrorism Command": the owned body is the party.
  OWNED: '(?:⟦O[*^]?#\\d+⟧ \'s )?',
  // "by a Syrian preacher, X"
  BYX: 'by (?:(?:a|an|the) (?:[^⟦⟧ ,]+ ){0,3}(?:, )?)?(?:the )?',
  // "HTS leader X": the person is the party, the organisation only describes them.
  ROLEOF: '(?:⟦O[*^]?#\\d+⟧ (?:\'s )?(?:[a-z]+ )?(?:leader|chief|head|commander|founder|spokesman|emir|deputy|member|militant) (?:, )?)?',
  // "X was the group's bomb-maker and a close aide to Y": the second of two predicates.
  CONJ: '(?:(?:[^⟦⟧ ,]+ |⟦O[*^]?#\\d+⟧ \'s ){1,6}?and )?',
  // "between the Houthis and Iran's IRGC"
  PAIR: '(⟦[PO][*^]?#\\d+⟧ and (?:the )?(?:⟦L[*^]?#\\d+⟧ \'s )?⟦[PO][*^]?#\\d+⟧)',
  // "a banned network called Y": the noun phrase that introduces a name.
  NAMED: '(?:(?:a|an|the) (?:[^⟦⟧ ,]+ ){0,3}?(?:called|named|known as|calling itself) )?',
};

const MEMBER_ROLE = '(?:member|members|handler|handlers|soldier of|hacker|hackers|smuggler|smugglers|sniper|snipers|guard|guards|medic|fixer|bomb-maker|bombmaker|bomb maker|explosives expert|strategist|militant|militants|fighter|fighters|operative|operatives|recruiter|recruiters|spokesman|spokeswoman|spokesperson|activist|activists|executioner|official|officials|bomber|bombers|soldier|soldiers|loyalist|affiliate|lieutenant|ideologue|preacher|cleric|agent|agents|volunteer|jihadist|jihadists|gunman|treasurer|financier|propagandist|courier|trainer|instructor)';
const LEADER_ROLE = '(?:leader|leaders|head|chief|emir|amir|commander|chairman|chair|director|boss|president|figurehead|ringleader|spiritual leader|founder and leader|co-leader|secretary-general|secretary general|general secretary)';
const FOUNDER_ROLE = '(?:founder|co-founder|cofounder|founding member|founders|co-founders)';
const ASSOC_ROLE = '(?:associate|associates|rival|rivals|aide|aides|ally|allies|friend|friends|confidant|contact|contacts|follower|followers|disciple|disciples|protege|protégé|student|students|bodyguard|driver|deputy|right-hand man|supporter|supporters|acolyte|acolytes|mentor|adviser|advisor|accomplice|accomplices|co-conspirator|co-conspirators|partner|mentee|co-defendant|co-defendants|co-accused|handler|handlers)';
const FAMILY_ROLE = '(?:brother|sister|son|daughter|father|mother|wife|husband|cousin|uncle|aunt|nephew|niece|brother-in-law|sister-in-law|father-in-law|son-in-law|daughter-in-law|widow|widower|spouse|sibling|relative|stepson|stepfather|stepbrother|half-brother|half-sister|twin|grandson|grandfather|fiancee|fiancé|fiancée)';
const RECRUIT_V = '(?:recruited|recruit|recruits|recruiting|influenced|radicalized|radicalised|radicalize|radicalise|radicalizing|radicalising|indoctrinated|indoctrinate|indoctrinating|groomed|grooming|inspired|inspire|inspiring|enlisted|converted|persuaded)';
const PERP_V = '(?:prepared|preparing|prepare|coordinated|coordinating|coordinate|directed|directing|direct|ordered|order|commit|plan|orchestrate|organise|organize|launch|stage|execute|carried out|carry out|carrying out|conducted|conduct|conducting|committed|committing|perpetrated|perpetrating|launched|launching|staged|staging|orchestrated|masterminded|planned|planning|plotted|plotting|executed|organised|organized|led|detonated|set off)';
const INVEST_PASSIVE = '(?:investigated|arrested|charged|convicted|sentenced|detained|questioned|monitored|watched|surveilled|tracked|prosecuted|tried|jailed|indicted|raided|interviewed|placed under surveillance|put under surveillance|under investigation|under surveillance|imprisoned|extradited|deported|fined|found guilty|killed|shot dead|apprehended|captured|caught)';
const INVEST_ACTIVE = '(?:investigated|investigating|investigates|investigate|arrested|arrests|arresting|arrest|charged|charges|charging|convicted|sentenced|detained|detaining|questioned|questioning|monitored|monitoring|monitor|watched|watching|surveilled|surveilling|surveil|tracked|tracking|prosecuted|prosecuting|jailed|indicted|raided|interviewed|apprehended|captured|(?:opened|launched|began|started) (?:a |an )?(?:[a-z]+ )?(?:file|investigation|inquiry|probe|case) (?:on|into)|kept (?:a |an )?(?:eye|watch|tabs) on|placed|put)';
const DESIGNATE_V = '(?:re-designated|redesignated|designated|sanctioned|proscribed|banned|blacklisted|listed|outlawed|designate|designates|sanction|sanctions|proscribe|proscribes|ban|bans|blacklist|blacklists|list|lists|outlaw|outlaws|added to (?:the |its |a )?(?:[^⟦⟧ ]+ ){0,3}?list)';
/** How an apposition names the one a role phrase described: ", X", "who used the name X", "called X". */
const NAMED_AS = '(?:, |(?:, )?(?:who|whom) (?:used|uses|went by|goes by|called himself|calls himself) the (?:name|alias|nom de guerre|handle|kunya) |(?:, )?who (?:called|calls|styled|styles) (?:himself|herself) |(?:, )?(?:called|named|known as|known only as|identified only as|known simply as) )';
/**
 * A list whose items may carry an apposition or relative clause ("X, who manages the branch in Y,
 * and Z"); the apposition may name people and places, never a body (that would be a party).
 */
const LOOSE_LIST = (t: string) => {
  const appos = `(?: , (?:[^⟦⟧, ]+ |⟦[PL][*^]?#\\d+⟧ ){0,13}(?:[^⟦⟧, ]+|⟦[PL][*^]?#\\d+⟧))?`;
  const head = `(?:⟦P[*^]?#\\d+⟧ 's [a-z-]+ , )?⟦${t}#\\d+⟧${appos}`;
  return `(${head}(?: (?:,|, and|and|;|; and) ${head})*)`;
};
/** Nouns for a person's role or trade ("a Mogadishu businessman"). */
const PERSON_NOUN = `(?:${[...PERSON_ROLE_NOUNS].filter((w) => /^[a-z-]+$/.test(w)).join('|')})`;
/** Progressive forms: "had been monitoring X" is active, unlike "had been monitored". */
const INVEST_ING = '(?:investigating|arresting|monitoring|watching|surveilling|tracking|prosecuting|detaining|questioning|following)';
const LIVE_V = '(?:lived|lives|living|live|born|resided|resides|residing|based|headquartered|raised|grew up|settled|stayed|preached|preaches|preaching|preach|gave sermons|gives sermons|delivered sermons|led prayers|operated|operates|operating|worked|works|working|studied|active|taught|teaches|ran|run|runs|manages|managed|managing|owns|owned|fighting|fought|fights|sheltering|sheltered|controls|controlled|holds|dominates|dominated|registered|established|founded|incorporated|headquartered|ruled|rules|ruling|governs|governed|oversee|oversees|overseeing|oversaw|directs|directing|coordinates)';

function compile(src: string): RegExp {
  const body = src.replace(/\{([A-Z][A-Z0-9]*)\}/g, (_, k: string) => {
    const v = MACROS[k];
    if (v === undefined) throw new Error(`unknown macro ${k}`);
    return v;
  });
  return new RegExp(body, 'g');
}

type Spec = [id: string, type: RelationType, src: string, s: number, t: number, extra?: Partial<Pattern>];

const SPECS: Spec[] = [
  // member_of
  ['member-of-role', 'member_of', `{X} {WHO}{BE}{ADV}{DET}{ADJ3}${MEMBER_ROLE} (?:of|for|in|with|within) {NAMED}{GROUPNP}{THE}{OWNED}{O}`, 1, 2],
  ['member-of-part-of', 'member_of', `{P} {WHO}{BE}{HV}{ADV}(?:part|a part|one|among the members|a founding member) of (?:[^⟦⟧ ]+ ){0,12}?{THE}{O1}`, 1, 2],
  ['member-of-members-including-possessive', 'member_of', `{O1} 's (?:members|militants|fighters|followers|operatives) (?:[^⟦⟧ ]+ ){0,3}?(?:, )?(?:such as|including|like|among them) {P}`, 2, 1],
  ['member-of-premodifier', 'member_of', `{P} {WHO}{BE}{ADV}{DET}{W2}{O1} (?:'s )?{W1}${MEMBER_ROLE}`, 1, 2],
  // "an Islamic State operative in Syria, Abu Hamza,": a role phrase named by the apposition after it.
  ['member-of-role-appos-name', 'member_of', `(?:a|an|the|one) (?:[a-z-]+ )?{O1} (?:[a-z-]+ )?${MEMBER_ROLE} (?:(?:in|from|based in) ⟦L[*^]?#\\d+⟧ )?${NAMED_AS}{P1}(?: ,| \\.|$| who| whom| and)`, 2, 1],
  // "drawn in by another member, Ethan Kowalski", "X, a fellow member,": of the group the passage is about.
  ['member-of-implicit-group', 'member_of', `(?:another|a fellow|one fellow|a senior|a founding|a former) (?:member|members|recruit|operative|militant|fighter|activist|administrator|moderator) (?!of )(?:, )?{P1}`, 1, 0, { implicitAgent: true, agentKind: 'group' }],
  ['member-of-implicit-group-appos', 'member_of', `{P1} , (?:another|a fellow|a senior|a founding|a former) (?:member|recruit|operative|militant|fighter) ,`, 1, 0, { implicitAgent: true, agentKind: 'group' }],
  ['member-of-org-role-name', 'member_of', `{O1} (?:'s )?{W1}${MEMBER_ROLE} (?:, )?{P}`, 2, 1],
  // "Home Office security minister Rachel Dunmore", "BVT director Erich Zwettler": a body's staff.
  ['member-of-org-title-name', 'member_of', `{O1} (?:'s )?(?:[a-z-]+ )?(?:minister|secretary|official|officer|agent|analyst|investigator|prosecutor|detective|lawyer|employee|staffer|adviser|advisor|director|deputy director|spokesman|spokeswoman|spokesperson|chief of staff|press officer|case officer) (?:, )?{P1}`, 2, 1],
  ['member-of-joined', 'member_of', `{P} {WHO}(?:(?:[^⟦⟧ ]+ |⟦L[*^]?#\\d+⟧ ){1,10}?and )?{BE}{HV}{ADV}(?:had |has |have )?(?:also )?(?:joined|join|joins|joining|fighting with|fought with|fights with|fighting for|signed up to|signed up for|swore allegiance to|sworn allegiance to|pledged allegiance to|pledged loyalty to|swore loyalty to|enlisted in|fought for|fights for|fighting for|served in|serves in|belonged to|belongs to) {THE}{O}`, 1, 2],
  ['member-of-claimed', 'member_of', `{O1} {ADV}(?:claimed|claims|described|describes|called|calls|hailed|hails|named|names) {P} (?:as )?(?:one of )?{POSS}(?:[^⟦⟧ ]+ )?(?:members|fighters|soldiers|militants|followers|own)`, 2, 1, { modality: 'reported', attributedGroup: 1 }],
  ['member-of-appos-possessive', 'member_of', `{P} , (?:the |a |an )?{O1} 's {W3}(?:${MEMBER_ROLE.slice(3, -1)}|officer|official|adviser|advisor|deputy|chief|head|treasurer|accountant|envoy|representative|organiser|organizer)`, 1, 2],
  ['member-of-possessive-role', 'member_of', `{O1} 's (?:⟦L[*^]?#\\d+⟧ )?{W3}(?:${MEMBER_ROLE.slice(3, -1)}|officer|official|adviser|advisor|deputy|treasurer|accountant|envoy|representative|organiser|organizer) (?:, )?{P}`, 2, 1],
  ['member-of-possessive-pred', 'member_of', `{P} {WHO}{BE}{ADV}(?:the |a |an )?{O1} 's {W3}(?:${MEMBER_ROLE.slice(3, -1)}|officer|official|adviser|advisor|deputy|treasurer|accountant|envoy|representative|organiser|organizer)`, 1, 2],
  // "the Islamic State's Amaq news agency described X as a soldier of the caliphate": the group owning the outlet claims X.
  ['member-of-called-soldier-outlet', 'member_of', `{O1} 's ⟦O[*^]?#\\d+⟧ (?:news agency|agency|media (?:wing|arm|office|outlet)|magazine|outlet) (?:[^⟦⟧ ]+ ){0,8}?(?:calling|called|calls|describing|described|describes|hailing|hailed|hails|praising|praised) {P} (?:as )?(?:a |an |one of (?:its |their )?)(?:[a-z]+ )?(?:soldier|soldiers|fighter|fighters|member|members|martyr|martyrs|warrior|warriors|lion|lions)`, 2, 1, { modality: 'reported', attributedGroup: 1 }],
  ['member-of-called-soldier', 'member_of', `{O1} (?!(?:news )?agency |'s ⟦){G}(?:calling|called|calls|describing|described|describes|hailing|hailed|hails|praising|praised) {P} (?:as )?(?:a |an |one of (?:its |their |⟦O[*^]?#\\d+⟧ 's )?)(?:[a-z]+ )?(?:soldier|soldiers|fighter|fighters|member|members|martyr|martyrs|warrior|warriors|lion|lions)`, 2, 1, { modality: 'reported', attributedGroup: 1 }],
  ['member-of-allegiance-to-leader', 'member_of', `{P} {WHO}{HV}{ADV}(?:pledging|pledged|pledges|pledge|swore|swearing|sworn|swears) (?:his |her |their )?(?:allegiance|loyalty|bay'ah|an oath) to {O1} 's (?:[a-z]+ )?(?:leader|chief|emir|caliph|commander)`, 1, 2],
  ['member-of-described-as', 'member_of', `(?:describing|described|describes|naming|named|identifying|identified|calling|called) {P} as (?:a |an |the )?{O1} 's {W3}(?:${MEMBER_ROLE.slice(3, -1)}|chief|head|commander|deputy|official|officer)`, 1, 2],
  ['member-of-one-of-its', 'member_of', `{P} {WHO}{BE}{HV}(?:one of |a |an )?{O1} 's (?:[a-z]+ )?(?:members|fighters|militants|soldiers|operatives|member|fighter|militant|operative|commanders|lieutenants|recruiters|preachers|ideologues|financiers|bomb-makers)`, 1, 2],
  ['member-of-members-including', 'member_of', `(?:members|militants|fighters|operatives) of {THE}{O1} (?:[^⟦⟧ ,]+ ){0,4}?(?:, )?(?:such as|including|like|among them|among whom) {P}`, 2, 1],
  // leader_of
  ['leader-of-role', 'leader_of', `{P} {WHO}{BE}{HV}{ADV}{DET}{W2}(?:(?:founder|co-founder|founding member) and )?${LEADER_ROLE} (?:of|at) {NAMED}{GROUPNP}{THE}{OFPLACE}{OWNED}{O}`, 1, 2],
  ['leader-of-the-leader-of', 'leader_of', `(?:the |a |an )?(?:[a-z]+ )?${LEADER_ROLE} of {GROUPNP}{THE}{O1} , {P}`, 2, 1],
  ['founder-of-the-founder-of', 'founder_of', `(?:the |a |an )?(?:[a-z]+ )?${FOUNDER_ROLE} of {GROUPNP}{THE}{O1} , {P}`, 2, 1],
  ['member-of-a-member-of', 'member_of', `(?:the |a |an )?(?:[a-z]+ )?${MEMBER_ROLE} of {GROUPNP}{THE}{O1} , {P}`, 2, 1],
  ['leader-of-possessive', 'leader_of', `{O1} 's {W2}${LEADER_ROLE} (?:, )?{P}`, 2, 1],
  // "JNIM's leader from the start has been Iyad Ag Ghaly": the role, then who holds it.
  ['leader-of-possessive-copula', 'leader_of', `{O1} 's (?:[a-z-]+ )?${LEADER_ROLE} (?:[^⟦⟧ ,]+ ){0,5}?(?:is|was|has been|had been|became|remains|remained) (?:now |still |long )?{P1}`, 2, 1],
  ['founder-of-possessive-copula', 'founder_of', `{O1} 's (?:[a-z-]+ )?${FOUNDER_ROLE} (?:[^⟦⟧ ,]+ ){0,5}?(?:is|was|were|are|had been|has been) {P}`, 2, 1],
  ['leader-of-premodifier', 'leader_of', `{O1} ${LEADER_ROLE} (?:, )?{P}`, 2, 1],
  ['leader-of-premodifier-appos', 'leader_of', `{P} {WHO}{BE}{DET}{W1}{O1} ${LEADER_ROLE}`, 1, 2],
  ['leader-of-verb', 'leader_of', `{P} {WHO}{HV}{ADV}(?:led|leads|lead|leading|headed|heads|heading|commanded|commands|commanding|ran|runs|running|directed|directs|chaired|chairs) {THE}{O}`, 1, 2],
  ['leader-of-whose', 'leader_of', `{O1} , whose {W2}${LEADER_ROLE} (?:, )?{P}`, 2, 1],
  ['leader-of-passive', 'leader_of', `{O1} (?:'s (?:⟦L[*^]?#\\d+⟧ )?(?:[a-z]+ ){1,2})?{WHO}{BE}{ADV}(?:led|headed|run|commanded|directed|chaired) by {W2}{P}`, 2, 1],
  ['leader-of-under', 'leader_of', `{O1} (?:, )?{W3}under {THE}(?:leadership of |command of |control of |direction of )?{W3}{P}`, 2, 1],
  // founder_of
  ['founder-of-verb', 'founder_of', `{P} {WHO}{ADV}(?:had |has )?(?:founded|founds|co-founded|cofounded|set up|sets up|established|establishes|formed|forms|created|creates|launched|launches|started|starts) {NAMED}{THE}(?:⟦O[*^]?#\\d+⟧ 's (?:predecessor|forerunner|precursor) , (?:the )?)?{O}(?! 's (?:predecessor|forerunner|precursor))`, 1, 2],
  ['founder-of-with', 'founder_of', `{P} {WHO}{ADV}(?:had |has )?(?:founded|founds|co-founded|set up|sets up|established|establishes|formed|forms|created|creates|launched|launches|started|starts) {THE}{O1} (?:, (?:[^⟦⟧ ,]+ ){1,6}, )?(?:together )?with (?:[^⟦⟧ ]+ |⟦P[*^]?#\\d+⟧ 's ){0,3}?{P}`, 3, 2],
  ['founder-of-passive', 'founder_of', `{O1} {WHO}{BE}{ADV}(?:founded|co-founded|set up|established|formed|created|launched|started) {GL6}by {W2}{P}`, 2, 1],
  ['founder-of-role', 'founder_of', `{P} {WHO}{BE}{DET}{W2}${FOUNDER_ROLE}(?: and (?:[a-z-]+ )?(?:leader|head|chief|emir|commander|ideologue|spokesman))? of {GROUPNP}{THE}{O}`, 1, 2],
  ['founder-of-possessive', 'founder_of', `{O1} 's {W2}${FOUNDER_ROLE} (?:, )?{P}`, 2, 1],
  // associated_with
  ['assoc-linked-and', 'associated_with', `{X} {WHO}(?:[^⟦⟧ ]+ |⟦[OL][*^]?#\\d+⟧ (?:'s )?){1,10}?and {BE}{ADV}(?:also )?(?:linked|tied|connected|close|allied|affiliated|loyal|aligned|associated|in (?:[a-z]+ )?contact|in (?:[a-z]+ )?touch) (?:to|with) {GROUPNP}{ART}{X}`, 1, 2, { leftmost: true }],
  ['assoc-linked', 'associated_with', `{X} {WHO}{BE}{ADV}(?:also )?(?:linked|tied|connected|close|allied|affiliated|loyal|aligned|associated|in (?:[a-z]+ )?contact|in (?:[a-z]+ )?touch) (?:to|with) {GROUPNP}{ART}(?:⟦O[*^]?#\\d+⟧ 's (?:[a-z]+ ){0,2}(?:leader|chief|head|commander|founder|emir|deputy|spokesman) (?:, )?)?{X}`, 1, 2],
  // "had been in contact with an IS operative in Syria, Abu Hamza": the person the apposition names.
  ['assoc-contact-appos', 'associated_with', `{X} {WHO}{HV}{ADV}{HAVE}(?:been )?(?:in (?:regular |frequent |close |direct )?(?:contact|touch|communication)|met|befriended|corresponded|communicated|worked) (?:with )?(?:a|an|the) (?:[^⟦⟧ ,]+ |⟦[OL][*^]?#\\d+⟧ ){1,6}?${NAMED_AS}{P1}(?: ,| \\.|$| who| whom| and)`, 1, 2, { leftmost: true }],
  ['assoc-has-links', 'associated_with', `{X} {WHO}{HV}{ADV}(?:(?:has|have|had|with|maintains|maintained|maintain|developed|forged|built|having) )?{W3}(?:links|link|ties|connections|contacts|contact|relations|relationship|a relationship) (?:to|with) {THE}{X}`, 1, 2, { leftmost: true }],
  ['assoc-appos-close-to', 'associated_with', `{X1} , (?:a|an|the) (?:[^⟦⟧ ,]+ ){0,3}?(?:close|linked|tied|loyal|connected|allied|related) to (?:president |the )?{X1}`, 1, 2],
  ['assoc-links-between', 'associated_with', `(?:links|ties|connections|contacts|relationship|relations|cooperation|collaboration) between {THE}{A} and {THE}{A2}`, 1, 2],
  ['assoc-helped', 'associated_with', `{A} {WHO}(?:(?!said |says |say |told |claimed |added |it |he |she |they |we |who |which )[^⟦⟧ ,;:()"]+ ){0,6}?(?:helped|aided|assisted|supported|funded|financed|sheltered|harboured|harbored|met|met with|visited|contacted|advised|trained|armed|supplied|worked with|collaborated with|cooperated with|sponsored|backed|hosted|housed|sent money to|wired money to|paid|met members of|met leaders of|met representatives of|met officials of|met fighters of|corresponded with|communicated with|phoned|emailed|messaged|praised|praising|glorifying|glorified|promoting|promoted) {THE}{A2}`, 1, 2],
  ['assoc-money-for', 'associated_with', `{X} {WHO}{HV}{ADV}(?:had |has |have )?(?:donated|donating|donates|gave|given|moved|moving|moves|raised|raising|raises|collected|collecting|laundered|laundering|transferred|transferring|funnelled|funneled|funnelling|channelled|channeled|sent|sending|smuggled|smuggling|procured|procuring|bought|buying|supplied|supplying) (?:[^⟦⟧ ]+ ){0,3}?(?:for|to) {THE}{X}`, 1, 2],
  // "it was dissolved and replaced by the DSN": a successor body.
  ['assoc-replaced-by', 'associated_with', `{O1} {WHO}(?:was|were|has been|had been|is being) (?:dissolved and |disbanded and |later |eventually )?(?:replaced|succeeded|superseded|absorbed) by {THE}{O1}`, 1, 2],
  // "the BVT, Austria's domestic intelligence agency": a country's own body is in that country.
  ['assoc-merged', 'associated_with', `{O1} {WHO}{HAVE}{ADV}(?:merged into|merged with|joined forces with|allied with|allied itself with|pledged allegiance to|swore allegiance to|split from|broke away from|splintered from|aligned itself with|is affiliated with|was affiliated with|affiliated with) {THE}{O1}`, 1, 2],
  ['assoc-affiliate-appos', 'associated_with', `{O1} (?:\\( ⟦O[*^]?#\\d+⟧ \\) )?, (?:the |an? )(?:[^⟦⟧ ]+ )?{O1} (?:affiliate|offshoot|branch|wing|franchise|ally|proxy|faction|splinter group|arm|unit|cell|battalion|brigade|division|chapter|province)`, 1, 2],
  ['assoc-worked-for', 'associated_with', `{P} {WHO}{HV}{ADV}(?:worked|works|working|fought|fighting|trained|training|travelled|traveled|travelling|lived|living|cooperated|cooperating|collaborated|collaborating|conspired|conspiring|plotted|plotting|colluded|colluding) (?:[a-z]+ly )?(?:for|with|alongside) (?:the |both )?(?:(?:a|an|two|three|four|several|some|his|her|their|⟦P\\*#\\d+⟧ 's) (?:[^⟦⟧ ,]+ ){0,4}, )?{X}(?:(?: , (?:[^⟦⟧ ]+ |⟦[POLV][*^]?#\\d+⟧ ){0,8}?)?(?:,? and )?(?:with|for) (?:[^⟦⟧ ]+ |⟦[PO][*^]?#\\d+⟧ 's ){0,3}?{X})?`, 1, 2],
  ['assoc-ran-channel', 'associated_with', `{P} {WHO}{ADV}(?:ran|runs|running|managed|manages|operated|operates|edited|edits|hosted|hosts|created|set up|administered|moderated) (?:a|an|the|one of) (?:⟦L[*^]?#\\d+⟧ 's )?(?:[a-z-]+ ){0,3}(?:channel|account|website|forum|page|chat group|cell|branch|chapter|magazine|blog|network|networks|cells|operation|operations|pipeline) (?:for|of) {THE}{O1}`, 1, 2],
  ['located-ran-from', 'located_in', `{P} {WHO}{ADV}(?:ran|runs|running|operated|operates|worked|works|preached|recruited|directed|directs) (?:[^⟦⟧ ]+ |⟦[LO][*^]?#\\d+⟧ (?:'s )?){0,12}?from (?:the )?(?:⟦L[*^]?#\\d+⟧ (?:district|neighbourhood|neighborhood|suburb|area|city|town|region) of )?{L}`, 1, 2],
  ['assoc-coordinated-with', 'associated_with', `{P} {WHO}{HV}{ADV}(?:coordinated|coordinating|coordinates|cooperated|collaborated|conspired|plotted|liaised|liaising|communicated|corresponded|exchanged messages|exchanged) (?:[^⟦⟧ ,]+ ){0,3}?with {ART}{X}`, 1, 2],
  ['assoc-wanted-to-join', 'associated_with', `{P} {WHO}{HV}{ADV}(?:wanted|wants|planned|plans|tried|attempted|hoped|intended|sought|agreed|plotted|was trying|were trying|was planning|were planning) to (?:travel (?:to )?(?:[^⟦⟧ ]+ |⟦L[*^]?#\\d+⟧ ){0,2}?(?:to |and )?)?(?:join|fight for|fight with|support|help) {THE}{O}`, 1, 2],
  ['assoc-travelled-to-join', 'associated_with', `{P} {WHO}{HV}{ADV}(?:travelled|traveled|went|moved|flew|left|returned) (?:to |for )?(?:[^⟦⟧ ,]+ |⟦L[*^]?#\\d+⟧ ){0,5}?to (?:join|fight for|fight with|fight alongside|train with) {THE}{O1}`, 1, 2],
  ['member-of-fighting-with', 'member_of', `{P1} {G}(?:for |of )?(?:fighting|having fought|fought|to have fought|to fight) (?:first |later |briefly |then |mainly |mostly )?(?:with|for|alongside|in the ranks of) {THE}{O1}`, 1, 2],
  ['assoc-material-support', 'associated_with', `{X} {G}(?:provide|provided|providing|provides|give|gave|giving|offer|offered|offering|send|sent|sending) (?:material |financial |logistical )?(?:support|help|funds|money|weapons) to {THE}{O1}`, 1, 2],
  ['assoc-received-from', 'associated_with', `{X1} {G}(?:receiving|received|receives|receive|getting|got|gets|taking|took|accepting|accepted) (?:[a-z]+ ){0,2}?(?:funds|money|support|weapons|orders|instructions|training|funding|financing|cash|donations)(?: and [a-z]+)? from {ART}{X1}`, 1, 2],
  ['assoc-contacted-appos', 'associated_with', `{P1} (?:[^⟦⟧ ]+ |⟦[OLV][*^]?#\\d+⟧ ){0,20}?(?:contacted|met|phoned|called|emailed|messaged|visited|helped|joined|recruited) (?:[^⟦⟧ ,]+ |⟦L[*^]?#\\d+⟧ ){1,10}?, {PN}`, 1, 2, { leftmost: true }],
  ['assoc-working-for-gap', 'associated_with', `{P1} {G}(?:while |when )?(?:working|worked|works|volunteering|volunteered) (?:[a-z]+ly )?(?:for|with) (?:(?:a|an|the) (?:[^⟦⟧ ,]+ ){0,4}(?:, )?)?{THE}{O1}`, 1, 2],
  ['assoc-introduced-to', 'associated_with', `{P1} {G}(?:introduced|introducing|introduces|connected|linked|put) (?:[^⟦⟧ ]+ ){0,3}?(?:to|with|in touch with) (?:[^⟦⟧ ]+ )?(?:recruiters|members|fighters|leaders|officials|operatives|commanders|facilitators) (?:for|of|from) {THE}{O1}`, 1, 2],
  ['assoc-worked-at', 'associated_with', `{P} {WHO}{HV}{ADV}(?:taught|teaches|teaching|worked|works|studied|preached|volunteered|lectured|prayed|trained) (?:[a-z]+ly )?(?:at|for|in) (?:the )?{O1}`, 1, 2],
  ['assoc-worked-for-second', 'associated_with', `{P} {WHO}{HV}{ADV}(?:worked|works|working|fought|trained|travelled|traveled|lived|cooperated|collaborated|conspired|plotted) (?:[a-z]+ly )?(?:for|with|alongside) (?:[^⟦⟧]+? ){0,12}?, and (?:with|for|alongside) (?:[^⟦⟧ ]+ |⟦[PO][*^]?#\\d+⟧ 's ){0,3}?{X}`, 1, 2],
  ['assoc-channel', 'associated_with', `{A} {WHO}(?:[^⟦⟧ ,]+ ){0,6}?(?:channel|conduit|link|bridge|intermediary|middleman|front|cover|vehicle|fundraiser|supplier|financier|banker|fixer|go-between) (?:between|for|to|of) {THE}{A2}`, 1, 2],
  ['assoc-possessive-org', 'associated_with', `{O1} 's {O1} (?:news agency|agency|media wing|media arm|media outlet|outlet|wing|arm|affiliate|branch|magazine|channel|front|charity|youth wing|armed wing|military wing|political wing)`, 1, 2],
  ['assoc-possessive-org-role', 'associated_with', `{O1} 's {W2}(?:rival|rivals|ally|allies|affiliate|affiliates|offshoot|partner|partners|branch|wing|splinter group|sister organisation|sister organization|successor|predecessor) (?:, )?{THE}{O}`, 1, 2],
  ['assoc-role-of', 'associated_with', `{P} {WHO}{BE}{CONJ}{DET}{W2}${ASSOC_ROLE} (?:of|to) {GROUPNP}{THE}{ROLEOF}{A}`, 1, 2],
  ['assoc-appeared-in', 'associated_with', `{P} {G}(?:appeared|appears|featured|features|was shown|starred) in (?:a |an |the )?{O1} (?:[a-z]+ )?(?:propaganda )?(?:video|videos|film|recording|recordings|magazine|broadcast|post)`, 1, 2],
  ['assoc-between', 'associated_with', `{P} {WHO}{BE}(?:[^⟦⟧ ,]+ ){0,6}?(?:liaison|link|channel|conduit|intermediary|go-between|middleman|bridge) between {THE}{PAIR}`, 1, 2],
  ['assoc-on-behalf', 'associated_with', `{X} {WHO}{HV}{ADV}(?:(?!said |says |say |told |claimed |added )[^⟦⟧ ,]+ ){0,4}?(?:on behalf of|in the pay of|at the behest of|on the orders of|on orders from) {THE}{X}`, 1, 2],
  ['assoc-possessive-role', 'associated_with', `{A} 's {W2}${ASSOC_ROLE} (?:, )?{P}`, 1, 2],
  ['assoc-attended-hosted', 'associated_with', `{P} {G}(?:attended|attend|attending|went to|joined|addressed|spoke at|was at) {W3}(?:meeting|meetings|sermon|sermons|lecture|lectures|talk|talks|rally|rallies|event|events|gathering|gatherings|classes|class|study circle|study circles|camp|protest|protests|demonstration|demonstrations|sessions|session|lessons|courses|seminars|circles|prayers) (?:hosted|organised|organized|held|led|given|run|addressed|chaired|arranged|taught) by {THE}{W2}{X}`, 1, 2],
  ['assoc-attended-org-place', 'associated_with', `{P} {ADV}(?:attended|went to|visited|trained at|stayed at|studied at|travelled to|traveled to|joined) {THE}{O1} 's {W2}(?:training camp|camp|camps|meeting|meetings|mosque|headquarters|office|base|school|centre|center|events|rally|compound|safe house)`, 1, 2],
  ['assoc-recruit-for', 'associated_with', `{X1} {G}${RECRUIT_V.slice(0, -1)}|encourage|encouraged|encouraging|urged|urging|urge|sent|sending|send|helped|helping) (?:[^⟦⟧]+? )?(?:to join|to fight for|to go and fight for|to travel and join|to fight with|to support|for) {THE}{O1}`, 1, 2],
  ['assoc-inspired-by', 'associated_with', `{X} {WHO}{HV}{BE}{ADV}(?:inspired|backed|funded|supported|sponsored|financed|armed|trained|directed|influenced|guided|advised|indoctrinated|radicalised|radicalized) {BYX}{X}`, 1, 2],
  ['assoc-affiliate-of', 'associated_with', `{O} {WHO}{BE}{DET}{W3}(?:affiliate|affiliates|branch|branches|offshoot|wing|franchise|proxy|faction|arm|province|chapter|subsidiary|front) (?:of|to|for) {THE}{O1}`, 1, 2],
  ['assoc-appos-possessive-branch', 'associated_with', `{O1} (?:\\( ⟦O[*^]?#\\d+⟧ \\) )?, (?:the )?{O1} 's (?:⟦L[*^]?#\\d+⟧ )?{W2}(?:branch|affiliate|wing|offshoot|arm|franchise|ally|proxy|front|province|chapter|news agency|agency|mouthpiece|outlet|magazine|charity|front group)`, 1, 2],
  ['assoc-manages', 'associated_with', `{P} {WHO}{ADV}(?:manages|managed|managing|runs|ran|running|handles|handled|oversees|oversaw|keeps|kept|administers|administered) {THE}(?:[^⟦⟧ ]+ )?(⟦O[*^]?#\\d+⟧) 's`, 1, 2],
  ['assoc-linked-compound', 'associated_with', `{O1} (?:\\( ⟦O[*^]?#\\d+⟧ \\) )?, (?:the |an? )(?:[^⟦⟧ ,]+ )?{O1} - (?:linked|backed|affiliated|allied|inspired|aligned|sponsored|funded|controlled)`, 1, 2],
  ['assoc-trying-to-join', 'associated_with', `{P} {WHO}{G}(?:of |for )?(?:trying|attempting|plotting|planning|conspiring|seeking|wanting) to (?:travel (?:to )?(?:[^⟦⟧ ]+ |⟦L[*^]?#\\d+⟧ ){0,2}?(?:to |and )?)?(?:join|fight for|fight with|support) {THE}{O1}`, 1, 2],
  ['assoc-predecessor', 'associated_with', `{O1} 's (?:predecessor|successor|forerunner|precursor|parent group|parent organisation|parent organization) , (?:the )?{O1}`, 1, 2],
  ['assoc-as-branch', 'associated_with', `{O1} (?:, )?(?:in \\d{4} )?as (?:a |an |the )?(?:⟦L[*^]?#\\d+⟧ 's )?(?:[a-z]+ )?{O1} (?:branch|affiliate|wing|franchise|arm|offshoot|front|chapter|province)`, 1, 2],
  ['assoc-offshoot', 'associated_with', `{O1} (?:, )?{BE}{DET}{W1}(?:offshoot|splinter group|affiliate|branch|wing|franchise|ally|partner|proxy) of {THE}{O1}`, 1, 2],
  // family_of
  ['family-role-of', 'family_of', `{P1} {WHO}{BE}{DET}{W1}${FAMILY_ROLE} of {P1}`, 1, 2],
  ['family-possessive', 'family_of', `{P1} 's {W1}${FAMILY_ROLE}s? (?:, )?{P1}`, 1, 2],
  ['family-appos-possessive', 'family_of', `{P1} , {P1} 's {W1}${FAMILY_ROLE}`, 1, 2],
  ['family-role-of-list', 'family_of', `{P} {WHO}{BE}{DET}{W1}(?:${FAMILY_ROLE.slice(3, -1)}|sons|daughters|brothers|sisters|cousins|nephews|nieces|children|wives|twins) of (?:(?:a|an|the) (?:[^⟦⟧ ,]+ ){0,3}(?:, )?)?{P1}`, 1, 2],
  ['family-whose', 'family_of', `{P1} , whose {W1}${FAMILY_ROLE}s? (?:, )?{P1}`, 1, 2],
  ['family-married', 'family_of', `{P1} {WHO}{ADV}(?:married|wed|is married to|was married to) {P1}`, 1, 2],
  // "later married a Danish convert, X", "married a Belgian IS fighter, Y": the spouse named in apposition.
  ['family-married-appos', 'family_of', `{P1} {G}(?:married|wed|is married to|was married to) (?:a|an|the|another|one) (?:[^⟦⟧ ,]+ |⟦[OL][*^]?#\\d+⟧ ){0,4}?, {P1}`, 1, 2, { leftmost: true }],
  ['family-married-named', 'family_of', `{P1} {G}(?:married|wed) (?:a|an|the|another) (?:[^⟦⟧ ,]+ |⟦[OL][*^]?#\\d+⟧ ){0,4}?(?:called|named) {P1}`, 1, 2, { leftmost: true }],
  // alias_of
  ['alias-formerly', 'alias_of', `{X1} (?:, |\\( )?{BE}(?:formerly|previously|once|later|now) (?:known as|called|named) {THE}{X1}`, 1, 2],
  ['alias-renamed', 'alias_of', `{O1} {WHO}{BE}{ADV}(?:renamed|rebranded|renamed itself|changed its name to|reformed as|re-formed as|relaunched as|resurfaced as|re-emerged as|reconstituted as|operated as|operating as|operates as) {THE}{O1}`, 1, 2],
  ['alias-under-the-name', 'alias_of', `{O1} {WHO}{BE}{ADV}(?:operated|operates|operating|existed|was known|was active|went|goes|campaigned|organised|organized|posted|recruited) (?:online )?under the (?:name|names|banner|label|guise|brand) (?:of )?{THE}{O1}`, 1, 2],
  ['alias-designated-x-as', 'alias_of', `(?:designated|proscribed|banned|listed|named|identified|added) {THE}{O1} as (?:an |a |another )?(?:alias|aliases|alternative name|other name|new name) (?:of|for) {THE}{O1}`, 1, 2],
  ['alias-proscribed-as', 'alias_of', `{O1} {WHO}{BE}{ADV}(?:proscribed|banned|designated|listed|named|identified) (?:(?:in|on) [^⟦⟧ ,]+ )?as (?:an |a |another )?(?:alias|aliases|alternative name|other name|new name) (?:of|for) {THE}{O1}`, 1, 2],
  ['alias-successor', 'alias_of', `{O1} (?:, )?{BE}{DET}{W1}(?:successor|front|front group|alias|new name|rebranding|reincarnation) (?:to|of|for) {THE}{O1}`, 1, 2],
  // recruited
  // "Among his recruits were X and Y", "Boukhari's protégés included X".
  ['recruited-possessive', 'recruited', `(⟦[PO][*^]?#\\d+⟧) 's (?:[a-z-]+ )?(?:recruits|protégés|proteges|protégé|protege|disciples|recruit) (?:were|included|include|was|are|is|:) (?:[a-z-]+ ){0,2}?{P}`, 1, 2],
  ['recruited-active', 'recruited', `{X1} {G}(?<!(?:was|were|been|being|is|are|get|got) )${RECRUIT_V} (?!by )(?:(?!where |which |while |but |by )[^⟦⟧ ]+ |⟦[OLV][*^]?#\\d+⟧ |⟦P\\*#\\d+⟧ ){0,20}?{PN}`, 1, 2, { leftmost: true }],
  ['recruited-object', 'recruited', `{X1} {G}(?<!been |be |being |was |were |is |are )${RECRUIT_V} {P}`, 1, 2, { leftmost: true }],
  ['recruited-passive', 'recruited', `{P} {WHO}{HV}(?:had |has |have )?{BE}{ADV}${RECRUIT_V} {W2}{BYX}{X}`, 2, 1],
  // perpetrator_of
  ['perpetrator-verb', 'perpetrator_of', `{X1} {G}${PERP_V} {THEP}{V}`, 1, 2, { leftmost: true }],
  ['perpetrator-with', 'perpetrator_of', `{P1} {G}${PERP_V} {THEP}{V} (?:together )?with (?:[^⟦⟧ ,]+ |⟦P\\*#\\d+⟧ 's ){0,4}?{PN}`, 3, 2],
  ['perpetrator-possessive', 'perpetrator_of', `{X1} 's {V}`, 1, 2, { eventFamily: 'violence' }],
  ['perpetrator-passive', 'perpetrator_of', `{V} {WHO}{BE}{ADV}(?:carried out|conducted|committed|perpetrated|launched|staged|planned|masterminded|orchestrated|organised|organized|ordered|directed|coordinated|financed|funded) {BYX}{X}`, 2, 1],
  ['perpetrator-gang-led-by', 'perpetrator_of', `{V} {WHO}{BE}{ADV}(?:carried out|conducted|committed|perpetrated|launched|staged|planned|masterminded|orchestrated|organised|organized) by (?:a|an|the) {W3}(?:gang|group|cell|faction|network|militia|unit|band|squad|team) (?:led|headed|commanded|run|directed) by {P}`, 2, 1],
  ['assoc-charged-in-connection', 'associated_with', `{P} {WHO}{BE}{ADV}(?:charged|arrested|detained|held|convicted|questioned|jailed|sentenced) (?:[^⟦⟧ ,]+ ){0,4}?(?:in connection with|over|for (?:their|his|her) (?:role|part) in) {THE}{V}`, 1, 2],
  ['assoc-charged-including', 'associated_with', `(?:charged|arrested|detained|held|convicted|questioned|jailed|sentenced) (?:[^⟦⟧ ,]+ ){0,4}?(?:in connection with|over|for (?:their|his|her) (?:role|part) in) {THE}{V} , including {P}`, 2, 1],
  ['perpetrator-video-by', 'perpetrator_of', `(?:video|footage|recording|film|images) (?:released|published|posted|issued|distributed) by {THE}{O1} (?:showing|depicting|of|which showed) {THE}{V}`, 1, 2],
  ['perpetrator-men-from', 'perpetrator_of', `(?:gunmen|attackers|militants|fighters|bombers|men|members|assailants) (?:from|of) (?:the )?(?:[^⟦⟧ ]+ |⟦L[*^]?#\\d+⟧ ){0,4}?{O1} (?:\\( ⟦O[*^]?#\\d+⟧ \\) )?{V}`, 1, 2],
  ['assoc-scouting-for', 'associated_with', `{P} {G}(?:scouting|scouted|scouts|spying|spied|spies|surveilling|gathering intelligence|raising money|raised money|recruiting|recruited fighters|fundraising|propagandising|working) (?:[^⟦⟧ ,]+ ){0,3}?for {THE}{O1}`, 1, 2],
  ['perpetrator-named-as', 'perpetrator_of', `(?:named|identified|described|blamed|accused) {P1} (?:[^⟦⟧]+? |⟦P[*^]?#\\d+⟧ ){0,10}?as (?:the )?(?:[a-z]+ )?(?:organiser|organizer|mastermind|architect|ringleader|planner|perpetrator|leader|commander) (?:of|behind) (?:the )?(?:[a-z]+ 's )?{V}`, 1, 2],
  ['perpetrator-person-claimed', 'perpetrator_of', `{P1} {WHO}{G}(?:claimed|claims|has claimed|took|takes|accepted|accepts|admitted) (?:full )?(?:responsibility|credit) (?:for|of) {THE}(?:[a-z]+ 's )?{V}`, 1, 2],
  ['perpetrator-role', 'perpetrator_of', `{P} {WHO}{BE}{DET}{W2}(?:attacker|attackers|bomber|bombers|gunman|gunmen|perpetrator|perpetrators|killer|killers|murderer|assailant|plotter|plotters|ringleader|mastermind|architect|organiser|organizer) (?:in|of|behind|responsible for|who carried out) {THE}{V}`, 1, 2],
  ['perpetrator-punished-for', 'perpetrator_of', `{P} {G}(?:convicted|jailed|sentenced|charged|arrested|found guilty|imprisoned|tried|serving (?:a |an )?{W3}(?:sentence|term|life-sentence)|given (?:a |an )?{W3}(?:sentence|term)|received (?:a |an )?{W3}(?:sentence|term)) {W10}(?:for|over|in connection with|in relation to) (?:the |his |her |their |⟦P\\*#\\d+⟧ 's )?(?:(?:role|part) in (?:the )?)?{V}`, 1, 2, { eventFamily: 'violence' }],
  ['perpetrator-behind', 'perpetrator_of', `{X} {WHO}{BE}{ADV}(?:(?:the |a )?(?:driving force|brains|mastermind|architect|organiser|organizer|ringleader|leading figure|main figure) )?(?:behind|responsible for) {THE}{V}`, 1, 2],
  ['perpetrator-kill-subject', 'perpetrator_of', `{X1} {G}(?<!(?:was|were|been|being|is|are) ){V}`, 1, 2, { killVerbEvent: true }],
  // victim_of
  ['victim-in', 'victim_of', `{P} {WHO}{BE}{ADV}(?:killed|injured|wounded|hurt|murdered|stabbed|shot|targeted|died|among the dead|among the victims|among those killed|taken hostage|kidnapped|maimed) {W2}(?:in|during|by|at) {THE}{V}`, 1, 2],
  ['victim-kidnapped', 'victim_of', `{P} (?:was|were|had been|has been) (?:[a-z]+ly )?{V}`, 1, 2, { eventFamily: 'violence', killVerbEvent: true }],
  ['victim-along-with', 'victim_of', `{V} (?:[^⟦⟧ ]+ |⟦L[*^]?#\\d+⟧ ){0,10}?along with (?:a |an |the )?(?:[^⟦⟧ ,]+ ){0,3}(?:, )?{P}`, 2, 1, { killVerbEvent: true }],
  ['victim-along-with-second', 'victim_of', `{V} (?:[^⟦⟧ ]+ |⟦L[*^]?#\\d+⟧ ){0,10}?along with (?:[^⟦⟧]+? |⟦P#\\d+⟧ ){1,12}?, and (?:a |an |the )?(?:[^⟦⟧ ,]+ ){0,3}(?:, )?{P}`, 2, 1, { killVerbEvent: true }],
  ['victim-of-noun', 'victim_of', `{P} {WHO}{BE}{DET}{W1}(?:victim|victims|target|targets) of {THE}{V}`, 1, 2],
  // claimed_responsibility
  ['claimed-responsibility', 'claimed_responsibility', `{O1} {WHO}{G}(?:claimed|claims|claiming|took|takes|taking|accepted|accepts|admitted|issued a statement claiming) (?:the )?(?:full )?(?:responsibility|credit) (?:for|of) {THE}{V}`, 1, 2, { leftmost: true }],
  ['claimed-passive', 'claimed_responsibility', `{V} {WHO}{BE}{ADV}(?:later )?claimed by {THE}{O1}`, 2, 1],
  ['claimed-direct', 'claimed_responsibility', `{O1} {ADV}(?:claimed|claims) {THE}{V}`, 1, 2],
  // arrested or charged with no agent named: the police body the report is about
  ['investigated-implicit-police', 'investigated_by', `{X} {WHO}(?:was|were|has been|have been|had been|is|are|being) {ADV}(?:arrested|charged|detained|questioned|held|remanded|interviewed|bailed|released on bail)(?! by)`, 1, 0, { implicitAgent: true }],
  // "Among those designated was X": the designating body is the one the report is about
  // "Also sanctioned were X's brother, Y, who manages ..., and Z, a courier": a list with appositions.
  ['designated-implicit-list', 'designated_by', `(?:among (?:those|the people|the individuals|the entities) (?:designated|sanctioned|listed|named)|also (?:designated|sanctioned|listed|targeted)) (?:were|was|are|is) ${LOOSE_LIST('[PO]')}`, 1, 0, { implicitAgent: true, agentKind: 'designator' }],
  ['designated-among-those', 'designated_by', `{X} {WHO}(?:were|was|are|is) (?:also )?among (?:those|the people|the individuals|the entities|the targets|the companies|the groups|the (?:[a-z]+ )?(?:people|individuals|entities) ) ?(?:designated|sanctioned|listed|named|targeted)`, 1, 0, { implicitAgent: true, agentKind: 'designator' }],
  ['designated-placed-on-list-implicit', 'designated_by', `{X} {WHO}(?:was|were|has been|have been|had been) (?:also |later |subsequently )?(?:placed|put|added|included) (?:on|to|in) (?:the|a|its) (?:[a-z-]+ ){0,2}?(?:list|blacklist)(?! of| by)`, 1, 0, { implicitAgent: true, agentKind: 'designator' }],
  // "The government is to ban the network X", "ministers will proscribe X": the body is the government named nearby.
  ['designated-government-implicit', 'designated_by', `(?:government|ministers|minister|authorities|officials|parliament) (?:is|are|was|were|has|have|had|will|would|plans|planned|decided|moved|voted|intends)? ?(?:to |set to |expected to |going to )?(?:formally |also )?(?:ban|proscribe|designate|outlaw|list|blacklist|banned|proscribed|designated|outlawed) {THE}{GROUPNP}{X}`, 1, 0, { implicitAgent: true, agentKind: 'designator' }],
  ['designated-add-to-list-implicit', 'designated_by', `(?:will|would|to|shall) add {THE}{GROUPNP}{X} to (?:the|a|its) (?:[a-z-]+ ){0,3}?(?:list|register)(?: of (?:proscribed|banned|designated|terrorist|outlawed))?`, 1, 0, { implicitAgent: true, agentKind: 'designator' }],
  ['designated-implicit', 'designated_by', `(?:among (?:those|the people|the individuals) (?:designated|sanctioned|listed|named)|also (?:designated|sanctioned|listed)) (?:were|was|are|is) (?:⟦P[*^]?#\\d+⟧ 's [a-z-]+ , )?{X}`, 1, 0, { implicitAgent: true, agentKind: 'designator' }],
  // "X was proscribed in 2019": the body that lists groups in the passage listed it.
  ['designated-passive-implicit', 'designated_by', `{X} {WHO}(?:was|were|has been|have been|had been) (?:also |formally |officially |subsequently |later )?(?:proscribed|designated|sanctioned|blacklisted|outlawed|banned)(?! by| from| for (?!(?:allegedly |reportedly |its |his |her |their )?[a-z]+ing )| after| because)(?: |$)`, 1, 0, { implicitAgent: true, agentKind: 'designator' }],
  // "The department also designated X, a money transfer business, and its manager, Y".
  ['designated-active-second', 'designated_by', `{O1} {ADV}(?:on [a-z]+ )?(?:has |had |have )?(?:formally |officially )?${DESIGNATE_V} {THE}⟦[PO]#\\d+⟧ , (?:a|an|the) [^⟦⟧]*?(?:⟦L[*^]?#\\d+⟧ [^⟦⟧]*?)*, and (?:⟦[PO][*^]?#\\d+⟧ 's [a-z-]+ , )?{X}`, 2, 1],
  // the incident under discussion, unnamed in the sentence
  ['claimed-implicit', 'claimed_responsibility', `{O1} {WHO}{G}(?:claimed|claims|claiming|took|takes|taking|accepted|accepts|admitted|issued a statement claiming|denied|denies|denying|rejected|disclaimed) (?:any |the )?(?:full )?(?:responsibility|credit|involvement)(?! (?:for|of) )(?! in (?:the |a )?(?:⟦L[*^]?#\\d+⟧ )?⟦V)`, 1, 0, { implicitEvent: true }],
  // "X has denied any involvement in the Sheffield assault", "suspected of involvement in the bombing".
  ['perpetrator-involvement', 'perpetrator_of', `{X} {WHO}{G}(?:denied|denies|denying|rejected|rejects|admitted|admits|acknowledged|suspected of|accused of|charged with|over|for) (?:any |all |its |his |her |their |a |an )?(?:involvement|role|part|participation) in {THE}{V}`, 1, 2],
  ['perpetrator-identified', 'perpetrator_of', `(?:the|a) (?:[^⟦⟧ ]+ )?(?:attacker|attackers|gunman|gunmen|bomber|bombers|assailant|killer|perpetrator|knifeman|shooter|suicide bomber) (?:was |has been |had been |were |have been )?(?:identified|named) (?:by (?:[^⟦⟧ ]+ ){1,2})?(?:as )?{P}`, 1, 0, { implicitEvent: true }],
  ['perpetrator-role-were', 'perpetrator_of', `(?:the|a) (?:[a-z]+ ){0,2}(?:bombers|attackers|gunmen|perpetrators|assailants|hijackers|killers|bomber|attacker|gunman|perpetrator|assailant|hijacker|killer|shooter) (?:were|was|are|is|have been|has been) (?:identified as |named as )?{P}`, 1, 0, { implicitEvent: true }],
  ['perpetrator-identified-as-one', 'perpetrator_of', `{P} {WHO}{BE}{ADV}(?:identified|named|confirmed|unmasked) (?:[a-z]+ ){0,3}?as (?:one of )?the (?:attackers|gunmen|bombers|perpetrators|hijackers|assailants|killers|attacker|gunman|bomber|perpetrator)`, 1, 0, { implicitEvent: true }],
  ['perpetrator-plural-role', 'perpetrator_of', `(?:(?:two|three|four|both|one|all) (?:of )?)?(?:the |a |an )(?:[a-z]+ ){0,2}?(?:suicide )?(?:attackers|bombers|gunmen|perpetrators|assailants|hijackers|killers|plotters|attacker|bomber|gunman|perpetrator|assailant|hijacker|knifeman|shooter|killer|murderer|driver of the (?:van|truck|lorry|car|vehicle))(?: [a-z]+){0,3} , {P}`, 1, 0, { implicitEvent: true }],
  ['perpetrator-blamed', 'perpetrator_of', `(?:blamed|blames|blaming|held responsible|holds responsible|pointed the finger at) (?:the )?{X}`, 1, 0, { implicitEvent: true, modality: 'reported' }],
  ['victim-killed-including', 'victim_of', `(?:killed|dead|died|injured|wounded|hurt) , including (?:[^⟦⟧]+? )?(?:, )?{P}`, 1, 0, { implicitEvent: true }],
  ['perpetrator-sentenced-for', 'perpetrator_of', `(?:sentenced|convicted|jailed|found guilty|charged|indicted) (?:[^⟦⟧ ,]+ ){0,4}?(?:, )?{P} (?:, )?(?:[^⟦⟧ ,]+ ){0,6}?for (?:stabbing|killing|murdering|attacking|bombing|shooting|carrying out|planning|plotting|beheading)`, 1, 0, { implicitEvent: true }],
  // "The two people who died were named as X, a nurse, and Y": victims named after the incident.
  ['victim-named-as', 'victim_of', `(?:victims?|dead|deceased|(?:people|person|man|woman|men|women|officer|officers|boy|girl|those) (?:who (?:died|was killed|were killed)|killed)) (?:were|was|have been|has been|had been) (?:formally |officially |later )?(?:named|identified) (?:by (?:[^⟦⟧ ,]+ ){1,3})?as ${LOOSE_LIST('P')}`, 1, 0, { implicitEvent: true }],
  ['victim-named-them', 'victim_of', `(?:named|identified) the (?:[a-z]+ )?(?:victims|dead|hostages|abductees|captives|kidnapped) as ${LOOSE_LIST('P')}`, 1, 0, { implicitEvent: true }],
  ['victim-role', 'victim_of', `(?:the|a|one) (?:[a-z]+ )?(?:victim|victims) , {P}`, 1, 0, { implicitEvent: true }],
  ['victim-killed-appos', 'victim_of', `(?:(?:killed|murdered|shot|stabbed|shot dead|injured|wounded) |⟦V[*^]?#\\d+⟧ )(?:a|an|the|its|his|her|their) (?:[^⟦⟧ ,]+ ){0,3}, {P}`, 1, 0, { implicitEvent: true }],
  ['victim-killed-appos-second', 'victim_of', `(?:(?:killed|murdered|shot|stabbed|shot dead|injured|wounded) |⟦V[*^]?#\\d+⟧ )(?:a|an|the) (?:[^⟦⟧ ,]+ ){0,3}, ⟦P#\\d+⟧ , and (?:a|an|the) (?:[^⟦⟧ ,]+ ){0,6}, {P}`, 1, 0, { implicitEvent: true }],
  // "Among the dead were X, a trader, and his son Y": the second of two, past an apposition.
  ['victim-among-second', 'victim_of', `among (?:the )?(?:dead|victims|killed|wounded|injured|those killed|those injured|those wounded|casualties) (?:was|were|is|are) ⟦P[*^]?#\\d+⟧ , (?:a|an|the) (?:[^⟦⟧ ,]+ ){1,6}, and (?:[a-z-]+ ){0,2}(?:⟦P[*^]?#\\d+⟧ 's [a-z-]+ )?{P}`, 1, 0, { implicitEvent: true }],
  // "X, who sold tea near the entrance, was also killed": a named victim of the incident at hand.
  ['victim-passive', 'victim_of', `{P} {WHO}(?:was|were|had been|has been) (?:also |later |badly |seriously |critically |fatally |slightly |among those )?(?:killed|injured|wounded|hurt|shot dead|murdered|stabbed to death|taken hostage|kidnapped|abducted)(?! by)(?!(?: (?:[^⟦⟧ ]+|⟦[^⟧]+⟧)){0,8} (?:raid|strike|airstrike|drone|shootout|gunfight|firefight|operation|clash|clashes|custody|detention|prison|jail|militants|fighters|insurgents|jihadists|gunmen|attackers|⟦V))(?: |$)`, 1, 0, { implicitEvent: true }],
  // "That attack was blamed on Boko Haram", "the bombing bore the hallmarks of X".
  ['perpetrator-blamed-on', 'perpetrator_of', `{V} {WHO}(?:{BE}{ADV}(?:blamed on|attributed to|pinned on)|(?:bore|bears|had|has) (?:all )?(?:the )?hallmarks of) {THE}{X}`, 2, 1],
  ['victim-among', 'victim_of', `(?:among|one of) (?:the )?(?:dead|victims|killed|wounded|injured|those killed|those injured|those wounded|casualties) (?:was|were|is|are) (?:[a-z0-9-]+ ){0,2}?{P}`, 1, 0, { implicitEvent: true }],
  ['victim-among-subject', 'victim_of', `{P} {WHO}{BE}{ADV}among (?:the )?(?:dead|victims|killed|wounded|injured|those killed|those injured|those wounded|casualties)`, 1, 0, { implicitEvent: true }],
  // located_in
  ['located-live', 'located_in', `{X} {WHO}{BE}{HV}{ADV}{HAVE}(?:also )?${LIVE_V} (?:[^⟦⟧ ,;:()"]+ |⟦O[*^]?#\\d+⟧ 's ){0,6}?(?:(?:with|for|alongside) {THE}⟦O[*^]?#\\d+⟧ )?(?:(?:in|at|near|from|out of|across|throughout|around|inside) )?{THE}(?:⟦L[*^]?#\\d+⟧ (?:suburb|district|borough|neighbourhood|neighborhood|town|village|area|region|province|quarter) of )?{PLACEMOD}{L}`, 1, 2],
  // Only people are jailed, held or hiding somewhere.
  ['located-held', 'located_in', `{P} {WHO}{BE}{HV}{ADV}{HAVE}(?:imprisoned|jailed|detained|held|hiding|hid|serving (?:a |an )?(?:[a-z-]+ ){0,3}(?:sentence|term)) (?:[^⟦⟧ ,;:()"]+ ){0,6}?(?:(?:in|at|near|on|inside|of) )?{THE}{PLACEMOD}{L}`, 1, 2],
  // "left for Syria", "travelled to Raqqa": where a person went is where they were.
  ['located-travelled', 'located_in', `{P} {WHO}{BE}{HV}{ADV}{HAVE}(?:travelled|traveled|went|moved|relocated|emigrated|fled|returned|left|headed|flew|crossed|was smuggled|were smuggled) (?:back |abroad )?(?:to|for|into) {THE}{PLACEMOD}{L}`, 1, 2],
  // "brothers from the Schilderswijk", "both of Wolverhampton"
  ['located-plural-from', 'located_in', `{P} (?:, )?(?:(?:two|three|four|both) )?(?:brothers|sisters|cousins|friends|men|women|teenagers|students|residents|natives|both|all|all three|all four) (?:from|of) {THE}{PLACEMOD}{L}`, 1, 2],
  // "X, a Mogadishu businessman": a place before a person noun.
  ['located-appos-premod', 'located_in', `{P1} , (?:a|an) (?:[a-z-]+ )?{L} (?:[a-z-]+ )?${PERSON_NOUN} (?:,|who|\\.|$|and)`, 1, 2],
  // "Born in Casablanca, X moved ..."
  ['located-born-in-first', 'located_in', `^(?:[a-z]+ )?born in {THE}{L} (?:in [0-9]+ )?, {P1}`, 2, 1],
  // "Bakaal Express, a money transfer business with branches in Somalia and Kenya"
  ['located-org-appos', 'located_in', `{O1} (?:\\( ⟦O[*^]?#\\d+⟧ \\) )?, (?:a|an|the) (?:[^⟦⟧ ,]+ ){0,5}?(?:with (?:branches|offices|operations|cells|bases|a base|an office|a branch|headquarters) |active |operating |based |registered |headquartered )(?:in|across|throughout) {THE}{PLACEMOD}{L}`, 1, 2],
  ['located-where', 'located_in', `{L} (?:, )?where {X} {G}${LIVE_V}`, 2, 1],
  ['located-appos-from', 'located_in', `{X1} (?:\\( ⟦[PO][*^]?#\\d+⟧ \\) )?, (?:[^⟦⟧ ]+ , )?(?:a|an) (?:(?![a-z]+ed |born )[^⟦⟧ ,]+ |⟦P\\*#\\d+⟧ ){0,4}?(?:from|in|based in) {THE}(?:⟦L[*^]?#\\d+⟧ )?(?:(?:village|town|city|district|region|province|suburb|neighbourhood|neighborhood|borough) of )?{PLACEMOD}{L}`, 1, 2],
  ['located-occupation-in', 'located_in', `{P} {WHO}{BE}{DET}{W3}(?:student|students|resident|residents|teacher|worker|imam|preacher|cleric|doctor|nurse|businessman|shopkeeper|driver|refugee|engineer|lawyer|labourer|pupil|councillor|convert|father|mother|man|woman) (?:in|at|from|of) {THE}{L}`, 1, 2],
  ['located-of-appos', 'located_in', `{P1} (?:, )?of {THE}{PLACEMOD}{L} ,`, 1, 2],
  ['located-from-appos', 'located_in', `{P1} (?:, )?from {THE}{PLACEMOD}{L} ,`, 1, 2],
  ['located-possessive-place', 'located_in', `{L} 's (⟦[OL][*^]?#\\d+⟧)`, 2, 1],
  ['located-known-as', 'located_in', `(?:in|from|of) (?:⟦L[*^]?#\\d+⟧ 's )?{L} (?:[a-z]+ )?(?:, )?(?:also |locally )?known (?:locally )?as {THE}{O1}`, 2, 1],
  ['located-imam-of', 'located_in', `{P1} , (?:the|a|an) (?:[a-z]+ )?(?:imam|preacher|priest|rabbi|teacher|head|director|owner|manager|principal|chairman|caretaker) (?:of|at) (?:a |an |the )?{L}`, 1, 2],
  ['located-x-based', 'located_in', `{L} - based (?:[^⟦⟧ ,]+ ){0,3}?{O1}`, 2, 1],
  ['located-resident-of', 'located_in', `{P} {WHO}{BE}{DET}{W1}(?:resident|residents|native|natives|citizen|citizens) of {THE}{L}`, 1, 2],
  ['located-event-place', 'located_in', `{V} {W3}(?:in|at|on|near|outside|inside|across) {THE}{L}`, 1, 2],
  ['located-event-held', 'located_in', `{V} {WHO}{BE}(?:held|took place|happened|occurred|staged|carried out) {W2}(?:in|at|on|near) {THE}{L}`, 1, 2],
  ['located-org-based', 'located_in', `{O1} (?:, (?:a|an|the) {W3}|{BE}{ADV})(?:based|headquartered|active|operating|operates|operated|registered|incorporated) (?:in|across|throughout) {THE}{L}`, 1, 2],
  // designated_by
  ['designated-passive', 'designated_by', `{X} {G}{BE}{ADV}${DESIGNATE_V} {GL6}{BYX}{OFPLACE}{O1}`, 1, 2],
  ['designated-list', 'designated_by', `{X} {G}{BE}{ADV}(?:added to|placed on|put on|included on|included in|named on|listed on) {THE}{O1} (?:'s )?(?:[^⟦⟧ ]+ ){0,3}?(?:list|blacklist|register|sanctions)`, 1, 2],
  ['designated-froze-assets', 'designated_by', `{O1} {G}(?:froze|frozen|freezes|freezing|seized|blocked) (?:the )?(?:assets|funds|bank accounts|accounts|property) of {THE}{X}`, 2, 1],
  ['designated-imposed-sanctions', 'designated_by', `{O1} {G}(?:imposed|placed|slapped|levied|announced|issued) (?:new |fresh |further |financial )?(?:sanctions|a travel ban|an asset freeze|travel bans|asset freezes) (?:on|against) {THE}{X}`, 2, 1],
  ['designated-active', 'designated_by', `{O1} (?:and (?:the )?⟦[LO][*^]?#\\d+⟧ )?{ADV}(?:on [a-z]+ )?(?:has |had |have )?(?:formally |officially )?${DESIGNATE_V} {THE}{X}`, 2, 1],
  ['designated-added-to-list', 'designated_by', `(?<!'s ){O1} (?:'s ⟦O[*^]?#\\d+⟧ (?:sanctions |monitoring )?committee |(?:sanctions |security |monitoring )?committee )?{ADV}(?:on [a-z]+ )?(?:has |had |have )?(?:added|put|placed) {THE}{X} (?:, (?:[^⟦⟧]+? |⟦L#\\d+⟧ ){0,8}?, )?(?:to|on) (?:its |the |his |their |⟦O[*^]?#\\d+⟧ 's )(?:[^⟦⟧ ]+ ){0,2}?(?:list|blacklist|register)`, 2, 1],
  ['designated-designation-by', 'designated_by', `(?:designation|proscription|listing|sanctioning|banning) of {THE}{X} by {THE}{O1}`, 1, 2],
  ['designated-possessive-designation', 'designated_by', `{O1} 's (?:designation|proscription|listing|sanctioning|banning) of {THE}{X}`, 2, 1],
  // investigated_by
  ['investigated-passive', 'investigated_by', `{X} {G}{BE}{ADV}${INVEST_PASSIVE} {GL6}{BYX}{OFPLACE}{O1}`, 1, 2],
  ['investigated-active', 'investigated_by', `{O1} {G}(?:(?<!(?:are|is|was|were|been|being) )${INVEST_ACTIVE}|${INVEST_ING}) {THE}{X}`, 2, 1],
  ['investigated-including', 'investigated_by', `{O1} {G}(?:(?<!(?:are|is|was|were|been|being) )${INVEST_ACTIVE}|${INVEST_ING}) (?:[^⟦⟧ ]+ |⟦O[*^]?#\\d+⟧ 's ){0,8}?(?:, )?including {P}`, 2, 1],
  ['investigated-known-to', 'investigated_by', `{X} {WHO}{G}(?:was|were|had been|has been|is|are) (?:already |previously |well |long )?known to {THE}{O1}`, 1, 2],
  ['investigated-under', 'investigated_by', `{X} {WHO}{BE}{ADV}(?:under|on) {THE}{O1} 's (?:radar|watch list|watchlist|surveillance|investigation)`, 1, 2],
];

/** One regular expression per distinct lexicon requirement, shared by the patterns that need it. */
const SHARED_NEEDS = new Map<string, RegExp>();

export const PATTERNS: Pattern[] = SPECS.map(([id, type, rx, src, tgt, extra]) => {
  const re = compile(rx);
  const needs = requirements(re.source).map((n) => {
    if (typeof n === 'string') return n;
    if (!SHARED_NEEDS.has(n.source)) SHARED_NEEDS.set(n.source, n);
    return SHARED_NEEDS.get(n.source)!;
  });
  return {
    // A source reached over a free gap: the nearest fitting word wins only if it opens the clause.
    id, type, rx: re, src, tgt, leftmost: src === 1 && /^\{[A-Z0-9]+\} \{G\}/.test(rx), needs, ...extra,
  };
});

/**
 * Cheap tests that must all pass for the pattern to match, read off its source: the literal
 * runs it cannot skip (" 's ", " , whose ") and the groups of literal alternatives it cannot
 * skip (a trigger lexicon, each alternative cut at its first special character). Most
 * sentences fail them for most patterns, so the full expression rarely runs.
 */
export function requirements(src: string): (string | RegExp)[] {
  const out: (string | RegExp)[] = [];
  let run = '';
  const flush = () => {
    if (run.trim().length >= 2) out.push(run);
    run = '';
  };
  for (let i = 0; i < src.length;) {
    const atom = atomAt(src, i);
    const q = quantifierAt(src, atom.end);
    i = q.end;
    if (atom.kind === 'bar') return []; // an alternative at the top: nothing is required
    if (atom.kind === 'literal' && q.min >= 1) {
      run += atom.text;
      if (q.end > atom.end) flush(); // repeated: the run stops here
      continue;
    }
    flush();
    if (atom.kind !== 'group' || q.min < 1 || /^\(\?[=!<]/.test(atom.text)) continue;
    const body = atom.text.startsWith('(?:') ? atom.text.slice(3, -1) : atom.text.slice(1, -1);
    const prefixes = splitTop(body).map(literalPrefix);
    if (prefixes.every((x) => x.trim().length >= 2)) {
      out.push(prefixes.length === 1 ? prefixes[0]! : new RegExp(prefixes.map(escapeRx).join('|')));
    }
  }
  flush();
  return out;
}

type Atom = { kind: 'literal' | 'group' | 'other' | 'bar'; text: string; end: number };

/** One atom of a regular expression source: a literal character, a group, a class or an assertion. */
function atomAt(src: string, i: number): Atom {
  const c = src[i]!;
  if (c === '|') return { kind: 'bar', text: c, end: i + 1 };
  if (c === '(') {
    const j = groupEnd(src, i);
    return { kind: 'group', text: src.slice(i, j + 1), end: j + 1 };
  }
  if (c === '[') return { kind: 'other', text: '', end: classEnd(src, i) + 1 };
  if (c === '.' || c === '^' || c === '$') return { kind: 'other', text: '', end: i + 1 };
  if (c === '\\') {
    const e = src[i + 1] ?? '';
    // \d, \b, \s, back-references and the like match no fixed text.
    return /[a-zA-Z0-9]/.test(e) ? { kind: 'other', text: '', end: i + 2 } : { kind: 'literal', text: e, end: i + 2 };
  }
  return { kind: 'literal', text: c, end: i + 1 };
}

/** The quantifier at `at` (if any): its least repeat count and where it ends. */
function quantifierAt(src: string, at: number): { min: number; end: number } {
  const c = src[at];
  let min = 1, end = at;
  if (c === '?' || c === '*') { min = 0; end = at + 1; }
  else if (c === '+') end = at + 1;
  else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(at));
    if (m) { min = Number(m[1]); end = at + m[0].length; }
  }
  if (end > at && src[end] === '?') end++; // lazy
  return { min, end };
}

/** The literal text every match of an alternative starts with. */
function literalPrefix(alt: string): string {
  let out = '';
  for (let i = 0; i < alt.length;) {
    const atom = atomAt(alt, i);
    const q = quantifierAt(alt, atom.end);
    if (atom.kind !== 'literal' || q.min < 1) break;
    out += atom.text;
    if (q.end > atom.end) break;
    i = q.end;
  }
  return out;
}

function classEnd(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j;
}

function groupEnd(src: string, i: number): number {
  let depth = 0;
  for (let j = i; j < src.length; j++) {
    const c = src[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(src, j);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  throw new Error(`unbalanced group in pattern ${src}`);
}

/** The alternatives of a group body, split at its own top-level bars. */
function splitTop(body: string): string[] {
  const parts: string[] = [];
  let depth = 0, start = 0;
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (c === '\\') j++;
    else if (c === '[') j = classEnd(body, j);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { parts.push(body.slice(start, j)); start = j + 1; }
  }
  parts.push(body.slice(start));
  return parts;
}

function escapeRx(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const ANCHOR_ID_RX = /⟦([POLV])([*^]?)#(\d+)⟧/g;
