/**
 * The in-page nudge: a small chip ("Faster as a call?") that opens a card with the reasons in plain
 * words, a call opener, the contact's call history and the actions. It lives in its own shadow root
 * (see lib/coach/mount.tsx) and never takes focus by itself: focus moves only when the rep uses it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { type CallNotes, EMPTY_CALL_NOTES } from '../../lib/messages';
import type { RuleId } from '../../lib/settings/schema';
import type { NudgeActions, NudgeModel } from './types';

const RULE_LABEL: Record<RuleId, Parameters<typeof t>[0]> = {
  checkin: 'nudgeRuleCheckin',
  questions: 'nudgeRuleQuestions',
  length: 'nudgeRuleLength',
  thread: 'nudgeRuleThread',
  conflict: 'nudgeRuleConflict',
  overdue: 'nudgeRuleOverdue',
};

function LogForm(props: { opener: string; onSave: (notes: CallNotes) => void; onCancel: () => void }) {
  const [notes, setNotes] = useState<CallNotes>({ ...EMPTY_CALL_NOTES });
  const field = (key: keyof CallNotes, label: string, placeholder?: string) => (
    <label class="field">
      <span>{label}</span>
      <textarea
        rows={key === 'purpose' ? 2 : 1}
        value={notes[key]}
        placeholder={placeholder}
        onInput={(e) => setNotes({ ...notes, [key]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <form
      class="log"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(notes);
      }}
    >
      {field('purpose', t('nudgeLogPurpose'), props.opener)}
      {field('discussed', t('nudgeLogDiscussed'))}
      {field('proposed', t('nudgeLogProposed'))}
      {field('nextPurpose', t('nudgeLogNext'))}
      <div class="row">
        <button type="submit" class="primary">
          {t('nudgeLogSave')}
        </button>
        <button type="button" class="quiet" onClick={props.onCancel}>
          {t('nudgeLogCancel')}
        </button>
      </div>
    </form>
  );
}

export function Nudge(props: { model: NudgeModel; actions: NudgeActions }) {
  const { model, actions } = props;
  const [open, setOpen] = useState(false);
  const [logging, setLogging] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const chip = useRef<HTMLButtonElement>(null);
  const cardId = 'callfirst-card';

  // A polite announcement each time the nudge appears anew (set after mount so it is read out).
  useEffect(() => {
    setAnnouncement('');
    const id = setTimeout(() => setAnnouncement(t('nudgeAnnounce')), 150);
    return () => clearTimeout(id);
  }, [model.announceKey]);

  const close = () => {
    setOpen(false);
    setLogging(false);
  };
  const closeToChip = () => {
    close();
    chip.current?.focus({ preventScroll: true });
  };

  return (
    <div
      class={`nudge level-${model.level}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          closeToChip();
        }
      }}
    >
      <span class="sr-only" role="status" aria-live="polite">
        {announcement}
      </span>
      <button
        ref={chip}
        type="button"
        class="chip"
        aria-expanded={open}
        aria-controls={cardId}
        onClick={() => {
          setDone(null);
          setOpen(!open);
        }}
      >
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z" />
        </svg>
        <span>{t('nudgeChip')}</span>
      </button>
      {done && !open && <span class="done">{done}</span>}
      {open && (
        <section id={cardId} class="card" aria-label={t('nudgeCardTitle')}>
          <header>
            <h2>{t('nudgeCardTitle')}</h2>
            <button type="button" class="close" aria-label={t('nudgeClose')} onClick={closeToChip}>
              ×
            </button>
          </header>
          <ul class="findings">
            {model.findings.map((f) => (
              <li key={f.rule}>
                <span class="rule">{t(RULE_LABEL[f.rule])}</span>
                <span class="message">{f.message}</span>
                <button
                  type="button"
                  class="link"
                  aria-label={t('nudgeRuleOffLabel', t(RULE_LABEL[f.rule]))}
                  onClick={() => actions.ruleOff(f.rule)}
                >
                  {t('nudgeRuleOff')}
                </button>
              </li>
            ))}
          </ul>
          {model.historyLine && <p class="history">{model.historyLine}</p>}
          <div class="opener">
            <span class="label">{t('nudgeOpenerLabel')}</span>
            <q>{model.opener}</q>
          </div>
          {logging ? (
            <LogForm
              opener={model.opener}
              onCancel={() => setLogging(false)}
              onSave={(notes) => {
                actions.logCall(notes);
                setDone(t('nudgeLogSaved'));
                close();
              }}
            />
          ) : (
            <>
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  data-action="call_request"
                  onClick={() => (close(), actions.askForCall())}
                >
                  {t('nudgeAskForCall')}
                </button>
                {model.canUseOpener && (
                  <button type="button" data-action="opener" onClick={() => (close(), actions.useOpener())}>
                    {t('nudgeUseOpener')}
                  </button>
                )}
                {model.phone && (
                  <a class="button" data-action="call_now" href={model.phone.href} onClick={() => actions.callNow()}>
                    {t('nudgeCallNow', model.phone.display)}
                  </a>
                )}
                <button type="button" data-action="log_call" onClick={() => setLogging(true)}>
                  {t('nudgeLogCall')}
                </button>
              </div>
              <div class="dismiss">
                <button type="button" class="quiet" data-action="snooze" onClick={() => (close(), actions.snooze())}>
                  {t('nudgeSnooze')}
                </button>
                {model.canMuteContact && (
                  <button
                    type="button"
                    class="quiet"
                    data-action="mute_contact"
                    onClick={() => (close(), actions.muteContact())}
                  >
                    {t('nudgeMute')}
                  </button>
                )}
              </div>
            </>
          )}
        </section>
      )}
    </div>
  );
}
