/**
 * Finding compose windows: a scan at start, then after DOM changes outside the drafts' bodies, batched
 * into idle time. A scan opens a session per new window, closes those that left the page (recording a
 * send when the evidence says so) and reports new problems to diagnostics once each.
 */
import type { ComposeHost } from '../hosts/types';
import { diagnose } from './background';
import { queuePrime } from './prime';
import { alive, type CoachRuntime } from './runtime';
import { safe } from './safe';
import { noteBlocked, wasSent } from './send';
import { closeSession, openSession } from './session';

export function scan(coach: CoachRuntime): void {
  const { host, doc, deps, sessions } = coach;
  coach.scanQueued = false;
  if (!alive(coach)) return;
  const blocking = sessions.size > 0 && safe(() => host.hasBlockingDialog(doc), false);
  for (const session of [...sessions.values()]) {
    if (blocking) noteBlocked(session);
    if (!session.win.root.isConnected) closeSession(coach, session, wasSent(session, deps.now(), blocking));
  }
  if (!coach.enabled) return;
  let found: ReturnType<ComposeHost['findComposeWindows']>;
  try {
    found = host.findComposeWindows(doc);
  } catch (error) {
    found = { windows: [], problems: [{ message: `finding compose windows failed: ${String(error)}` }] };
  }
  const live = new Set<HTMLElement>();
  let opened = false;
  for (const win of found.windows) {
    live.add(win.root);
    const existing = sessions.get(win.root);
    if (existing && existing.win.body !== win.body) {
      // The site rebuilt the editor inside the same window: start over for it.
      closeSession(coach, existing, false);
    }
    if (!sessions.has(win.root)) {
      openSession(coach, win);
      opened = true;
    }
  }
  for (const session of [...sessions.values()]) {
    // Still in the page but no longer readable (e.g. body gone): leave it alone.
    if (!live.has(session.win.root)) closeSession(coach, session, false);
  }
  const problems = found.problems.filter((p) => !coach.reportedProblems.has(p.message));
  problems.forEach((p) => coach.reportedProblems.add(p.message));
  if (opened) queuePrime(coach);
  if (opened || problems.length) {
    const last = problems[problems.length - 1];
    diagnose(coach, {
      composeWindowsFound: coach.windowsFound,
      lastSeenAt: deps.now(),
      ...(last ? { lastProblem: last.message, lastProblemAt: deps.now() } : {}),
    });
  }
}

export function queueScan(coach: CoachRuntime): void {
  if (coach.scanQueued || !alive(coach)) return;
  coach.scanQueued = true;
  coach.ctx.requestIdleCallback(() => scan(coach), { timeout: 250 });
}

/** Queues a scan on DOM changes, except typing inside a draft's body. The caller observes and disconnects it. */
export function scanOnDomChanges(coach: CoachRuntime): MutationObserver {
  const insideABody = (node: Node): boolean => {
    for (const session of coach.sessions.values()) if (session.win.body.contains(node)) return true;
    return false;
  };
  return new MutationObserver((records) => {
    if (coach.scanQueued) return;
    for (const r of records) {
      // Typing changes only the body: skip those, unless something was removed that may hold a window.
      if (r.removedNodes.length === 0 && insideABody(r.target)) continue;
      queueScan(coach);
      return;
    }
  });
}
