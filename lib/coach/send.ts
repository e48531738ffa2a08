/**
 * When a compose window counts as sent. A click on Send is not yet a send: a validation dialog can
 * stop it, and Undo Send or the offline queue can intervene. The evidence is a send intent (click,
 * Enter/Space on Send, Ctrl/Cmd+Enter, Send & Archive, schedule send) followed by the window
 * leaving the page without a discard and with no blocking dialog on screen. Each draft counts once.
 */

/** How long a send intent stays believable (schedule send waits for a date to be picked). */
export const SEND_INTENT_TTL_MS = 120_000;

export interface SendState {
  sendIntentAt?: number;
  discardAt?: number;
}

export function noteSendIntent(state: SendState, now: number): void {
  state.sendIntentAt = now;
  state.discardAt = undefined;
}

export function noteDiscard(state: SendState, now: number): void {
  state.discardAt = now;
  state.sendIntentAt = undefined;
}

/** A blocking dialog stopped the send: the rep will press Send again once it is fixed. */
export function noteBlocked(state: SendState): void {
  state.sendIntentAt = undefined;
}

/** Called when the window has left the page (or the page is going away): did it send? */
export function wasSent(state: SendState, now: number, blockingDialog: boolean): boolean {
  if (state.sendIntentAt === undefined || blockingDialog) return false;
  if (state.discardAt !== undefined && state.discardAt >= state.sendIntentAt) return false;
  return now - state.sendIntentAt <= SEND_INTENT_TTL_MS;
}

/** Keyboard send intents that hold on any site: Ctrl/Cmd+Enter inside the compose window. */
export function isSendShortcut(e: KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
}

/** Enter or Space on a focused button activates it. */
export function isActivationKey(e: KeyboardEvent): boolean {
  return (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') && !e.ctrlKey && !e.metaKey && !e.altKey;
}
