/**
 * The background's message handler: the typed requests of lib/messages.ts, answered from the
 * ledger and the draft analysis. Anything else is left for other listeners (undefined is returned).
 */
import type { Ledger } from '../ledger/ledger';
import { sanitizeEvent } from '../ledger/validate';
import { MAX_HISTORY_LOOKUPS, type ContactHistory, type Request, type ResponseMap } from '../messages';
import { type AnalysisService, createAnalysisService } from './analysis';

const TYPES = new Set<string>([
  'record',
  'contact_history',
  'clear_ledger',
  'flush_ledger',
  'analyse',
  'prime_analysis',
]);

function isRequest(message: unknown): message is Request {
  return typeof message === 'object' && message !== null && TYPES.has(String((message as { type?: unknown }).type));
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length <= 320).slice(0, MAX_HISTORY_LOOKUPS)
    : [];
}

export type Reply = ResponseMap[keyof ResponseMap];

export function createMessageHandler(
  ledger: Ledger,
  now: () => number = Date.now,
  analysis: AnalysisService = createAnalysisService(),
  /** Lays the team's CRM calls over contact histories (the identity when no CRM is connected). */
  withTeamCalls: (histories: ContactHistory[]) => Promise<ContactHistory[]> = (h) => Promise.resolve(h),
) {
  return (message: unknown): Promise<Reply> | undefined => {
    if (!isRequest(message)) return undefined;
    switch (message.type) {
      case 'record': {
        const event = sanitizeEvent(message.event, now());
        if (!event) return Promise.resolve({ ok: false, outcome: 'invalid' });
        return ledger.record(event).then((outcome) => ({ ok: true, outcome }));
      }
      case 'contact_history':
        return ledger.contactHistory(strings(message.addresses), strings(message.names)).then(withTeamCalls);
      case 'clear_ledger':
        return ledger.clear().then(
          () => ({ ok: true }),
          () => ({ ok: false }),
        );
      case 'flush_ledger':
        return ledger.flush().then((ok) => ({ ok, persistent: ledger.getStatus().persistent }));
      case 'analyse':
        return Promise.resolve(analysis.analyse(message.input));
      case 'prime_analysis':
        return Promise.resolve(analysis.prime());
    }
  };
}
