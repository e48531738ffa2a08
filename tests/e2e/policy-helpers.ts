/**
 * A Chromium that reads a real enterprise policy from /etc/chromium/policies/managed/, as deployed
 * machines do, without touching the real /etc: a wrapper starts Chromium in a private mount
 * namespace where a temp copy of /etc/chromium is bind-mounted over the real one
 * (docs/testing.md). When the machine allows no such namespace, `policySupport` says why,
 * and the tests are skipped with that reason.
 */
import { type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from './chromium-path';
import { launchWithExtension, type LaunchOptions } from './harness';

/** The id the manifest key fixes; policies name the extension by it. */
export const EXTENSION_ID = 'pdelmhlcdkmdihekgbllaancmdgbddoe';
const ETC_CHROMIUM = '/etc/chromium';

/** Ways into a private mount namespace, tried in order: unprivileged first, then plain root. */
const NAMESPACES = [
  ['unshare', '--user', '--map-root-user', '--mount'],
  ['unshare', '--mount'],
];

export type PolicySupport = { ok: true; unshare: string[] } | { ok: false; reason: string };

export function policySupport(): PolicySupport {
  if (!existsSync(ETC_CHROMIUM)) return { ok: false, reason: `${ETC_CHROMIUM} does not exist to mount over` };
  const probe = mkdtempSync(join(tmpdir(), 'callfirst-probe-'));
  try {
    const tried: string[] = [];
    for (const unshare of NAMESPACES) {
      const [command, ...args] = unshare as [string, ...string[]];
      const result = spawnSync(command, [...args, 'mount', '--bind', probe, ETC_CHROMIUM], { encoding: 'utf8' });
      if (result.status === 0) return { ok: true, unshare };
      tried.push(`${unshare.join(' ')}: ${(result.stderr || String(result.error)).trim()}`);
    }
    return { ok: false, reason: `no private mount namespace for a test policy (${tried.join('; ')})` };
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

export interface PolicyBrowser {
  context: BrowserContext;
  /** Replaces the policy file (rename into place, as Chromium may read at any moment). */
  setPolicy(settings: Record<string, unknown>): void;
  /** Makes Chromium read the policy now instead of within its ~5 s poll (chrome://policy "Reload policies"). */
  reloadPolicies(): Promise<void>;
  close(): Promise<void>;
}

export async function launchWithPolicy(
  support: Extract<PolicySupport, { ok: true }>,
  settings: Record<string, unknown>,
  launch: Omit<LaunchOptions, 'executablePath'> = {},
): Promise<PolicyBrowser> {
  const root = mkdtempSync(join(tmpdir(), 'callfirst-policy-'));
  const etc = join(root, 'etc-chromium');
  cpSync(ETC_CHROMIUM, etc, { recursive: true });
  const managed = join(etc, 'policies', 'managed');
  mkdirSync(managed, { recursive: true });

  const setPolicy = (values: Record<string, unknown>) => {
    // Chromium parses every file in managed/, temp files too: write beside it, then rename in.
    const staging = join(root, 'staging.json');
    writeFileSync(staging, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: values } } }));
    renameSync(staging, join(managed, 'callfirst.json'));
  };
  setPolicy(settings);

  const wrapper = join(root, 'chromium-with-policy');
  const quoted = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexec ${support.unshare.join(' ')} sh -c 'mount --bind "$0" ${ETC_CHROMIUM} && exec "$@"' ${quoted(etc)} ${quoted(chromiumPath())} "$@"\n`,
  );
  chmodSync(wrapper, 0o755);

  const context = await launchWithExtension({ ...launch, executablePath: wrapper });
  return {
    context,
    setPolicy,
    async reloadPolicies() {
      const page: Page = await context.newPage();
      await page.goto('chrome://policy');
      await page.locator('#reload-policies').click();
      await page.close();
    },
    async close() {
      await context.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
