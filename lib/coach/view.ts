/**
 * What the nudge shows for an analysis: whether it shows at all (a nudge with findings, not quiet,
 * snoozed or muted) and the model it renders (findings, opener, history line, a number to call).
 * Pure: the session decides when, and mounts it.
 */
import type { Analysis } from '../analysis';
import { telHref } from '../hosts/dom';
import type { ContactRef } from '../messages';
import type { RuleId, Settings } from '../settings/schema';
import type { NudgeModel } from '../../components/nudge/types';

/** The level and reasons the nudge shows (what sends and dismissals are recorded with). */
export interface Shown {
  level: 'suggest' | 'strong';
  reasons: RuleId[];
}

function isMuted(settings: Settings, recipients: readonly ContactRef[]): boolean {
  const muted = new Set(settings.mutedContacts.map((a) => a.toLowerCase()));
  return recipients.some((r) => !!r.address && muted.has(r.address.toLowerCase()));
}

/** What the nudge shows for `analysis`, or null when it stays hidden. */
export function shownFor(
  analysis: Analysis | undefined,
  settings: Settings,
  snoozed: boolean,
  recipients: readonly ContactRef[],
): Shown | null {
  if (!analysis?.nudge || analysis.level === 'none' || analysis.findings.length === 0) return null;
  if (settings.quietMode || snoozed || isMuted(settings, recipients)) return null;
  return { level: analysis.level === 'strong' ? 'strong' : 'suggest', reasons: analysis.findings.map((f) => f.rule) };
}

export function nudgeModel(
  analysis: Analysis,
  shown: Shown,
  extra: {
    historyLine?: string;
    lastCallLine?: string;
    phone?: string;
    canMuteContact: boolean;
    canTurnOffRules: boolean;
    announceKey: string;
    undo?: NudgeModel['undo'];
  },
): NudgeModel {
  return {
    level: shown.level,
    findings: analysis.findings.map(({ rule, message }) => ({ rule, message })),
    opener: analysis.opener,
    openerFromLastCall: analysis.openerSource === 'last_call',
    historyLine: extra.historyLine,
    lastCallLine: extra.lastCallLine,
    undo: extra.undo,
    phone: extra.phone ? { display: extra.phone, href: telHref(extra.phone) } : undefined,
    canUseOpener: analysis.findings.some((f) => f.rule === 'checkin' && f.evidence?.length),
    canMuteContact: extra.canMuteContact,
    canTurnOffRules: extra.canTurnOffRules,
    announceKey: extra.announceKey,
  };
}

/** Only the Undo offer: an action changed the draft, and the new draft calls for no nudge. */
export function undoOfferModel(undo: NonNullable<NudgeModel['undo']>, announceKey: string): NudgeModel {
  return {
    level: 'suggest',
    findings: [],
    opener: '',
    canUseOpener: false,
    canMuteContact: false,
    canTurnOffRules: false,
    announceKey,
    undo,
  };
}
