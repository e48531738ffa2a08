/**
 * Mounts the nudge beside a compose window in its own shadow root (WXT createShadowRootUi), so
 * neither the mail site's styles nor its scripts touch it and none of our markup can end up in the
 * draft. The host element carries the automation contract: data-callfirst="nudge", data-level,
 * data-reasons; it is hidden (and carries neither) when there is no nudge, and carries neither while
 * it shows only the Undo offer after an action.
 */
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { render } from 'preact';
import { Nudge } from '../../components/nudge/Nudge';
import '../../components/nudge/nudge.css';
import type { NudgeActions, NudgeModel } from '../../components/nudge/types';
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

export const mountNudge: MountNudge = async (ctx, win) => {
  const placement = placementOf(win);
  if (
    !placement ||
    win.body.contains(placement.element) ||
    (placement.element === win.body && placement.position !== 'after')
  ) {
    return null;
  }
  let container: HTMLElement | null = null;
  let current: NudgeView | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: 'callfirst-nudge',
    position: 'inline',
    anchor: placement.element,
    append: placement.position,
    // Keys typed in the call-log form must not reach the mail site's shortcuts.
    isolateEvents: ['keydown', 'keyup', 'keypress', 'input'],
    onMount(uiContainer, _shadow, host) {
      container = uiContainer;
      host.dataset.callfirst = 'nudge';
      host.setAttribute('contenteditable', 'false');
      host.hidden = true;
    },
    onRemove() {
      if (container) render(null, container);
      container = null;
    },
  });
  if (!ctx.isValid || !placement.element.isConnected) return null;
  ui.mount();
  const host = ui.shadowHost;

  const paint = () => {
    if (!container) return;
    if (!current) {
      // The rep was using the nudge (e.g. pressed "Not now"): the caret goes back to the draft, not to the page.
      const hadFocus = host.ownerDocument.activeElement === host;
      host.hidden = true;
      delete host.dataset.level;
      delete host.dataset.reasons;
      render(null, container);
      if (hadFocus) win.body.focus({ preventScroll: true });
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
    render(<Nudge model={current.model} actions={current.actions} />, container);
  };

  return {
    update(view) {
      current = view;
      paint();
    },
    remove() {
      ui.remove();
    },
    get connected() {
      return host.isConnected;
    },
  };
};
