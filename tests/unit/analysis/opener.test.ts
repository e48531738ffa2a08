import { describe, expect, it } from 'vitest';
import { analyzeDraft, type AnalysisInput } from '../../../lib/analysis';
import { englishMessage } from '../../../scripts/english-messages';
import { countWords } from '../../../lib/analysis/sentences';
import { isFillerSubject } from '../../../lib/analysis/topic';

const opener = (input: AnalysisInput) => analyzeDraft(input, englishMessage).opener;
const START = 'The purpose of my call is ';

/** Longer drafts for the table below, kept apart so it stays readable. */
const CASES = [
  [
    'Looking ahead to November',
    'Hi Gloria,\n\nBefore I put anything formal together: which log sources did the auditors focus on most? How long are you required to retain them? Is your current tool under a contract that ends around the same time? Who besides you would need to be involved?\n\nBest,\nPriya',
  ],
  [
    'Re: Castellan Q3 QBR – date and format',
    "Hi all,\n\nThank you for the replies — I'm afraid I now have three different answers on the QBR, so I want to make sure I've understood before I send anything else out.\n\n- Robert, you mentioned the 24th, in person.\n- Mei, you suggested keeping it virtual and moving it to next month.\n\nI just need us to land on one format and date, and I don't want to pick one and step on anybody's toes. Is one of you the right person to make the call, or should I suggest a compromise?\n\nMany thanks,\nPriya",
  ],
  [
    'Welcome to Granite Peak – from your Halvorn team',
    "Dear Dr. Brooks,\n\nAs you get your bearings, I'd really value your perspective on a few things:\n\n* What are your top security priorities for the next 12 months, and where do endpoint and SIEM fit in?\n* How do you prefer to be kept informed — a monthly summary, a quarterly review, or only when something needs a decision?\n* Would you want to continue, pause, or revisit the research cluster rollout?\n* Who on your team would you like as my day-to-day point of contact?\n\nWarmest regards,\nPriya",
  ],
  [
    'Re: Copperline / Payvault MSA - redlines',
    "Hi Sandra,\n\nThanks for the quick turn. Good news first: we can accept almost all of your changes as-is.\n\nTwo we can't, and I want to be upfront about them:\n\n- 9.2, uncapped liability for data incidents. Our cap is 2x annual fees; beyond that legal won't sign.\n- 12.4, termination for convenience on 30 days' notice. We need the annual commitment to stand.\n\nI realize these are probably the two you care most about.\n\nBest,\nJordan",
  ],
  [
    'Castellan MSA – our response to the redlines',
    "Hi Mei and Robert,\n\nMost of Castellan's changes are fine on our end: we've accepted the revised audit clause and the 48-hour breach notification.\n\nThe one item our legal team can't agree to is section 9.2, the uncapped liability for data incidents. It isn't something I'm able to negotiate away.\n\nI know this may be a sticking point for your counsel, and I'd rather hear your reaction directly than trade redlines for another two weeks.\n\nBest regards,\nPriya",
  ],
  [
    'Availability H2/2025 – my recommendation for your planning',
    "Dear Ms. Kazlauskiene,\n\nAt the moment the lead times look relaxed, but there are two developments which worry me. Volkam moves the production of the VF4 power modules to a new plant in Q3, and Mertec has warned us that the new CPU generation may go into allocation again.\n\nYour forecast shows 22 machines for September to December. My recommendation is to place a blanket order for the drives and CPUs of these machines now, with call-off dates which you can still move by 4 weeks. The price is fixed on today's level.\n\nThe risk for you is small: if a project is cancelled, we can reduce the blanket order by up to 20 % without cost. Beyond that we would need to talk.\n\nMaybe I am too careful, and of course I also have an interest to sell. But after 2022, when some of your machines waited months for the drives, I prefer to say it early rather than late. I would be happy to go through the numbers with you and your planning team, and I am sure we can find a quantity that works for both sides before the allocation starts.\n\nFor you this means the material is reserved in our system and at the manufacturer, you don't pay anything before delivery, and the price stays where it is today. In my experience the weeks after such a relocation are always the difficult ones, and the customers who placed their orders early were the ones who could keep their own delivery dates.\n\nPlease let me know what you think, also if you see it differently.\n\nBest regards\nKatrin",
  ],
] as const;

/** Drafts and the openers judged right for them by hand: the point named in the draft's own words. */
const JUDGED: { draft: AnalysisInput; reason: string; expected: string }[] = [
  {
    reason: 'checkin',
    draft: {
      subject: 'Following up',
      body: 'Hi Dana,\n\nJust checking in - any thoughts on the proposal I sent over last week?\n\nThanks,\nSam',
    },
    expected: 'to agree the next step on the proposal I sent over last week.',
  },
  {
    reason: 'checkin',
    draft: {
      body: 'Hi Dana,\n\nJust checking in - any thoughts on the proposal I sent over last week?\n\nThanks,\nSam',
    },
    expected: 'to agree the next step on the proposal I sent over last week.',
  },
  {
    reason: 'checkin',
    draft: {
      subject: 'Lunch?',
      body: 'Hi Marco,\n\nJust circling back on the renewal quote. Any update from procurement?\n\nBest,\nPriya',
    },
    expected: 'to agree the next step on the renewal quote.',
  },
  {
    reason: 'checkin',
    draft: {
      subject: 'Re: Touching base',
      body: 'Hey Ana, touching base again. Did legal get a chance to look at the MSA redlines?',
    },
    expected: 'to agree the next step on the MSA redlines.',
  },
  {
    reason: 'checkin',
    draft: { subject: 'Checking in', body: 'Hi Tom, just checking in. Any update?' },
    expected: 'to hear where things stand and agree the next step.',
  },
  {
    reason: 'checkin',
    draft: {
      subject: 'Great chatting today',
      body: "Hi Jo,\n\nJust checking in - let me know if there's anything you need from me.\n\nBest,\nSam",
    },
    expected: 'to hear where things stand and agree the next step.',
  },
  {
    reason: 'checkin',
    draft: { subject: 'Quick question', body: 'Hi Lee,\n\nany news on the order form? lmk\n\nJ' },
    expected: 'to agree the next step on the order form.',
  },
  {
    reason: 'checkin',
    draft: { subject: 'Re: Acme renewal', body: 'Hi Dana, just checking in. Any word from the Acme team?' },
    expected: 'to agree the next step on Acme renewal.',
  },
  {
    reason: 'checkin',
    draft: {
      subject: 'Hi',
      body: 'Dear Mr. Patil,\n\nJust following up on my earlier mails regarding the revised quotation for the E4 analyser. Kindly update the status.\n\nRegards,\nRahul',
    },
    expected: 'to agree the next step on the revised quotation for the E4 analyser.',
  },
  {
    reason: 'questions',
    draft: {
      subject: 'Quick question',
      body: 'Hi Dana,\n\nBefore we send the order form, can you confirm the signatory, payment terms and the start date? Also, who should get the invoice? And is the PO number ready? Do you need a W-9?\n\nThanks,\nSam',
    },
    expected: 'to settle my open questions on the signatory, payment terms and the start date.',
  },
  {
    reason: 'questions',
    draft: {
      subject: 'Planning our Q3 business review',
      body: 'Hi Arjun,\n\nA few questions before I build the agenda:\n- which dashboards do your analysts use?\n- how should we handle the roadmap segment?\n- who from your leadership team will join?\n- is the MSSP overflow arrangement still in place?\n\nThanks,\nPriya',
    },
    expected: 'to settle my open questions on planning our Q3 business review.',
  },
  {
    reason: 'questions',
    draft: {
      body: 'Hi Sam,\n\nWhat is the budget for the pilot? Who signs the contract? When does the security review finish? Can we start on March 1?',
    },
    expected: 'to settle my open questions on the budget for the pilot.',
  },
  {
    reason: 'conflict',
    draft: {
      subject: 'Renewal',
      body: "Hi Mark,\n\nI know the 18% renewal increase isn't what you hoped for, and I'm sorry to bring bad news. Unfortunately we can't hold the old rate past June.\n\nBest,\nJordan",
    },
    expected: 'to talk through the 18% renewal increase and agree how we move forward.',
  },
  {
    reason: 'conflict',
    draft: {
      subject: 'contract',
      body: "Hi Lena,\n\nI'm afraid we can't do the 30% discount you asked for. The most I can get approved is a 12% cap, and I know that's frustrating.\n\nRegards,\nTom",
    },
    expected: 'to talk through the 30% discount you asked for and agree how we move forward.',
  },
  {
    reason: 'conflict',
    draft: {
      subject: 'Re: Order 4500218834',
      body: 'Dear Tomasz,\n\nunfortunately I have bad news regarding your order 4500218834. The shipping date cannot be kept and I am really sorry.\n\nBest regards\nKatrin',
    },
    expected: 'to talk through your order 4500218834 and agree how we move forward.',
  },
  {
    reason: 'conflict, a bare apology and what went wrong after it, under a reply subject',
    draft: {
      subject: 'Re: URGENT - paychecks missing',
      body: "Tasha - I am so sorry.\n\nJust got off with our payments team. The ACH batch for your Friday run was held by our bank partner's fraud screen. It's released now, but that doesn't help the people who were short this morning.\n\nWe want to cover any overdraft fees your staff got hit with, and that part is on us.\n\nJordan",
    },
    expected: 'to talk through the ACH batch and agree how we move forward.',
  },
  {
    reason: 'thread, a reply subject the draft no longer writes and a thing it names by its code',
    draft: {
      subject: 'Re: Sunfield - seasonal headcount + billing',
      threadMessages: 6,
      body: "Carla - I know we've gone back and forth on this a bunch.\n\nBut re-reading your note, you said your H-2A crews are paid through the farm labor contractor, not Sunfield directly? If that's right they wouldn't be on Payvault at all. Which is it? Or some of each?\n\nJordan",
    },
    expected: 'to settle your H-2A crews in one conversation instead of another round of email.',
  },
  {
    reason: 'thread, a reply subject the draft no longer writes and nothing named by a code',
    draft: {
      subject: 'Re: Kickoff meeting - finding a time',
      threadMessages: 6,
      body: 'Hi all,\n\nThanks for the replies, I now have four different slots from four of you. Could we just pick the Tuesday one? Does anyone have a hard conflict with it? If not, I will send the invite today.\n\nBest,\nSam',
    },
    expected: 'to settle the kickoff meeting in one conversation instead of another round of email.',
  },
  {
    reason: 'conflict, a figure and a noun the lexicon reads as a verb',
    draft: {
      subject: 'RE: Lens renewal – commercial terms',
      body: "Hi Gareth,\n\nI've taken the 25% request to our deal desk and, I'm afraid, I can't get there. I realise that's not the answer you were hoping for.\n\nBest regards,\nPriya",
    },
    expected: 'to talk through the 25% request and agree how we move forward.',
  },
  {
    reason: 'thread, a bare noun named fully in the subject',
    draft: {
      subject: 'RE: Research labs – Guard cut-over date',
      threadMessages: 6,
      body: 'Hi Patricia,\n\nI think we may have crossed wires somewhere in this thread. Which date should we be working toward? And has the instrument validation actually been completed?\n\nThanks,\nPriya',
    },
    expected: 'to settle the Guard cut-over date in one conversation instead of another round of email.',
  },
  {
    reason: 'checkin, a subject that names only companies',
    draft: {
      subject: 'Summit Peak + Payvault',
      body: "hi Hannah — is moving off your current payroll provider still on the table for this year? haven't heard much since the demo.\n\nJordan",
    },
    expected: 'to agree the next step on your current payroll provider.',
  },
  {
    reason: 'questions, a subject that names only a time',
    draft: { subject: CASES[0][0], body: CASES[0][1] },
    expected: 'to settle my open questions on log sources.',
  },
  {
    reason: 'thread, listed nouns the lexicon reads as verbs',
    draft: { subject: CASES[1][0], body: CASES[1][1], threadMessages: 7 },
    expected: 'to settle one format and date in one conversation instead of another round of email.',
  },
  {
    reason: 'questions, what the first question asks about, not the team in the subject',
    draft: { subject: CASES[2][0], body: CASES[2][1] },
    expected: 'to settle my open questions on your top security priorities.',
  },
  {
    reason: 'conflict, the items a refusal ending in a colon introduces',
    draft: { subject: CASES[3][0], body: CASES[3][1], threadMessages: 3 },
    expected: 'to talk through uncapped liability for data incidents and agree how we move forward.',
  },
  {
    reason: 'conflict, what the refusal sentence names rather than what the rep accepted',
    draft: { subject: CASES[4][0], body: CASES[4][1] },
    expected: 'to talk through section 9.2 and agree how we move forward.',
  },
  {
    reason: 'conflict and length, what "my recommendation is" points at',
    draft: { subject: CASES[5][0], body: CASES[5][1] },
    expected: 'to talk through the blanket order for the drives and agree how we move forward.',
  },
  {
    reason: 'thread',
    draft: {
      subject: 'Re: Pricing',
      threadMessages: 7,
      body: "Maya - I think we're talking past each other on pricing, sorry. The $11 is for Payroll only and the $14.50 is the bundle. So which modules are actually in? And is ACA reporting in or out?",
    },
    expected: 'to settle pricing in one conversation instead of another round of email.',
  },
  {
    reason: 'thread',
    draft: {
      subject: 'RE: Quick question',
      threadMessages: 6,
      body: 'Hi all, one more clarification on the SSO setup: is the entity ID the one from Okta or ours? And which metadata URL should we use?',
    },
    expected: 'to settle the SSO setup in one conversation instead of another round of email.',
  },
  {
    reason: 'length',
    draft: {
      subject: 'Thoughts',
      body:
        'Hi Colleen,\n\n' +
        'Since our call Monday I have been thinking about how to structure the pricing for a business like yours, where headcount swings a lot through the year. '.repeat(
          2,
        ) +
        'Straight per-employee billing is simple, but for a staffing firm it cuts both ways: you pay more exactly when margins are thinnest. What I would like to propose instead is a committed floor, with anything above it billed at a lower rate. A second option is an annual true-up, where you pay a flat monthly amount and we reconcile once a year. '.repeat(
          4,
        ) +
        '\n\nJordan',
    },
    // What the rep proposes, not the framing around it.
    expected: 'to walk you through the committed floor and hear your view.',
  },
  {
    reason: 'overdue',
    draft: {
      subject: 'Pilot start date',
      body: 'Hi Dana, attached is the agenda for Thursday.',
      contact: { overdue: true, lastCallDaysAgo: 40 },
    },
    expected: 'to catch up on the pilot start date and agree the next step.',
  },
  {
    reason: 'checkin, quoted history',
    draft: {
      subject: 'Re: Quick question',
      body: 'Hi Raj,\n\nAny update on the signed SOW for the SIEM migration?\n\nThanks,\nPriya\n\nOn Tue, Mar 3, 2026 at 9:12 AM Raj <raj@x.com> wrote:\n> Quick question about the discount on the 3-year term and the renewal uplift?\n> Also the kickoff date?',
    },
    expected: 'to agree the next step on the signed SOW for the SIEM migration.',
  },
  {
    reason: 'checkin, Outlook quoted history',
    draft: {
      subject: 'RE: Following up',
      body: 'Hi Sven,\n\nChecking in again on the framework agreement draft - any feedback from purchasing?\n\nBest regards\nKatrin\n\nFrom: Sven <s@x.de>\nSent: Monday\nTo: Katrin\nSubject: Framework agreement\n\nWe have concerns about the penalty clause and the price fixing.',
    },
    expected: 'to agree the next step on the framework agreement draft.',
  },
  {
    reason: 'German: the subject, no English reading',
    draft: {
      subject: 'AW: Angebot 2025-0401 MX-520 Steuerungen',
      body: 'Sehr geehrter Herr Braun,\n\nich wollte nachfragen, ob es zu unserem Angebot schon eine Entscheidung gibt? Gibt es noch offene Fragen zur Lieferzeit? Und wer ist bei Ihnen für die Bestellung zuständig? Passt der Liefertermin?\n\nMit freundlichen Grüßen\nKatrin Vogelsang',
    },
    expected: 'to settle my open questions on Angebot 2025-0401 MX-520 Steuerungen.',
  },
  {
    reason: 'French with a filler subject',
    draft: {
      subject: 'Re: Bonjour',
      body: 'Bonjour Madame Moreau,\n\navez-vous eu le temps de regarder notre offre ? Quel est le modèle exact des pupitres ? Combien de machines sont concernées ? Qui réalisera la mise en service ?\n\nCordialement\nKatrin',
    },
    expected: 'to settle my open questions in one conversation.',
  },
  {
    reason: 'Spanish without a subject',
    draft: {
      body: 'Estimado Sr. García,\n\n¿Tuvo la oportunidad de revisar la oferta? ¿Cuándo necesitan el pedido? ¿Quién firma el contrato? ¿Hay algún problema con el precio?\n\nSaludos\nKatrin',
    },
    expected: 'to settle my open questions in one conversation.',
  },
];

describe('opener', () => {
  it.each(JUDGED)('names the point of a draft ($reason): "$expected"', ({ draft, expected }) => {
    expect(opener(draft)).toBe(START + expected);
  });

  it('gives each reason its own purpose', () => {
    const reasons = new Set(JUDGED.map(({ draft }) => analyzeDraft(draft, englishMessage).findings[0]?.rule));
    expect([...reasons].sort()).toEqual(['checkin', 'conflict', 'length', 'overdue', 'questions', 'thread']);
  });

  it('keeps every opener under 30 words', () => {
    for (const { draft } of JUDGED) expect(countWords(opener(draft))).toBeLessThan(30);
    const long = opener({
      subject: 'Following up',
      body: 'Just checking in on the revised implementation timeline for the warehouse automation program across all eleven regional distribution centres?',
    });
    expect(countWords(long)).toBeLessThan(30);
    expect(long.startsWith(START)).toBe(true);
  });

  it('says "where things stand" only when the draft names nothing at all', () => {
    for (const { draft, expected } of JUDGED) {
      const namesNothing = !draft.body.match(/\b(?:proposal|quote|order|MSA|pricing|SOW|agreement)\b/);
      if (expected.includes('where things stand')) expect(namesNothing).toBe(true);
    }
    expect(opener({ subject: 'Hi', body: 'Hi Tom, just checking in. Any update?' })).toContain('where things stand');
    expect(opener({ subject: 'Renewal', body: 'Hi Tom, just checking in. Any update?' })).not.toContain(
      'where things stand',
    );
  });
});

describe('subject as the fallback topic', () => {
  const fromSubject = (subject: string, body = 'Hi Dana, just checking in. Any update?') => opener({ body, subject });

  it('never uses a subject that names nothing', () => {
    const fillers = [
      'Following up',
      'Touching base',
      'Quick question',
      'Checking in',
      'Hi',
      'Lunch?',
      'Re: Following up',
      'RE: FW: Quick question',
      'Just checking in 🙂',
      'Coffee next week?',
      'Hello!',
      'Thanks for Tuesday',
      'Re: Re: touching base again',
      'Next steps',
      'Great chatting today',
      'Looking ahead to November',
    ];
    for (const subject of fillers) {
      expect(isFillerSubject(subject), subject).toBe(true);
      expect(fromSubject(subject), subject).toBe(`${START}to hear where things stand and agree the next step.`);
    }
    for (const subject of ['Renewal timeline', 'Following up on the quote', 'Q3 pricing', 'Re: MSA redlines']) {
      expect(isFillerSubject(subject), subject).toBe(false);
    }
  });

  it('drops a leading chase phrase and keeps what follows', () => {
    expect(fromSubject('Following up on the quote')).toContain('on the quote.');
    expect(fromSubject('Quick question about the MSA')).toContain('on the MSA.');
  });

  it('prefers the part of a subject that names a thing over a company name', () => {
    expect(fromSubject('Harmon & Lowe - a few questions before the proposal')).toContain('on the proposal.');
    expect(fromSubject('Sunfield - seasonal headcount')).toContain('on the seasonal headcount.');
  });

  it('lowers an ordinary first word of the subject and keeps names, acronyms and codes', () => {
    expect(fromSubject('RE: Renewal timeline for Acme')).toContain('on the renewal timeline for Acme.');
    expect(fromSubject('Pricing: next steps')).toContain('on pricing.');
    expect(fromSubject('ACME renewal')).toContain('on ACME renewal.');
    expect(fromSubject('Q3 pricing')).toContain('on Q3 pricing.');
    expect(fromSubject('iPhone rollout')).toContain('on iPhone rollout.');
    expect(fromSubject('McKinsey proposal')).toContain('on McKinsey proposal.');
    expect(fromSubject('Samantha Boyd')).toContain('on Samantha Boyd.');
    expect(fromSubject('Kick-off agenda')).toContain('on the kick-off agenda.');
    expect(fromSubject('Our renewal')).toContain('on our renewal.');
    expect(fromSubject('kickoff date')).toContain('on the kickoff date.');
  });
});

describe('call request', () => {
  it('writes 60 words at most, greeting the recipient by first name', () => {
    const result = analyzeDraft(
      {
        body: 'Circling back on the proposal.',
        subject:
          'Proposal for the warehouse automation program across all eleven regional distribution centres and the two new sites in Ohio',
        recipients: [{ address: 'dana@example.com', name: 'Dana Ortiz' }],
      },
      englishMessage,
    );
    expect(result.callRequest.startsWith('Hi Dana,')).toBe(true);
    expect(result.callRequest).toMatch(/10 minutes today or tomorrow/);
    expect(countWords(result.callRequest)).toBeLessThanOrEqual(60);
  });

  it('greets from the draft itself when no recipient name is known', () => {
    expect(
      analyzeDraft({ body: 'Hi Marco,\n\nAny news on the PO?' }, englishMessage).callRequest.startsWith('Hi Marco,'),
    ).toBe(true);
  });

  it("signs with the rep's own closing and name from the draft", () => {
    const signed = (closing: string) =>
      analyzeDraft(
        { body: `Hi Dana,\n\nJust checking in, any update on the order form?\n\n${closing}` },
        englishMessage,
      ).callRequest;
    expect(signed('Thanks,\nSam').endsWith('What time suits you?\n\nThanks,\nSam')).toBe(true);
    expect(signed('Thanks, Sam').endsWith('\n\nThanks, Sam')).toBe(true);
    expect(
      signed('Best regards,\nPriya Nair\nAccount Executive | Northwind\n+1 (555) 555-0100').endsWith(
        '\n\nBest regards,\nPriya Nair',
      ),
    ).toBe(true);
    expect(signed('Cheers - A').endsWith('\n\nCheers - A')).toBe(true);
    expect(
      signed('Kind regards\n\nKatrin Vogelsang\nInside Sales Engineer').endsWith('\n\nKind regards\nKatrin Vogelsang'),
    ).toBe(true);
    expect(signed('-J').endsWith('\n\n-J')).toBe(true);
  });

  it('signs with a bare name when that is how the rep signs', () => {
    const request = analyzeDraft(
      {
        body: 'Hi Dana,\n\nJust checking in, any update on the order form?\n\nJordan\n\nJordan Reyes | Account Executive | Payvault',
      },
      englishMessage,
    ).callRequest;
    expect(request.endsWith('What time suits you?\n\nJordan')).toBe(true);
  });

  it("greets as the rep greeted, and closes in the greeting's register when the draft has no closing", () => {
    const overdue = { overdue: true, lastCallDaysAgo: 40 };
    const request = (body: string) =>
      analyzeDraft(
        { body, subject: 'Order form', contact: overdue, recipients: [{ name: 'Dana Ortiz' }] },
        englishMessage,
      ).callRequest;
    expect(request('Hi Dana,\n\nJust checking in, any update on the order form?')).toMatch(
      /^Hi Dana,\n\nCould we speak .* What time suits you\?\n\nThanks$/,
    );
    // A name and a dash opens a note: the ask runs on from it, and no closing is made up.
    expect(request('Dana —')).toMatch(/^Dana — could we speak for 10 minutes .* What time suits you\?$/);
    expect(request('Dana -\n\nany news on the order form?')).toMatch(/^Dana - could we speak .*suits you\?$/);
    expect(request('Dear Mr. Ortiz,\n\nKindly update the status of the order form.')).toMatch(
      /^Dear Mr\. Ortiz,\n\nCould we speak .* What time suits you\?\n\nKind regards$/,
    );
    expect(request('Dana,')).toMatch(/^Dana,\n\nCould we speak .*\n\nThanks$/);
  });

  it('keeps the sign-off whole when the purpose must be shortened to fit', () => {
    const request = analyzeDraft(
      {
        subject: 'Proposal for the warehouse automation program across all eleven regional distribution centres',
        body: 'Circling back on the proposal.\n\nWith best regards,\nMaria-Luisa Fernández-Ortega',
        recipients: [{ name: 'Dana Ortiz' }],
      },
      englishMessage,
    ).callRequest;
    expect(countWords(request)).toBeLessThanOrEqual(60);
    expect(request.endsWith('\n\nWith best regards,\nMaria-Luisa Fernández-Ortega')).toBe(true);
  });
});
