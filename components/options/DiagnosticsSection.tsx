/** What each mail site's coach last saw, and which settings were ignored and why. */
import { useEffect, useState } from 'preact/hooks';
import { readDiagnostics, watchDiagnostics, type Diagnostics, type Problem } from '../../lib/diagnostics';
import { t } from '../../lib/i18n';
import { SITE_IDS } from '../../lib/settings/schema';
import { useCrmStatus } from '../popup/CrmLine';
import { SITE_LABELS } from '../../lib/settings/labels';
import type { DescribedProblem } from '../../lib/settings/describe';

/** The problem in the UI locale; an earlier version stored it as English text. */
function problemText(problem: Problem | string): string {
  return typeof problem === 'string' ? problem : t(problem.key, problem.detail ?? '');
}

function when(at: number): string {
  return new Date(at).toLocaleString();
}

export function DiagnosticsSection({ problems }: { problems: DescribedProblem[] }) {
  const [diagnostics, setDiagnostics] = useState<Diagnostics>({});
  const crm = useCrmStatus();
  useEffect(() => {
    const stop = watchDiagnostics(setDiagnostics);
    void readDiagnostics().then(setDiagnostics);
    return stop;
  }, []);

  return (
    <section aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">{t('optionsDiagnosticsTitle')}</h2>
      <p class="help">{t('optionsDiagnosticsHelp')}</p>
      <dl class="diagnostics">
        {SITE_IDS.map((site) => {
          const seen = diagnostics[site];
          return (
            <div key={site} data-site={site}>
              <dt>{t(SITE_LABELS[site])}</dt>
              {!seen?.lastSeenAt ? (
                <dd>{t('optionsDiagnosticsNotSeen')}</dd>
              ) : (
                <>
                  <dd>{t('optionsDiagnosticsWindows', String(seen.composeWindowsFound))}</dd>
                  <dd>{t('optionsDiagnosticsLastSeen', when(seen.lastSeenAt))}</dd>
                </>
              )}
              <dd>
                {seen?.lastProblem
                  ? t('optionsDiagnosticsProblem', [
                      seen.lastProblemAt ? when(seen.lastProblemAt) : '',
                      problemText(seen.lastProblem),
                    ])
                  : t('optionsDiagnosticsNoProblem')}
              </dd>
            </div>
          );
        })}
        {crm && (crm.connected || crm.signedOut || crm.lastError) && (
          <div data-testid="crm-diagnostics">
            <dt>{t('crmTitle')}</dt>
            <dd>{crm.connected ? t('crmDiagnosticsConnected', crm.host ?? '') : t('crmDiagnosticsNotConnected')}</dd>
            {crm.lastSyncAt !== undefined && <dd>{t('crmStatusLastSync', when(crm.lastSyncAt))}</dd>}
            <dd>{t('crmDiagnosticsOutbox', [String(crm.waiting ?? 0), String(crm.failed ?? 0)])}</dd>
            <dd>
              {crm.lastError
                ? t('optionsDiagnosticsProblem', [when(crm.lastError.at), crm.lastError.message])
                : t('optionsDiagnosticsNoProblem')}
            </dd>
          </div>
        )}
      </dl>
      <h3>{t('optionsDiagnosticsSettings')}</h3>
      {problems.length === 0 ? (
        <p>{t('optionsDiagnosticsSettingsOk')}</p>
      ) : (
        <ul data-testid="settings-problems">
          {problems.map((problem) => (
            <li key={`${problem.key} ${problem.text}`}>
              {problem.text} <span class="problem-key">{t('settingsProblemKey')}</span> <code>{problem.key}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
