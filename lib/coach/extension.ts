/**
 * The coach's one line to the extension: background requests, ledger records, diagnostics and the
 * rep's settings. Fire and forget, never throwing into the page. Every extension API call goes
 * through here: none is made once the coach has stopped, and one that says the extension context is
 * gone (the extension was updated or reloaded under an open page) stops the coach, so the old script
 * never calls an extension API again. Answers that arrive after the coach stopped are dropped.
 * Records wait for settings (the rep may have turned the site off) and each key is sent once.
 */
import type { SiteDiagnostics } from '../diagnostics';
import type { LedgerEvent, Request, ResponseOf } from '../messages';
import type { ResolvedSettings } from '../settings';
import type { Settings, SiteId } from '../settings/schema';
import type { CoachDeps } from './deps';

/** What extension APIs throw in a content script whose extension was reloaded, updated or removed. */
export function isContextLost(error: unknown): boolean {
  return /context invalidated/i.test(String(error));
}

const nothing = () => undefined;

export class ExtensionLink {
  private settingsKnown = false;
  private enabled = true;
  /** Records made before settings arrived, sent (or dropped) once they do. */
  private readonly held: LedgerEvent[] = [];
  private readonly sentKeys = new Set<string>();

  constructor(
    private readonly deps: Omit<CoachDeps, 'analyse' | 'mountNudge' | 'now'>,
    private readonly site: SiteId,
    /** False once the coach has stopped or its context is gone (checking it notices a lost context). */
    private readonly alive: () => boolean,
    /** Stops the coach: an extension API said the context is gone. */
    private readonly contextLost: () => void,
  ) {}

  /** Settings arrived (or changed): the first arrival sends the records held until then, or drops them when the site is off. */
  settingsApplied(enabled: boolean): void {
    this.enabled = enabled;
    if (this.settingsKnown) return;
    this.settingsKnown = true;
    this.held.splice(0).forEach((event) => this.record(event));
  }

  request<R extends Request>(req: R): Promise<ResponseOf<R> | undefined> {
    return this.call(() => this.deps.send(req));
  }

  record(event: LedgerEvent): void {
    if (!this.settingsKnown) {
      this.held.push(event);
      return;
    }
    if (!this.enabled || this.sentKeys.has(event.key)) return;
    this.sentKeys.add(event.key);
    void this.request({ type: 'record', event });
  }

  diagnose(update: Partial<SiteDiagnostics>): void {
    void this.call(() => this.deps.reportDiagnostics(this.site, update));
  }

  loadSettings(): Promise<ResolvedSettings | undefined> {
    return this.call(() => this.deps.loadSettings());
  }

  saveSettings(patch: Partial<Settings>): void {
    void this.call(() => this.deps.updateUserSettings(patch));
  }

  /** Calls `onChange` on every settings change while the coach lives; the returned stop never throws. */
  watchSettings(onChange: (resolved: ResolvedSettings) => void): () => void {
    if (!this.alive()) return nothing;
    try {
      const unwatch = this.deps.watchSettings((resolved) => {
        if (this.alive()) onChange(resolved);
      });
      return () => {
        try {
          unwatch();
        } catch {
          // The context is gone and the listener with it.
        }
      };
    } catch (error) {
      this.failed(error);
      return nothing;
    }
  }

  private call<T>(api: () => Promise<T>): Promise<T | undefined> {
    if (!this.alive()) return Promise.resolve(undefined);
    try {
      return api().then(
        (answer) => (this.alive() ? answer : undefined),
        (error: unknown) => this.failed(error),
      );
    } catch (error) {
      return Promise.resolve(this.failed(error));
    }
  }

  /** An extension API call failed: stops the coach when the context is gone. */
  failed(error: unknown): undefined {
    // alive() also notices a context whose runtime is gone (e.g. `browser.storage` already undefined).
    if (isContextLost(error) || !this.alive()) this.contextLost();
    return undefined;
  }
}
