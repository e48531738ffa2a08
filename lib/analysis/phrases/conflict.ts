/**
 * Conflict, bad news and pushback. Weights add up within a draft: one mild word ("unfortunately")
 * is everyday email, several together or one strong phrase ("bad news", "not acceptable") is a
 * conversation that goes better by voice. `negatable` phrases are cancelled by a negation just
 * before them: "no problem", "not an issue", "no delay".
 */
import type { PhraseRule } from '../phrase-match';
import { SOURCES } from './sources';

const source = SOURCES.conflictByPhone;

export const CONFLICT_PHRASES: readonly PhraseRule[] = [
  // bad news and apologies
  { pattern: '(bad|tough|difficult|disappointing|unwelcome) news', source, weight: 1 },
  { pattern: 'not (good|great|the) news', source, weight: 1 },
  {
    pattern:
      "(i am|i'm|we are|we're) (sorry|afraid|sad|disappointed) to (say|report|tell|inform|share|be sending|let you know|hear)",
    source,
    weight: 1,
  },
  { pattern: "(i am|i'm) afraid (that|we|i|the|it)", source, weight: 0.8 },
  { pattern: "(i am|i'm|we are|we're|so|really|truly|very) sorry (for|about|that|this|to|it|if)", source, weight: 0.6 },
  { pattern: '(i|we) (sincerely)? (apologize|apologise)', source, weight: 0.7 },
  { pattern: '(my|our) (sincere)? apologies', source, weight: 0.7 },
  { pattern: 'unfortunately', source, weight: 0.5 },
  { pattern: 'hear (this|it) from me', source, weight: 0.6 },
  { pattern: "(not|none of this is|isn't) what you (want|wanted|were hoping|hoped) to hear", source, weight: 0.8 },
  {
    pattern: '(want|wanted|need) to be (honest|candid|upfront|transparent) (with you|that|about)',
    source,
    weight: 0.5,
  },
  { pattern: '(candid|honest|frank) (update|conversation|feedback|assessment)', source, weight: 0.5 },
  { pattern: '(that|this) (part)? is on (us|me)', source, weight: 0.6 },
  {
    pattern: '(charges|charge|invoice|fees|fee) (themselves)? (are|is) (accurate|valid|correct|legitimate)',
    source,
    weight: 0.7,
  },
  { pattern: "(i am|i'm|we are|we're) (so|very|truly|really|deeply)? sorry$", source, weight: 0.6 },
  { pattern: '(i|we) owe you an apology', source, weight: 1 },
  { pattern: 'not the (experience|standard|service|level of service|quality)', source, weight: 0.6 },
  { pattern: '(second|third|another|repeat) (incident|outage|failure|miss)', source, weight: 0.6 },
  { pattern: "(it has|it's|it is|has) come to (our|my) attention", source, weight: 0.6 },
  { pattern: 'resolve this amicably', source, weight: 0.8 },
  { pattern: '(under|per|as per) (section|clause|the terms of)', source, weight: 0.5 },
  { pattern: '(need|have) to raise (something|an issue|a concern|a problem)', source, weight: 0.8 },
  { pattern: '(awkward|uncomfortable) (conversation|position|situation|with)', source, weight: 0.5 },
  { pattern: '(bill|charge|invoice) (for)? (additional|extra) (rounds|hours|time|work)', source, weight: 0.6 },
  { pattern: '(our|my) (mistake|fault|error)', source, weight: 0.7 },
  { pattern: 'dropped the ball', source, weight: 0.8 },
  // problems and failures
  { pattern: '(outage|downtime|disruption|breach|recall)', source, weight: 0.6, negatable: true },
  {
    pattern: 'missed (delivery|deliveries|deadline|deadlines|window|windows|appointment|appointments|shipment|visits)',
    source,
    weight: 0.8,
  },
  { pattern: '(three|four|five|several|multiple|repeated) (missed|late|failed) .{0,2}', source, weight: 0.6 },
  { pattern: '(will|would|is going to) (not|no longer) be able to', source, weight: 0.7 },
  {
    pattern:
      '(can not|cannot|unable to|not able to|will not be able to) (accept|agree|honor|honour|keep|ship|deliver|meet|hold|offer|reduce|waive|extend|refund|approve|cover|fill|continue|support|do|go|match|make)',
    source,
    weight: 0.7,
  },
  { pattern: '(denied|rejected|declined) (the|your|our)? (claim|request|application)', source, weight: 0.9 },
  { pattern: '(delay|delays|delayed|slip|slipped|late|behind schedule)', source, weight: 0.4, negatable: true },
  { pattern: '(problem|problems|issue|issues|trouble)', source, weight: 0.2, negatable: true },
  { pattern: '(retire|retiring|discontinue|discontinuing|sunset|sunsetting|end of life)', source, weight: 0.5 },
  { pattern: 'no longer (receive|be supported|supported|available|offer|offered|carry|work)', source, weight: 0.6 },
  { pattern: '(losing|lost|lose) (money|the account|the deal|the business)', source, weight: 0.6 },
  { pattern: '(came|come|coming) (back|in) (at|low|under|below|short)', source, weight: 0.4 },
  { pattern: 'below (the)? (contract|asking|agreed) price', source, weight: 0.6 },
  { pattern: '(accepted|took|taking|accept) a counter offer', source, weight: 0.8 },
  { pattern: '(backed|pulled|backing|pulling) out', source, weight: 0.6 },
  // frustration and complaints
  {
    pattern: '(frustrated|frustrating|frustration|upset|furious|angry|annoyed|unhappy|disappointed|disappointing)',
    source,
    weight: 0.6,
    negatable: true,
  },
  { pattern: '(complaint|complaints|escalate|escalated|escalation)', source, weight: 0.5, negatable: true },
  { pattern: '(unacceptable|not acceptable|not ok|not okay)', source, weight: 1 },
  { pattern: "(is|was|is not|isn't|not) (entirely)? fair", source, weight: 0.6 },
  { pattern: 'not what (we|i|you) (expected|agreed|asked for|signed up for)', source, weight: 0.8 },
  { pattern: '(frankly|honestly) (that|this|it) is', source, weight: 0.5 },
  { pattern: 'this is (now)? the (second|third|fourth|fifth) time', source, weight: 0.8 },
  {
    pattern: '(i|we) (understand|hear) your (frustration|concern|concerns|position|disappointment)',
    source,
    weight: 0.8,
  },
  { pattern: "(i|we) (understand|know) (you are|you're) (frustrated|upset|disappointed|unhappy)", source, weight: 0.8 },
  { pattern: '(misunderstanding|miscommunication|crossed wires|talking past each other)', source, weight: 0.7 },
  // money, terms and pushback
  { pattern: '(past due|overdue|outstanding) (invoice|invoices|balance|payment|payments|amount)', source, weight: 0.7 },
  { pattern: 'days past due', source, weight: 0.8 },
  { pattern: '(credit hold|collections|legal action|small claims)', source, weight: 0.8 },
  { pattern: '(dispute|disputed|disputing)', source, weight: 0.6 },
  {
    pattern: '(price|prices|pricing|rate|rates|premium|premiums) (increase|increases|hike|going up|are going up)',
    source,
    weight: 0.7,
  },
  {
    pattern: '(raise|raising|increase|increasing) (our|the|your)? (prices|rates|pricing|premium)',
    source,
    weight: 0.7,
  },
  { pattern: '(push|pushing) back', source, weight: 0.7 },
  { pattern: '(they|you|we) (countered|held firm|came back at)', source, weight: 0.5 },
  { pattern: '(real|biggest|remaining|big) (gap|gaps|sticking point|sticking points)', source, weight: 0.5 },
  { pattern: '(held|hold) off as long as', source, weight: 0.5 },
  { pattern: "(can not|cannot|can't|won't|will not|unable to) agree", source, weight: 0.8 },
  { pattern: '(is|are) not something we can', source, weight: 0.7 },
  {
    pattern: '(counter offer|counteroffer|counter proposal|counterproposal|counter-proposal|counter-offer)',
    source,
    weight: 0.6,
  },
  { pattern: '(still owe|remaining balance|balance due|owe us)', source, weight: 0.5 },
  { pattern: '(cancellation|cancel the|cancel your|cancel our|notice of termination)', source, weight: 0.4 },
  { pattern: '(refund|reimburse|credit back|write off)', source, weight: 0.3, negatable: true },
  { pattern: '(scope creep|out of scope|outside the scope|additional charges|extra charges)', source, weight: 0.6 },
  {
    pattern: '(walk away|switch vendors|switch providers|go elsewhere|another vendor|other options)',
    source,
    weight: 0.4,
  },
];

/** News that a problem is over: the draft closes a conflict rather than opening one. */
export const RESOLUTION_PHRASES: readonly PhraseRule[] = [
  { pattern: '(good|great) news', source, weight: 1, negatable: true },
  {
    pattern:
      '(has|have|is|was|were|are) (now)? (been)? (resolved|fixed|restored|approved|processed|issued|reinstated|cleared|released)',
    source,
    weight: 0.6,
  },
  { pattern: '(issued|applied|processed) (a|the|your) (credit|refund)', source, weight: 0.6, negatable: true },
  { pattern: "(all|you are|you're|we are|we're) (set|good to go)", source, weight: 0.5, negatable: true },
];
