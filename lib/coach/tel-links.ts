/**
 * Capturing clicks on tel: and callto: links anywhere in the page as logged calls, with the contact
 * the site shows near the link, else the first recipient of the compose window holding it (or of
 * the only one open), else just the number.
 */
import { findPhoneNumbers } from '../hosts/dom';
import { recordCall } from './records';
import type { CoachRuntime } from './runtime';
import { safe } from './safe';
import { recipientsOf } from './session';

export function onTelClick(coach: CoachRuntime, event: MouseEvent): void {
  const { host, sessions } = coach;
  const target = event.target;
  if (!(target instanceof Element)) return;
  const link = target.closest<HTMLAnchorElement>('a[href^="tel:" i], a[href^="callto:" i]');
  if (!link || !coach.enabled) return;
  const number = decodeURIComponent((link.getAttribute('href') ?? '').replace(/^(tel|callto):/i, ''));
  let contact = safe(() => host.contactNear?.(link) ?? null, null);
  if (!contact) {
    const inWindow = [...sessions.values()].find((s) => s.win.root.contains(link));
    const only = sessions.size === 1 ? [...sessions.values()][0] : undefined;
    const session = inWindow ?? only;
    contact = session ? (recipientsOf(session)[0] ?? null) : null;
  }
  recordCall(
    coach,
    contact ?? { name: findPhoneNumbers(number)[0] ?? number },
    { purpose: '', discussed: '', proposed: '', nextPurpose: '' },
    'tel',
  );
}
