/**
 * The `log-call` keyboard command (Alt+Shift+L by default, rebindable in the browser's shortcut
 * settings) opens the popup on its Log a call form. The popup learns why it opened from a
 * short-lived intent in storage.session (or the `#log-call` hash when it opens as a window).
 */
import { browser } from 'wxt/browser';

export const LOG_CALL_COMMAND = 'log-call';
export const POPUP_INTENT_KEY = 'popupIntent';
/** An intent older than this is stale (the popup was opened some other way later). */
export const POPUP_INTENT_TTL_MS = 10_000;

export interface PopupIntent {
  view: 'log-call';
  at: number;
}

export async function openCallLog(now: number = Date.now()): Promise<void> {
  // Firefox lets openPopup run only straight from the user's action: start both at once.
  const intent: PopupIntent = { view: 'log-call', at: now };
  const saving = browser.storage.session.set({ [POPUP_INTENT_KEY]: intent }).catch(() => undefined);
  try {
    await browser.action.openPopup();
  } catch {
    // No focused window (or an older browser): open the popup page as a small window instead.
    await browser.windows.create({
      url: browser.runtime.getURL('/popup.html#log-call'),
      type: 'popup',
      width: 400,
      height: 680,
    });
  }
  await saving;
}

export function handleCommand(command: string): Promise<void> | undefined {
  return command === LOG_CALL_COMMAND ? openCallLog() : undefined;
}

/** The popup's side: true (once) if it was opened to log a call. */
export async function takePopupIntent(now: number = Date.now()): Promise<boolean> {
  if (typeof location !== 'undefined' && location.hash === '#log-call') return true;
  try {
    const got = await browser.storage.session.get(POPUP_INTENT_KEY);
    const intent = got[POPUP_INTENT_KEY] as PopupIntent | undefined;
    if (!intent) return false;
    await browser.storage.session.remove(POPUP_INTENT_KEY);
    return now - intent.at < POPUP_INTENT_TTL_MS;
  } catch {
    return false;
  }
}
