// @vitest-environment happy-dom
/**
 * The nudge component alone: its automation contract (the log form's textarea names, the opener's
 * data-testid), the opener marked as coming from the last call, and the Undo offer.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Nudge } from '../../../components/nudge/Nudge';
import type { NudgeActions, NudgeModel } from '../../../components/nudge/types';
import { useEnglishMessages } from '../ledger/helpers';

const MODEL: NudgeModel = {
  level: 'suggest',
  findings: [{ rule: 'checkin', message: { key: 'reasonCheckin', substitutions: ['just checking in'] } }],
  opener: 'The purpose of my call is to confirm the pilot start date.',
  canUseOpener: true,
  canMuteContact: true,
  canTurnOffRules: true,
  announceKey: 'd:1',
};

/** Every action a no-op, except those a test watches. */
function actions(watched: Partial<NudgeActions> = {}): NudgeActions {
  const none = () => undefined;
  return {
    askForCall: none,
    useOpener: none,
    undo: none,
    callNow: none,
    logCall: none,
    snooze: none,
    muteContact: none,
    ruleOff: none,
    ...watched,
  };
}

/** The chip's accessible name: whose suggestion it is, then its visible words. */
const CHIP = 'CallFirst suggestion: Faster as a call?';

beforeEach(useEnglishMessages);
afterEach(cleanup);

describe('Nudge', () => {
  it('logs a call from textareas named purpose, discussed, proposed and nextPurpose, with a submit button', () => {
    const logCall = vi.fn();
    const { container } = render(<Nudge model={MODEL} actions={actions({ logCall })} />);
    fireEvent.click(screen.getByRole('button', { name: CHIP }));
    expect(screen.getByTestId('opener').textContent).toBe(MODEL.opener);
    expect(container.querySelector('.findings .message')?.textContent).toBe(
      '"just checking in" asks for status without giving a reason to answer; a short call gets the real answer.',
    );
    fireEvent.click(screen.getByRole('button', { name: "I'll call — log it" }));
    const field = (name: string) => container.querySelector<HTMLTextAreaElement>(`textarea[name="${name}"]`)!;
    fireEvent.input(field('purpose'), { target: { value: 'Agree the pilot' } });
    fireEvent.input(field('discussed'), { target: { value: 'Budget' } });
    fireEvent.input(field('proposed'), { target: { value: 'A pilot' } });
    fireEvent.input(field('nextPurpose'), { target: { value: 'confirm start date' } });
    fireEvent.click(container.querySelector('form button[type="submit"]')!);
    expect(logCall).toHaveBeenCalledWith({
      purpose: 'Agree the pilot',
      discussed: 'Budget',
      proposed: 'A pilot',
      nextPurpose: 'confirm start date',
    });
  });

  it('"Call <number>" dials and asks how the call went, the opener as its purpose; the call is logged only on save', () => {
    const callNow = vi.fn();
    const logCall = vi.fn();
    const phone = { display: '+1 415 555 0142', href: 'tel:+14155550142' };
    const { container } = render(<Nudge model={{ ...MODEL, phone }} actions={actions({ callNow, logCall })} />);
    fireEvent.click(screen.getByRole('button', { name: CHIP }));
    const call = screen.getByRole('link', { name: 'Call +1 415 555 0142' });
    expect(call.getAttribute('href')).toBe('tel:+14155550142');
    fireEvent.click(call);
    expect(callNow).toHaveBeenCalledOnce();
    expect(logCall).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'How did the call go?' })).toBeTruthy();
    const purpose = container.querySelector<HTMLTextAreaElement>('textarea[name="purpose"]')!;
    expect(purpose.value).toBe(MODEL.opener);
    fireEvent.input(container.querySelector('textarea[name="discussed"]')!, { target: { value: 'Budget' } });
    fireEvent.click(container.querySelector('form button[type="submit"]')!);
    expect(logCall).toHaveBeenCalledWith({ purpose: MODEL.opener, discussed: 'Budget', proposed: '', nextPurpose: '' });
  });

  it('announces the nudge politely once per appearance, not on every pass that re-renders it', async () => {
    const { rerender } = render(<Nudge model={MODEL} actions={actions()} />);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    const said: string[] = [];
    new MutationObserver(() => status.textContent && said.push(status.textContent)).observe(status, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    await waitFor(() => expect(said).toHaveLength(1));
    expect(said[0]).toMatch(/^CallFirst: this draft may be faster as a call/);
    // The rep's next pause re-analyses the same nudge: nothing new to say.
    rerender(<Nudge model={{ ...MODEL, findings: [...MODEL.findings] }} actions={actions()} />);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(said).toHaveLength(1);
    // It appears anew (a new key): said again.
    rerender(<Nudge model={{ ...MODEL, announceKey: 'd:2' }} actions={actions()} />);
    await waitFor(() => expect(said).toHaveLength(2));
  });

  it('opens the card where the page has room for it, as tall as that room', () => {
    const place = vi.fn(() => ({ direction: 'down' as const, maxHeight: 180 }));
    const { container } = render(<Nudge model={MODEL} actions={actions()} place={place} />);
    fireEvent.click(screen.getByRole('button', { name: CHIP }));
    expect(place).toHaveBeenCalledOnce();
    expect(container.querySelector('.nudge')!.classList.contains('opens-down')).toBe(true);
    expect(screen.getByRole('region').style.maxHeight).toBe('180px');
  });

  it('marks an opener carried from the last call and shows the last call in one line', () => {
    render(
      <Nudge
        model={{ ...MODEL, openerFromLastCall: true, lastCallLine: 'Last call 2 days ago · Discussed: Budget' }}
        actions={actions()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: CHIP }));
    expect(screen.getByTestId('opener-source').textContent).toMatch(/last call/i);
    expect(screen.getByTestId('last-call').textContent).toBe('Last call 2 days ago · Discussed: Budget');
  });

  it('offers Undo alone after an action, announces it politely, and says when the draft is back', async () => {
    const undo = vi.fn();
    render(<Nudge model={{ ...MODEL, findings: [], undo: { action: 'call_request' } }} actions={actions({ undo })} />);
    expect(screen.queryByRole('button', { name: CHIP })).toBeNull();
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(status.textContent).toContain('Your draft now asks for a call.'));
    const button = screen.getByRole('button', { name: 'Undo' });
    expect(button.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(button);
    expect(undo).toHaveBeenCalledOnce();
    await waitFor(() => expect(status.textContent).toBe('Your draft is back as it was.'));
  });

  it('keeps the keyboard in place: the log form takes the caret, Cancel and Save give it back and Save is announced', async () => {
    const logCall = vi.fn();
    const { container } = render(<Nudge model={MODEL} actions={actions({ logCall })} />);
    const chip = screen.getByRole('button', { name: CHIP });
    fireEvent.click(chip);
    fireEvent.click(screen.getByRole('button', { name: "I'll call — log it" }));
    await waitFor(() => expect(document.activeElement).toBe(container.querySelector('textarea[name="purpose"]')));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: "I'll call — log it" })),
    );
    fireEvent.click(screen.getByRole('button', { name: "I'll call — log it" }));
    fireEvent.input(container.querySelector('textarea[name="discussed"]')!, { target: { value: 'Budget' } });
    fireEvent.click(container.querySelector('form button[type="submit"]')!);
    // The purpose left empty is the opener its placeholder showed.
    expect(logCall).toHaveBeenCalledWith({ purpose: MODEL.opener, discussed: 'Budget', proposed: '', nextPurpose: '' });
    expect(document.activeElement).toBe(chip);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Call logged.'));
  });

  it('closes the card to its chip on "Turn off this signal", and offers it only when the rep may change the rules', () => {
    const ruleOff = vi.fn();
    const { rerender } = render(<Nudge model={MODEL} actions={actions({ ruleOff })} />);
    const chip = screen.getByRole('button', { name: CHIP });
    fireEvent.click(chip);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off this signal: Check-in without a reason' }));
    expect(ruleOff).toHaveBeenCalledWith('checkin');
    expect(chip.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(chip);
    rerender(<Nudge model={{ ...MODEL, canTurnOffRules: false }} actions={actions({ ruleOff })} />);
    fireEvent.click(chip);
    expect(screen.queryByRole('button', { name: /Turn off this signal/ })).toBeNull();
  });

  it('says a strong nudge in words too, not only in the colour of its chip', async () => {
    render(<Nudge model={{ ...MODEL, level: 'strong' }} actions={actions()} />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/very likely faster as a call/));
    fireEvent.click(screen.getByRole('button', { name: CHIP }));
    expect(screen.getByRole('heading').textContent).toBe('This is very likely faster as a call');
    expect(screen.getByRole('region', { name: 'This is very likely faster as a call' })).toBeTruthy();
  });
});
