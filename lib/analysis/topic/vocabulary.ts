/**
 * Words the topic rules treat specially, as data. A topic must name a thing the draft is about, so
 * words that name the email itself, its timing or a bare status ("any update on…", "my last mail",
 * "this week") never count as one.
 * Source: docs/research.md — "just checking in" and "touching base" have no purpose; open with "The
 * purpose of my call is …", so the opener has to name the point.
 */

/** Nouns that name no topic of their own: the message, the chase, the time, vague stand-ins. */
export const EMPTY_NOUNS: ReadonlySet<string> = new Set(
  (
    'update updates news status progress word thoughts thought feedback input views view idea ideas pulse ' +
    'question questions q qs ask asks point points thing things stuff anything something everything nothing one ones ' +
    'email emails e-mail mail mails message messages note notes reply response voicemail call calls chat ' +
    'ping nudge reminder follow-up followup check-in touch base line time times chance moment minute minutes ' +
    'day days week weeks month months today tomorrow yesterday morning afternoon evening weekend ' +
    'table side end part way bit lot couple folks people team guys all lmk eod eow asap fyi pls thanks hi hello'
  ).split(' '),
);

/** Prepositions whose object is what a sentence is about: "any news on the order form?". */
export const ABOUT_WORDS: ReadonlySet<string> = new Set(['on', 'about', 'regarding', 're', 'concerning', 'around']);

/** Articles a topic is better without: "a revised quote" is talked through as "the revised quote". */
export const INDEFINITE: ReadonlySet<string> = new Set(['a', 'an', 'any', 'some']);

/** "nobody", "less": pronouns and quantities the lexicon may read as nouns ("a new plant nobody knows", "$3 PEPM less"). */
export const INDEFINITE_PRONOUNS: ReadonlySet<string> = new Set(
  'nobody noone everybody everyone somebody someone anybody anyone nothing something anything everything less more fewer'.split(
    ' ',
  ),
);

/** Determiners that point at one known thing: "the quote", "your order form". */
export const DEFINITE: ReadonlySet<string> = new Set([
  'the',
  'this',
  'that',
  'these',
  'those',
  'our',
  'your',
  'my',
  'their',
]);

/** Determiners and possessives that may open a noun phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set([...DEFINITE, 'its', 'his', 'her', ...INDEFINITE]);

/** Pronouns that open a short relative clause after a noun: "the proposal I sent over last week". */
export const CLAUSE_SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'you']);

/** Joining words that attach a second noun phrase: "the quote for the E4 analyser", "the start of the pilot". */
export const ATTACHING: ReadonlySet<string> = new Set(['of', 'for']);

/** Words that join listed items: "the signatory, payment terms and the start date". */
export const LIST_JOINERS: ReadonlySet<string> = new Set(['and', 'or', '&']);

/** Verbs too common to read as a noun after a noun phrase: "the SOC's priorities have", "PTO look like". */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(
  'have has had do does did get got go goes make made take look looks need needs want wants let help know see come work be'.split(
    ' ',
  ),
);

/** Nouns for people and groups: who is asked, rarely what the call is about ("your finance team"). */
export const PARTY_NOUNS: ReadonlySet<string> = new Set(
  (
    'team teams staff head heads manager managers colleague colleagues department dept leadership management ' +
    'engineer engineers person someone somebody boss sir madam guys folks people partner partners office side'
  ).split(' '),
);

/**
 * Where a rep proposes something: the verb ("I'd like to propose", "I recommend", "make a case for")
 * or a noun that a copula opens ("my recommendation is", "my idea is"), or the list after "What I can
 * do:". What follows is the point. What a rep can offer instead in a dispute ("we can offer a repair")
 * is a concession, not the point.
 * Source: docs/research.md — the opener names the point of the call.
 */
export const PROPOSAL_CUE =
  /\b(?:(?:propos(?:e|ed|ing)|suggest(?:ed|ing)?|recommend(?:ed|ing)?|(?:a|the|my|one more) case for|(?:proposal|suggestion|recommendation|idea) (?:is|would be))\b|what (?:i|we) can do:)/i;

/** Where a rep says no: the conflict is in this sentence ("we can't", "I'm unable to", "won't"). */
export const REFUSAL = /\b(?:can['’]?t|cannot|won['’]t|unable to|not able to|isn['’]t something)\b/i;
