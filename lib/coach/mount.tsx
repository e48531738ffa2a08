/**
 * Mounts the nudge beside a compose window in its own shadow root, so neither the mail site's styles
 * nor its scripts touch it and none of our markup can end up in the draft. The host element carries the
 * automation contract: data-callfirst="nudge", data-level, data-reasons; it is hidden (and carries
 * neither) when there is no nudge, and carries neither while it shows only the Undo offer after an action.
 *
 * It never moves the draft: the host takes no room in the site's layout (no height), and the chip and
 * card float over the compose window from it (components/nudge/nudge.css), so the text the rep is
 * typing stays where it is when the nudge comes and goes.
 *
 * Keyboard: Tab in the body goes to the chip, but only where the site's editor has no use for that Tab
 * (ComposeWindow.tabLeavesBody: outside a list in Gmail; never in Outlook, whose editor indents or
 * inserts a tab, so there the chip follows the Send row in the page's own order). Shift+Tab from the
 * chip goes back to where the caret was, and Tab past the nudge's last control on to what follows the
 * body in the site's own order (Send, on Gmail). Gmail orders its compose window with tabindex=1, which
 * a positive tabindex of ours could join, but that breaks the page's order for assistive tools (axe
 * "tabindex"); so the keys are handled instead. Focus moves only when the rep presses a key or clicks.
 */
import type { ContentScriptContext } from '#imports';
import { render } from 'preact';
import { Nudge } from '../../components/nudge/Nudge';
import css from '../../components/nudge/nudge.css?inline';
import type { CardPlace, NudgeActions, NudgeModel } from '../../components/nudge/types';
import { OWN_UI } from '../hosts/dom';
import type { ComposeWindow, NudgePlacement } from '../hosts/types';

export interface NudgeView {
  model: NudgeModel;
  reasons: string[];
  actions: NudgeActions;
}

export interface NudgeHandle {
  /** Shows (view) or hides (null) the nudge. */
  update(view: NudgeView | null): void;
  remove(): void;
  /** True while the host element is in the page. */
  readonly connected: boolean;
}

export type MountNudge = (ctx: ContentScriptContext, win: ComposeWindow) => Promise<NudgeHandle | null>;

function placementOf(win: ComposeWindow): NudgePlacement | null {
  const anchor = win.nudgeAnchor();
  if (!anchor) return null;
  return anchor instanceof Element ? { element: anchor, position: 'after' } : anchor;
}

function luminance(color: string): number | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,/\s]+([\d.]+))?/.exec(color);
  if (!m) return null;
  if (m[4] !== undefined && Number(m[4]) < 0.5) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => Number(v) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when the first opaque background behind the anchor is dark; else the system preference. */
export function detectDarkTheme(from: Element): boolean {
  const view = from.ownerDocument.defaultView;
  for (let el: Element | null = from; el; el = el.parentElement) {
    const lum = luminance(view?.getComputedStyle(el).backgroundColor ?? '');
    if (lum !== null) return lum < 0.4;
  }
  return view?.matchMedia('(prefers-color-scheme: dark)').matches ?? false;
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';

/** The element Tab reaches after `from` in its page (positive tab indexes first, as browsers order them). */
function nextInTabOrder(from: HTMLElement): HTMLElement | null {
  const rank = (el: HTMLElement) => (el.tabIndex > 0 ? el.tabIndex : Number.MAX_SAFE_INTEGER);
  const order = [...from.ownerDocument.querySelectorAll<HTMLElement>(FOCUSABLE)]
    .filter(
      (el) =>
        el.tabIndex >= 0 &&
        (el === from || !from.contains(el)) &&
        !el.closest(OWN_UI) &&
        !el.matches(':disabled') &&
        el.getClientRects().length > 0,
    )
    .map((el, index) => ({ el, index }))
    .sort((a, b) => rank(a.el) - rank(b.el) || a.index - b.index)
    .map(({ el }) => el);
  const at = order.indexOf(from);
  return at < 0 ? null : (order[at + 1] ?? null);
}

/** A plain Tab or Shift+Tab (no other modifier, not while an input method is composing). */
function isTab(event: KeyboardEvent): boolean {
  return event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.isComposing;
}

/** Keys typed in the call-log form must not reach the mail site's shortcuts. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'input'] as const;
/** Space kept between the card and the edge of what the rep can see. */
const EDGE = 8;
/** Room enough for the card's title, a reason and the first actions without scrolling. */
const ROOM_ENOUGH = 240;

/** The part of the viewport `el` can paint in: clipped by each scrolling or clipping ancestor. */
function visibleBox(el: Element): { top: number; bottom: number } {
  const view = el.ownerDocument.defaultView;
  let top = 0;
  let bottom = view?.innerHeight ?? 0;
  for (let at = el.parentElement; at && at !== el.ownerDocument.documentElement; at = at.parentElement) {
    if (view?.getComputedStyle(at).overflowY === 'visible') continue;
    const box = at.getBoundingClientRect();
    top = Math.max(top, box.top);
    bottom = Math.min(bottom, box.bottom);
  }
  return { top, bottom };
}

/**
 * Where the card opens: away from the body (over what the rep is not typing) when it fits there, else
 * where there is more room; as tall as that room allows (it scrolls inside beyond it).
 */
function placeCard(host: HTMLElement, body: HTMLElement, bar: DOMRect): CardPlace {
  const { top, bottom } = visibleBox(host);
  const line = host.getBoundingClientRect().top;
  const above = Math.max(0, bar.top - top - EDGE);
  const below = Math.max(0, bottom - line - EDGE);
  const bodyAbove = !!(body.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING);
  const away = bodyAbove ? below : above;
  const up = away >= ROOM_ENOUGH ? !bodyAbove : above >= below;
  return { direction: up ? 'up' : 'down', maxHeight: Math.floor(up ? above : below) };
}

export const mountNudge: MountNudge = (ctx, win) => Promise.resolve(mountNow(ctx, win));

function mountNow(ctx: ContentScriptContext, win: ComposeWindow): NudgeHandle | null {
  const placement = placementOf(win);
  if (
    !placement ||
    win.body.contains(placement.element) ||
    (placement.element === win.body && placement.position !== 'after')
  ) {
    return null;
  }
  if (!ctx.isValid || !placement.element.isConnected) return null;
  const doc = placement.element.ownerDocument;
  const host = doc.createElement('callfirst-nudge');
  host.dataset.callfirst = 'nudge';
  host.setAttribute('contenteditable', 'false');
  host.hidden = true;
  const shadow = host.attachShadow({ mode: 'open', delegatesFocus: true });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  for (const type of ISOLATED_EVENTS) container.addEventListener(type, (e) => e.stopPropagation());
  shadow.append(style, container);
  placement.element[placement.position === 'before' ? 'before' : 'after'](host);

  let current: NudgeView | null = null;
  /** Where the caret was in the draft when the rep went into the nudge: it goes back there after. */
  let caret: Range | null = null;
  host.addEventListener('focusin', () => {
    const selection = doc.getSelection();
    const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
    if (range && win.body.contains(range.startContainer)) caret = range.cloneRange();
  });
  const listening = new AbortController();
  const remove = () => {
    listening.abort();
    render(null, container);
    host.remove();
  };
  ctx.onInvalidated(remove);

  const tabStops = () =>
    [...shadow.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && !el.matches(':disabled'));
  const backToDraft = () => {
    win.body.focus({ preventScroll: true });
    const selection = doc.getSelection();
    if (caret && selection && win.body.contains(caret.startContainer)) {
      selection.removeAllRanges();
      selection.addRange(caret);
    }
  };
  // Tab in the body: the chip is next (the site's own handlers do not see this Tab).
  win.body.addEventListener(
    'keydown',
    (event) => {
      // Every keystroke in the draft passes here: decide on the key alone first.
      if (!isTab(event) || event.shiftKey || host.hidden || !win.tabLeavesBody()) return;
      const chip = tabStops()[0];
      if (!chip) return;
      event.preventDefault();
      event.stopPropagation();
      chip.focus();
    },
    { capture: true, signal: listening.signal },
  );
  // Shift+Tab from the chip back into the draft; Tab past the last control on to what follows the body.
  container.addEventListener(
    'keydown',
    (event) => {
      if (!isTab(event)) return;
      const stops = tabStops();
      const at = shadow.activeElement;
      const next = event.shiftKey
        ? at === stops[0]
          ? win.body
          : null
        : at === stops.at(-1)
          ? nextInTabOrder(win.body)
          : null;
      if (!next) return;
      event.preventDefault();
      if (next === win.body) backToDraft();
      else next.focus();
    },
    { signal: listening.signal },
  );
  const place = (bar: DOMRect) => placeCard(host, win.body, bar);

  const paint = () => {
    if (!current) {
      // The rep was using the nudge (e.g. pressed "Not now"): the caret goes back to the draft, not to the page.
      const hadFocus = host.ownerDocument.activeElement === host;
      host.hidden = true;
      delete host.dataset.level;
      delete host.dataset.reasons;
      render(null, container);
      if (hadFocus) backToDraft();
      return;
    }
    host.dataset.theme = detectDarkTheme(placement.element) ? 'dark' : 'light';
    // Only the Undo offer (no reasons) is not a nudge: it carries neither.
    if (current.reasons.length) {
      host.dataset.level = current.model.level;
      host.dataset.reasons = current.reasons.join(',');
    } else {
      delete host.dataset.level;
      delete host.dataset.reasons;
    }
    host.hidden = false;
    render(
      <Nudge model={current.model} actions={current.actions} place={place} reachedByTab={() => win.tabLeavesBody()} />,
      container,
    );
  };

  return {
    update(view) {
      current = view;
      paint();
    },
    remove,
    get connected() {
      return host.isConnected;
    },
  };
}
