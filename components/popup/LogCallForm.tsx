/**
 * Log a call: who, and the three-part note good reps keep (what we discussed, what I proposed,
 * the purpose of the next contact), plus the call's purpose. Sent to the background, which owns
 * the ledger; the popup's live queries show it as soon as it is saved.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseContactInput, contactLabel } from '../../lib/contact-history';
import { t } from '../../lib/i18n';
import {
  EMPTY_CALL_NOTES,
  newEventKey,
  sendToBackground,
  type CallLogged,
  type CallNotes,
  type CallSource,
} from '../../lib/messages';

export interface LogCallFormProps {
  /** Prefilled contact ("Dana Lee <dana@acme.example>"); read once (remount with a `key` to change it). */
  initialContact?: string;
  /** `shortcut` when opened by the keyboard command. */
  source: CallSource;
  /** Contacts to suggest while typing. */
  suggestions: string[];
  autoFocus?: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
  now?: () => number;
}

export function LogCallForm({
  initialContact = '',
  source,
  suggestions,
  autoFocus,
  onDone,
  onCancel,
  now = Date.now,
}: LogCallFormProps) {
  const [contact, setContact] = useState(initialContact);
  const [notes, setNotes] = useState<CallNotes>(EMPTY_CALL_NOTES);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const contactRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) contactRef.current?.focus();
  }, [autoFocus]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const who = parseContactInput(contact);
    if (!who.address && !who.name) {
      setError(t('popupLogNeedContact'));
      contactRef.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    const event: CallLogged = { type: 'call_logged', key: newEventKey('call'), at: now(), contact: who, notes, source };
    try {
      const reply = await sendToBackground({ type: 'record', event });
      if (!reply.ok) throw new Error(reply.outcome ?? 'not saved');
      setContact('');
      setNotes(EMPTY_CALL_NOTES);
      onDone(t('popupLogSaved', [contactLabel(who)]));
    } catch {
      setError(t('popupLogFailed'));
    } finally {
      setBusy(false);
    }
  };

  const note = (field: keyof CallNotes, label: string, rows = 2) => (
    <label class="field">
      <span>{label}</span>
      <textarea
        rows={rows}
        name={field}
        value={notes[field]}
        onInput={(e) => setNotes({ ...notes, [field]: e.currentTarget.value })}
      />
    </label>
  );

  return (
    <form class="log-form" onSubmit={(e) => void submit(e)} aria-label={t('popupLogCall')} data-testid="log-call-form">
      <label class="field">
        <span>{t('popupLogContact')}</span>
        <input
          ref={contactRef}
          name="contact"
          type="text"
          autocomplete="off"
          list="callfirst-contacts"
          placeholder={t('popupLogContactHint')}
          value={contact}
          onInput={(e) => setContact(e.currentTarget.value)}
          aria-invalid={error === t('popupLogNeedContact') ? 'true' : undefined}
        />
      </label>
      <datalist id="callfirst-contacts">
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {note('purpose', t('popupLogPurpose'), 1)}
      {note('discussed', t('popupLogDiscussed'))}
      {note('proposed', t('popupLogProposed'))}
      {note('nextPurpose', t('popupLogNext'), 1)}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('popupLogSave')}
        </button>
        <button type="button" class="quiet" onClick={onCancel}>
          {t('popupLogCancel')}
        </button>
      </div>
    </form>
  );
}
