import { describe, expect, it } from 'vitest';
import { analyzeDraft, featuresOf } from '../../../lib/analysis';
import { englishMessage } from '../../../scripts/english-messages';
import { FEATURE_RULES } from '../../../lib/analysis/features';
import { addressesMany } from '../../../lib/analysis/features/audience';

const features = (body: string, threadMessages = 1, subject = '') => featuresOf({ body, threadMessages, subject });

describe('chaser shape', () => {
  it.each([
    'Kevin - any movement on this?',
    'Did procurement ever come back to you?',
    'Ping 🙂 did you have a chance already to look into the framework agreement draft?',
    'Hi Shibu,\n\nDid the committee sign off on the HbA1c quote?? Kindly update.',
    'Dear Madam,\n\nGentle reminder on the below quotation for VacuLine tubes. Kindly revert at the earliest.',
    'is offer 2025-0352 still relevant for you, or was the project postponed?',
  ])('reads a short status ask as a check-in however phrased: %s', (body) => {
    expect(features(body, 3).checkin).toBe(1);
    const result = analyzeDraft({ body, threadMessages: 3 }, englishMessage);
    expect(result.nudge).toBe(true);
    expect(result.findings[0]?.rule).toBe('checkin');
    expect(result.findings[0]?.evidence?.length).toBeGreaterThan(0);
  });

  it.each([
    'Thanks, got it.',
    'Good news - the carrier agreed to waive the additional premium. You will see a revised statement this week.',
    'Should I ship the samples to your office in Ames or directly to the plant in Boone?',
    'Attached is the signed order form. Any questions, just shout.',
    'Your check arrived this morning - thank you. The hold has been released, so the PO ships today.',
    'Confirmed for Tuesday at 10am. See you then!',
    "Following are the deals we've changed. I'm looking into the status of the price on 538874 and will let you know.",
    'Herewith the revised approval list. Tana will revert with an update on the US counterparties.',
  ])('leaves complete short replies and promised updates alone: %s', (body) => {
    expect(features(body, 3).checkin).toBe(0);
    expect(analyzeDraft({ body, threadMessages: 3 }, englishMessage).nudge).toBe(false);
  });
});

describe('tension, stance and figures', () => {
  it.each([
    "I took it to our finance team and getting to $11.25 isn't something I can get approved. I realise that's not the answer you were hoping for.",
    'I went through our calculation again with my manager, and honestly we cannot go down 14 %. The best I can do is an additional 3 % on the servo package.',
    "I owe you an honest update: Canadian payroll moves to Q4. I'm sorry, I shouldn't have given you a date that firm.",
    "With respect, I don't think their quote is an apples-to-apples comparison, and we can't match a number that leaves out support.",
  ])('reads calm conflict: %s', (body) => {
    const result = analyzeDraft({ body, threadMessages: 3 }, englishMessage);
    expect(features(body, 3).stance).toBeGreaterThan(0);
    expect(result.nudge).toBe(true);
    expect(result.findings.map((f) => f.rule)).toContain('conflict');
  });

  it.each([
    'Tickets cannot be sold or given away; pick yours up at reception on Friday.',
    'Thanks for the order. The price is $42.50 per seat, as quoted, and the invoice is attached.',
    'No problem at all - happy to help. The install is booked for Monday.',
    "I can't recall whether the index is Dow Jones or NYMEX, so I'll check with the desk.",
    'We could not wait to see the new plant, and I can not thank you enough for the tour.',
    'Please send your input with respect to the March invoices by Friday.',
  ])('does not read rules, prices, idioms or cheerful negatives as conflict: %s', (body) => {
    expect(features(body).stance).toBe(0);
    expect(analyzeDraft({ body }, englishMessage).nudge).toBe(false);
  });

  it('reads the figures in a report as information', () => {
    const report =
      'Weekly pipeline update:\n\nLost\n- Ridgeline Supply: $120K to Sortera, their bid was 12% lower\n\nCommit\n- Halcyon Health: $214K\n- Buckeye: $96K, 8% discount approved';
    expect(features(report).figures).toBe(0);
    expect(
      features('Dana, their bid was 12% lower, and $120K is a lot for us to leave on the table.').figures,
    ).toBeGreaterThan(0);
  });

  it('reads figures about the world at large (a news story) as information', () => {
    const news = 'Producers plan to raise spending by 18%, and the index fell 4% to $310 on Friday, analysts said.';
    expect(features(news).figures).toBe(0);
  });

  it('flips a negated lexicon word and ignores ordinary negativity', () => {
    expect(features('We are not happy with how the rollout went and the delays hurt.').negativeValence).toBeGreaterThan(
      0,
    );
    expect(features('No problem, no worries at all. See you tomorrow.').negativeValence).toBe(0);
  });
});

describe('embedded asks', () => {
  it('counts questions written as statements', () => {
    const body =
      "Before our security team starts, I'd like to understand who owns the review, whether our SOC 2 covers most of it, how your timeline lines up with the start date and whether HIPAA is in scope at all.";
    expect(features(body).questionCount).toBeGreaterThanOrEqual(3);
    expect(analyzeDraft({ body }, englishMessage).findings[0]?.rule).toBe('questions');
  });

  it('does not count a single "let me know if this works"', () => {
    expect(features('Let me know if this works for you and Brad.').questionCount).toBe(0);
  });
});

describe('thread shape', () => {
  it('counts a deep thread that still asks, not one short question in it', () => {
    const stuck =
      'Sorry that I have to ask once more, but "as per PO" does not solve my problem. Is it NPN or PNP? And is it 50 or 60 pieces?';
    expect(features(stuck, 7).threadAsks).toBeGreaterThan(0);
    expect(features(stuck, 2).threadAsks).toBe(0);
    expect(features('Are you coming over?', 7).threadAsks).toBe(0);
  });
});

describe('non-English drafts', () => {
  it('never fire English rules but keep the language-independent shape', () => {
    const body =
      'Hola Javier:\n\n¿Alguna novedad sobre el pedido de los sensores? Ya no puedo esperar más, lo siento mucho.';
    const f = features(body, 3);
    expect(f.english).toBe(0);
    expect([f.stance, f.negativeValence, f.conflictSignal]).toEqual([0, 0, 0]);
    // A short reply whose one question is all it says is a check-in by its shape, in any language.
    expect(f.checkin).toBe(1);
    expect(features(body, 1).checkin).toBe(0);
    expect(features(`${body} Te adjunto la oferta: https://example.com/oferta-2025`, 3).checkin).toBe(0);
  });
});

describe('audience', () => {
  const announcement =
    'Hello all,\n\nWe have not been able to attend the meetings lately. Is there something printed on the new lot size ordinance? Do we know the average lot size? Does this mean no more old homes can be torn down? Has anyone noticed the parking problems?';

  it('never nudges a first message to many readers, whatever it asks or says', () => {
    expect(addressesMany(announcement)).toBe(true);
    expect(analyzeDraft({ body: announcement }, englishMessage).nudge).toBe(false);
    const notice =
      'ATTENTION: a software problem has deleted some course information. We understand your frustration and are working to resolve this problem; please do not come to the front desk with complaints.';
    expect(analyzeDraft({ body: notice }, englishMessage).nudge).toBe(false);
    const split =
      'Some of you are new to my list. I will serve as your representative in the review meeting, and my assistant will contact each of you this week.';
    expect(addressesMany(split)).toBe(true);
  });

  it('still hears a reply to several people going round in a thread', () => {
    expect(analyzeDraft({ body: announcement, threadMessages: 6 }, englishMessage).nudge).toBe(true);
  });

  it('reads two named readers or a passing "everyone" as a conversation', () => {
    expect(addressesMany('Hi Mei and Robert,\n\nThank you both for the redlines.')).toBe(false);
    expect(addressesMany('Hi Dana,\n\nRetraining everyone after go-live is the risk I worry about.')).toBe(false);
  });
});

describe('figures in another language', () => {
  it('are the evidence of a price change no English words can show', () => {
    const body =
      'Sehr geehrter Herr Weber,\n\nab dem 1. März erhöhen sich unsere Listenpreise um 12 %. Der Kupferzuschlag steigt von € 3,20 auf € 4,10 pro Meter, und der Mindermengenzuschlag beträgt künftig € 25.\n\nMit freundlichen Grüßen\nKatrin Vogelsang';
    const result = analyzeDraft({ body }, englishMessage);
    expect(result.language).not.toBe('en');
    expect(result.nudge).toBe(true);
    const conflict = result.findings.find((f) => f.rule === 'conflict');
    expect(conflict?.message).toEqual({ key: 'reasonConflictFigures' });
    expect(conflict?.evidence?.[0]).toContain('12 %');
  });
});

describe('every feature', () => {
  it('is computed for every draft, and a switched-off rule adds nothing', () => {
    expect(Object.keys(features('Any update?')).sort()).toEqual(Object.keys(FEATURE_RULES).sort());
    const rules = { checkin: false, questions: true, length: true, thread: true, conflict: true, overdue: true };
    expect(featuresOf({ body: 'Any movement on this?', threadMessages: 3, settings: { rules } }).checkin).toBe(0);
  });
});
