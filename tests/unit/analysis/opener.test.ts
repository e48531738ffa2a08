import { describe, expect, it } from 'vitest';
import { analyzeDraft } from '../../../lib/analysis';
import { countWords } from '../../../lib/analysis/sentences';

describe('opener and call request', () => {
  it('builds the opener from the subject and the reason', () => {
    const result = analyzeDraft({
      body: 'Hi Dana, just checking in. Any update?',
      subject: 'RE: Renewal timeline for Acme',
    });
    expect(result.opener).toMatch(/^The purpose of my call is to .*the renewal timeline for Acme.*\.$/i);
  });

  it('lowers an ordinary first word of the subject and keeps names, acronyms and codes', () => {
    const opener = (subject: string, body = 'Hi Dana, just checking in. Any update?') =>
      analyzeDraft({ body, subject }).opener;
    expect(opener('RE: Renewal timeline for Acme')).toContain('where you are on the renewal timeline for Acme and');
    expect(opener('Pricing: next steps')).toContain('on the pricing: next steps');
    expect(opener('ACME renewal')).toContain('on ACME renewal');
    expect(opener('Q3 pricing')).toContain('on Q3 pricing');
    expect(opener('iPhone rollout')).toContain('on iPhone rollout');
    expect(opener('McKinsey proposal')).toContain('on McKinsey proposal');
    expect(opener('Acme renewal', 'Hi Dana, any update from the Acme team? Just checking in.')).toContain(
      'on Acme renewal',
    );
    expect(opener('Samantha Boyd')).toContain('on Samantha Boyd');
    expect(opener('Renewal', 'Renewal is close. Just checking in, any update?')).toContain('on the renewal and');
  });

  it('puts "the" before an ordinary subject, not before a determiner, a greeting or a verb', () => {
    const opener = (subject: string) =>
      analyzeDraft({ body: 'Hi Dana, just checking in. Any update?', subject }).opener;
    expect(opener('Kick-off agenda')).toContain('on the kick-off agenda and');
    expect(opener('Our renewal')).toContain('on our renewal and');
    expect(opener('Following up on the quote')).toContain('on following up on the quote and');
    expect(opener('Thanks for Tuesday')).toContain('on thanks for Tuesday and');
  });

  it('falls back to the object of the main ask when there is no subject', () => {
    expect(analyzeDraft({ body: 'Any update from legal on the MSA redlines?' }).opener).toContain('the MSA redlines');
  });

  it('writes a call request of 60 words at most, greeting the recipient by first name', () => {
    const result = analyzeDraft({
      body: 'Circling back on the proposal.',
      subject:
        'Proposal for the warehouse automation program across all eleven regional distribution centres and the two new sites in Ohio',
      recipients: [{ address: 'dana@example.com', name: 'Dana Ortiz' }],
    });
    expect(result.callRequest.startsWith('Hi Dana,')).toBe(true);
    expect(result.callRequest).toMatch(/10 minutes today or tomorrow/);
    expect(countWords(result.callRequest)).toBeLessThanOrEqual(60);
  });

  it('greets from the draft itself when no recipient name is known', () => {
    expect(analyzeDraft({ body: 'Hi Marco,\n\nAny news on the PO?' }).callRequest.startsWith('Hi Marco,')).toBe(true);
  });
});
