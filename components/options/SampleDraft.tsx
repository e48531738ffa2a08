/**
 * A draft box that runs the real analysis with the settings on this page, so a rep or a manager
 * sees what a change does before meeting it in Gmail or Outlook. Nothing leaves the page.
 */
import { useMemo, useState } from 'preact/hooks';
import { analyzeDraft } from '../../lib/analysis';
import { t, translate } from '../../lib/i18n';
import { say } from '../../lib/wording';
import type { Settings } from '../../lib/settings/schema';
import { RULE_LABELS } from '../../lib/settings/labels';

const VERDICTS = { none: 'optionsSampleNone', suggest: 'optionsSampleSuggest', strong: 'optionsSampleStrong' } as const;

export function SampleDraft({ settings }: { settings: Settings }) {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [threadMessages, setThreadMessages] = useState(1);
  const analysis = useMemo(
    () => (body.trim() ? analyzeDraft({ body, subject, threadMessages, settings }, translate) : undefined),
    [body, subject, threadMessages, settings],
  );

  return (
    <section aria-labelledby="sample-title" class="sample">
      <h2 id="sample-title">{t('optionsSampleTitle')}</h2>
      <p class="help" id="sample-help">
        {t('optionsSampleHelp')}
      </p>
      <div class="field">
        <label for="sample-subject">{t('optionsSampleSubject')}</label>
        <input id="sample-subject" type="text" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="sample-body">{t('optionsSampleBody')}</label>
        <textarea
          id="sample-body"
          rows={8}
          value={body}
          aria-describedby="sample-help"
          onInput={(e) => setBody(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="sample-thread">{t('optionsSampleThread')}</label>
        <input
          id="sample-thread"
          type="number"
          min={1}
          max={100}
          value={threadMessages}
          onInput={(e) => setThreadMessages(Math.max(1, Math.trunc(Number(e.currentTarget.value)) || 1))}
        />
      </div>
      <div class="result" data-testid="sample-result" data-level={analysis?.level}>
        {/* Only the verdict is live: the reasons change at every key and would be read out over the typing. */}
        <p class={analysis ? 'verdict' : undefined} role="status">
          {analysis ? t(VERDICTS[analysis.level]) : t('optionsSampleEmpty')}
        </p>
        {analysis && (
          <>
            {analysis.nudge && settings.quietMode && <p>{t('optionsSampleQuiet')}</p>}
            {analysis.findings.length > 0 && (
              <>
                <h3>{t(analysis.level === 'none' ? 'optionsSampleNotEnough' : 'optionsSampleWhy')}</h3>
                <ul>
                  {analysis.findings.map((finding) => (
                    <li key={finding.rule} data-rule={finding.rule}>
                      <strong>{t(RULE_LABELS[finding.rule])}</strong>: {say(finding.message, translate)}
                      {finding.evidence?.length ? (
                        <span class="evidence">
                          {' '}
                          {t(
                            'optionsSampleEvidence',
                            finding.evidence.map((found) => t('optionsSampleQuoted', found)).join(', '),
                          )}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {analysis.nudge && (
              <>
                <h3>{t('optionsSampleOpener')}</h3>
                <p class="opener">{analysis.opener}</p>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
