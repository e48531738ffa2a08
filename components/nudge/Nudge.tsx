/**
 * The in-page nudge: a small chip ("Faster as a call?") that opens a card with the reasons in plain
 * words, a call opener, the contact's call history and the actions. It lives in its own shadow root
 * (see lib/coach/mount.tsx) and never takes focus by itself: focus moves only when the rep uses it.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, translate } from '../../lib/i18n';
import { useFocusLater } from '../focus-later';
import { type CallNotes, EMPTY_CALL_NOTES } from '../../lib/messages';
import type { RuleId } from '../../lib/settings/schema';
import { say } from '../../lib/wording';
import type { CardPlace, NudgeActions, NudgeModel } from './types';

const RULE_LABEL: Record<RuleId, Parameters<typeof t>[0]> = {
  checkin: 'nudgeRuleCheckin',
  questions: 'nudgeRuleQuestions',
  length: 'nudgeRuleLength',
  thread: 'nudgeRuleThread',
  conflict: 'nudgeRuleConflict',
  overdue: 'nudgeRuleOverdue',
};

/**
 * The call's notes. After "Call …" the rep has dialled: the form asks how the call went, with the
 * opener already in as its purpose, and the call counts when they save it.
 */
function LogForm(props: {
  opener: string;
  dialled: boolean;
  onSave: (notes: CallNotes) => void;
  onCancel: () => void;
}) {
  const [notes, setNotes] = useState<CallNotes>({
    ...EMPTY_CALL_NOTES,
    purpose: props.dialled ? props.opener : '',
  });
  const first = useRef<HTMLTextAreaElement>(null);
  // The rep asked for the form: the caret goes to its first field, where the button they pressed was.
  useEffect(() => first.current?.focus(), []);
  const field = (key: keyof CallNotes, label: string, placeholder?: string) => (
    <label class="field">
      <span>{label}</span>
      <textarea
        ref={key === 'purpose' ? first : undefined}
        name={key}
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
        // The opener shows as the purpose's placeholder: left as it is, it is the purpose (as for "Call now").
        props.onSave({ ...notes, purpose: notes.purpose.trim() || props.opener });
      }}
    >
      {props.dialled && <h3 class="asked">{t('nudgeLogHowDidItGo')}</h3>}
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

/**
 * `place` says where the open card fits beside the compose window, given where the chip's row is
 * (lib/coach/mount.tsx measures the page); without it the card opens upward at its natural height.
 */
export function Nudge(props: {
  model: NudgeModel;
  actions: NudgeActions;
  place?: (bar: DOMRect) => CardPlace;
  /** Whether Tab in the message reaches the chip (see ComposeWindow.tabLeavesBody), for the announcement. */
  reachedByTab?: () => boolean;
}) {
  const { model, actions, place, reachedByTab = () => true } = props;
  const [open, setOpen] = useState(false);
  /** The log form is open: 'dialled' after "Call …" (the call is logged with its notes), else 'log'. */
  const [logging, setLogging] = useState<'log' | 'dialled' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const chip = useRef<HTMLButtonElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const [cardPlace, setCardPlace] = useState<CardPlace | null>(null);
  /** The log form closed without closing the card: its button gets the caret back. */
  const [logButton, focusLogButtonLater] = useFocusLater<HTMLButtonElement>();
  const cardId = 'callfirst-card';
  const undoId = 'callfirst-undo';
  const hasFindings = model.findings.length > 0;
  // The level shows in the chip's colour; the words say it too, for those who cannot see the colour.
  const strong = model.level === 'strong';
  const title = t(strong ? 'nudgeCardTitleStrong' : 'nudgeCardTitle');
  const undoMessage =
    model.undo && t(model.undo.action === 'call_request' ? 'nudgeChangedCallRequest' : 'nudgeChangedOpener');

  /** A polite announcement (set after a moment so it is read out even in a region just mounted). */
  const announce = (text: string) => {
    setAnnouncement('');
    const id = setTimeout(() => setAnnouncement(text), 150);
    return () => clearTimeout(id);
  };
  // Each time the nudge appears anew, and each time an action changed the draft (with Undo offered).
  useEffect(
    () =>
      hasFindings
        ? announce(
            `${t(strong ? 'nudgeAnnounceStrong' : 'nudgeAnnounce')} ${t(reachedByTab() ? 'nudgeReachByTab' : 'nudgeReachBySend')}`,
          )
        : undefined,
    [model.announceKey],
  );
  useEffect(() => (undoMessage ? announce(t('nudgeUndoAnnounce', undoMessage)) : undefined), [undoMessage]);

  const close = () => {
    setOpen(false);
    setLogging(null);
  };
  const closeToChip = () => {
    close();
    chip.current?.focus({ preventScroll: true });
  };

  // Placed before it is painted, and again when the window changes size (zoom, a narrower window).
  useLayoutEffect(() => {
    const view = bar.current?.ownerDocument.defaultView;
    if (!open || !place || !view) return;
    const measure = () => bar.current && setCardPlace(place(bar.current.getBoundingClientRect()));
    measure();
    view.addEventListener('resize', measure);
    return () => view.removeEventListener('resize', measure);
  }, [open, place]);
  const down = cardPlace?.direction === 'down';

  return (
    <div
      class={`nudge level-${model.level}${down ? ' opens-down' : ''}`}
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
      <div class="bar" ref={bar}>
        {hasFindings && (
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
            {/* Said before the visible words, so a screen reader names whose suggestion this is. */}
            <span class="sr-only">{t('nudgeChipWho')}</span>
            <span>{t('nudgeChip')}</span>
          </button>
        )}
        {done && !open && <span class="done">{done}</span>}
        {model.undo && (
          <span class="undo">
            <span id={undoId}>{undoMessage}</span>
            <button
              type="button"
              class="undo-button"
              data-action="undo"
              aria-describedby={undoId}
              onClick={() => {
                announce(t('nudgeUndone'));
                actions.undo();
              }}
            >
              {t('nudgeUndo')}
            </button>
          </span>
        )}
      </div>
      {open && hasFindings && (
        <section
          id={cardId}
          class="card"
          aria-label={title}
          style={cardPlace ? { maxHeight: `${cardPlace.maxHeight}px` } : undefined}
        >
          <header>
            <h2>{title}</h2>
            <button type="button" class="close" aria-label={t('nudgeClose')} onClick={closeToChip}>
              ×
            </button>
          </header>
          <ul class="findings">
            {model.findings.map((f) => (
              <li key={f.rule}>
                <span class="rule">{t(RULE_LABEL[f.rule])}</span>
                <span class="message">{say(f.message, translate)}</span>
                {model.canTurnOffRules && (
                  <button
                    type="button"
                    class="link"
                    aria-label={t('nudgeRuleOffLabel', t(RULE_LABEL[f.rule]))}
                    onClick={() => (closeToChip(), actions.ruleOff(f.rule))}
                  >
                    {t('nudgeRuleOff')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {model.historyLine && <p class="history">{model.historyLine}</p>}
          {model.lastCallLine && (
            <p class="history" data-testid="last-call">
              {model.lastCallLine}
            </p>
          )}
          <div class="opener">
            <span class="label">{t('nudgeOpenerLabel')}</span>
            <q data-testid="opener">{model.opener}</q>
            {model.openerFromLastCall && (
              <span class="source" data-testid="opener-source">
                {t('nudgeOpenerFromLastCall')}
              </span>
            )}
          </div>
          {logging ? (
            <LogForm
              opener={model.opener}
              dialled={logging === 'dialled'}
              onCancel={() => {
                setLogging(null);
                focusLogButtonLater();
              }}
              onSave={(notes) => {
                actions.logCall(notes);
                setDone(t('nudgeLogSaved'));
                announce(t('nudgeLogSaved'));
                closeToChip();
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
                  <a
                    class="button"
                    data-action="call_now"
                    href={model.phone.href}
                    onClick={() => {
                      // The link dials (the browser hands it to the phone app); the card asks how it went.
                      actions.callNow();
                      setLogging('dialled');
                    }}
                  >
                    {t('nudgeCallNow', model.phone.display)}
                  </a>
                )}
                <button ref={logButton} type="button" data-action="log_call" onClick={() => setLogging('log')}>
                  {t('nudgeLogCall')}
                </button>
              </div>
              <div class="dismiss">
                <button
                  type="button"
                  class="quiet"
                  data-action="snooze"
                  onClick={() => (closeToChip(), actions.snooze())}
                >
                  {t('nudgeSnooze')}
                </button>
                {model.canMuteContact && (
                  <button
                    type="button"
                    class="quiet"
                    data-action="mute_contact"
                    onClick={() => (closeToChip(), actions.muteContact())}
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
