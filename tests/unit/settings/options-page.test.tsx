// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Options } from '../../../components/options/Options';
import { analyzeDraft } from '../../../lib/analysis';
import { englishMessage } from '../../../scripts/english-messages';
import { SETTING_KEYS } from '../../../lib/settings/fields';
import { useEnglishMessages } from '../ledger/helpers';

const DRAFT =
  "Hi Dana, just checking in on the renewal. I'm frustrated that we still haven't heard back. Can you confirm " +
  'the budget? Who signs off on your side? When could legal review the contract? Is pricing still a concern?';

beforeEach(() => {
  fakeBrowser.reset();
  useEnglishMessages();
});
afterEach(cleanup);

async function renderOptions() {
  render(<Options />);
  await screen.findByRole('heading', { level: 1, name: 'CallFirst settings' });
  await screen.findByLabelText('Daily call goal');
}

describe('the options page', () => {
  it('shows every setting, each with an explanation tied to its control', async () => {
    await renderOptions();
    for (const key of SETTING_KEYS) {
      const field = document.querySelector(`[data-setting="${key}"]`);
      expect(field, key).not.toBeNull();
      expect(document.getElementById(`${key}-help`)?.textContent, key).toBeTruthy();
    }
    expect(screen.getByLabelText('Daily call goal').getAttribute('aria-describedby')).toBe('dailyCallGoal-help');
  });

  it('shows policy values as locked and leaves the rest editable', async () => {
    await fakeBrowser.storage.managed.set({ sensitivity: 'high', dailyCallGoal: 8 });
    await renderOptions();
    const high = screen.getByRole('radio', { name: 'High' });
    expect(high).toHaveProperty('checked', true);
    expect(high).toHaveProperty('disabled', true);
    expect(high.getAttribute('aria-disabled')).toBe('true');
    const goal = screen.getByLabelText('Daily call goal');
    expect(goal).toHaveProperty('value', '8');
    expect(goal).toHaveProperty('disabled', true);
    expect(goal.getAttribute('aria-describedby')).toBe('dailyCallGoal-help dailyCallGoal-locked');
    expect(document.getElementById('dailyCallGoal-locked')?.textContent).toBe('Set by your organization');
    expect(screen.getByLabelText('Quiet mode')).toHaveProperty('disabled', false);
    expect(screen.getByTestId('managed-note')).toBeTruthy();
  });

  it('saves a change and shows it', async () => {
    await renderOptions();
    fireEvent.click(screen.getByLabelText('Quiet mode'));
    await waitFor(async () =>
      expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ quietMode: true }),
    );
    expect(screen.getByLabelText('Quiet mode')).toHaveProperty('checked', true);
  });

  it('saves a valid number as it is typed and a list when the box is left', async () => {
    await renderOptions();
    fireEvent.input(screen.getByLabelText('Daily call goal'), { target: { value: '12' } });
    const muted = screen.getByLabelText('Muted contacts');
    fireEvent.input(muted, { target: { value: 'a@example.com\n\n B@Example.com ' } });
    fireEvent.change(muted);
    await waitFor(async () =>
      expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({
        dailyCallGoal: 12,
        mutedContacts: ['a@example.com', 'b@example.com'],
      }),
    );
  });

  it('explains an out-of-range number and saves nothing', async () => {
    await renderOptions();
    const goal = screen.getByLabelText('Daily call goal');
    fireEvent.input(goal, { target: { value: '-2' } });
    expect((await screen.findByRole('alert')).textContent).toContain('from 0 to 100');
    expect(goal.getAttribute('aria-invalid')).toBe('true');
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({});
  });

  it('lists the policy values it ignored by the names the page gives them, each with its key for administrators', async () => {
    await fakeBrowser.storage.managed.set({
      dailyCallGoal: -3,
      sites: ['gmail', 'gmial'],
      rules: { checkin: 'no' },
      crm: { myDomain: 'not a host' },
    });
    await renderOptions();
    const items = [...screen.getByTestId('settings-problems').querySelectorAll('li')];
    const lines = items.map((li) => [
      li.textContent.replace(/Setting key:.*$/, '').trim(),
      li.querySelector('code')?.textContent,
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [
          expect.stringMatching(/^Your organization's policy value for “Daily call goal” \(-3\) was ignored/),
          'dailyCallGoal',
        ],
        [expect.stringMatching(/value for “Mail sites, entry 2” \("gmial"\)/), 'sites[1]'],
        [expect.stringMatching(/value for “Signals: Check-ins with no clear purpose/), 'rules.checkin'],
        [expect.stringMatching(/value for “Team CRM: Salesforce host name”/), 'crm.myDomain'],
      ]),
    );
    // The raw keys appear only in their code elements, never in the sentences.
    for (const li of items) expect(li.firstChild?.textContent).not.toMatch(/sites\[|rules\.|crm\.|dailyCallGoal/);
  });

  it('analyses a sample draft live with the current settings', async () => {
    await renderOptions();
    fireEvent.input(screen.getByLabelText('Draft'), { target: { value: DRAFT } });
    const result = screen.getByTestId('sample-result');
    // A check-in, frustration and four open questions: a strong case, with every reason listed.
    await waitFor(() => expect(result.getAttribute('data-level')).toBe('strong'));
    const shown = [...result.querySelectorAll('li[data-rule]')].map((li) => li.getAttribute('data-rule'));
    expect(shown).toEqual(analyzeDraft({ body: DRAFT }, englishMessage).findings.map((f) => f.rule));
    expect(shown).toEqual(expect.arrayContaining(['checkin', 'conflict', 'questions']));
    expect(result.querySelector('h3')?.textContent).toBe('Why');
    // Only the verdict is read out as it changes, not every reason at every key.
    expect(result.closest('[role="status"], [aria-live]')).toBeNull();
    expect([...result.querySelectorAll('[role="status"]')].map((s) => s.textContent)).toEqual([
      'Would strongly suggest a call.',
    ]);
    // Each piece found is quoted on its own: questions hold commas of their own.
    const questions = analyzeDraft({ body: DRAFT }, englishMessage).findings.find(
      (f) => f.rule === 'questions',
    )!.evidence!;
    expect(result.querySelector('li[data-rule="questions"] .evidence')?.textContent).toBe(
      ` Found: ${questions.map((q) => `“${q}”`).join(', ')}`,
    );

    const allOff = { checkin: false, questions: false, length: false, thread: false, conflict: false, overdue: false };
    await fakeBrowser.storage.managed.set({ rules: allOff });
    await waitFor(() => expect(result.getAttribute('data-level')).toBe('none'));
    expect(result.querySelectorAll('li[data-rule]')).toHaveLength(0);
  });

  it('closes the delete confirmation on Escape or "Keep my data" and gives the caret back to its button', async () => {
    await renderOptions();
    fireEvent.click(screen.getByTestId('delete-all'));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Keep my data' }), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('delete-all')));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(screen.getByTestId('delete-all'));
    fireEvent.click(screen.getByRole('button', { name: 'Keep my data' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('delete-all')));
  });
});
