import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';
import type { Alias, AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { MAIL_MATCH_PATTERNS } from './lib/hosts/match-patterns';

/**
 * Public half of CallFirst's signing key. It fixes the Chrome/Edge extension id to
 * pdelmhlcdkmdihekgbllaancmdgbddoe so tests and enterprise policies can name it.
 * Store uploads must not carry it (the Chrome Web Store refuses a key), so zips strip it.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzq1LYEsgJyP7bOslMuRBOgQxZymugV9qMYmGjjo9/ntZ5XMSwfTPOGpiBaD+MofL4F3udbEAzqSbIr7zi6Ag5YhUvbKqu80px7JyiX+adEUUIl0tbDbIkABFxgoew3tlw5MIQTLIREMq51Brfzyee8dSf8og1z9o8eoCOvl+HIdfglB6C6Cnh0+1hGWMKGeEodlWU1aOk7C4rtstglAb0C6XMJmnSvJ+wLCnMvYHXWt+gFpJQU4bldvLwy2zEHbHCe/EFUhH7JZ5Ophq3PGgJ2QmwlLMydPwfd1OFTlAfR4b95zhbbqMQ0YPY4oplQkYCLOEWm+Cc6kvpOvlYrcJCQIDAQAB';

// Extension pages (and, in Chrome, the background service worker, which this policy also covers)
// load only their own files and connect only to an organisation's Salesforce: lib/crm, run by the
// background, is the only code that makes requests (ESLint enforces it), and only once the policy
// names a CRM and the rep grants its host.
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; connect-src https://*.my.salesforce.com; img-src 'self' data:; base-uri 'none'; form-action 'none'";

/**
 * WXT's own `browser`: the browser's promise-based `browser` (Firefox) or `chrome` (Chrome MV3), with
 * no webextension-polyfill in front of it.
 */
const NATIVE_BROWSER = createRequire(import.meta.url).resolve('wxt/browser');

const isAliasList = (alias: AliasOptions): alias is readonly Alias[] => Array.isArray(alias);

/** End-to-end tests only: hosts granted at install, since no switch accepts Chromium's permission prompt. */
const E2E_GRANTED_HOSTS = process.env.CALLFIRST_E2E_GRANTED_HOSTS?.split(',').filter(Boolean) ?? [];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // Separate output folders let parallel builds (tests, demo) not clobber each other.
  outDir: process.env.CALLFIRST_OUT_DIR ?? '.output',
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Content scripts load on every mail page, so they skip webextension-polyfill (about 10 KB and
    // its start-up on each load): every API they use is promise-based in Chrome MV3 and Firefox, and
    // they only send messages. The other contexts keep it: the background answers messages by
    // returning a promise from onMessage, which the polyfill makes work in every Chrome.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      const alias: AliasOptions = config.resolve?.alias ?? {};
      const entries: readonly Alias[] = isAliasList(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      // The first entry that matches wins.
      config.resolve = { ...config.resolve, alias: [{ find: 'wxt/browser', replacement: NATIVE_BROWSER }, ...entries] };
    },
  },
  zip: {
    excludeSources: [
      'test-results/**',
      'playwright-report/**',
      'demo-output/**',
      '.output*/**',
      'coverage/**',
      '.tmp/**',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `alarms` (no install warning): the badge turns over and retention runs at local midnight, and
    // the CRM syncs. Firefox cannot make `identity` optional; it shows no install warning in either browser.
    permissions: ['storage', 'alarms', ...(browser === 'firefox' ? ['identity'] : [])],
    // The organisation's CRM host, asked for from the options page's Connect button.
    optional_permissions: browser === 'firefox' ? [] : ['identity'],
    optional_host_permissions: ['https://*.my.salesforce.com/*'],
    host_permissions: [...MAIL_MATCH_PATTERNS.gmail, ...MAIL_MATCH_PATTERNS.outlook, ...E2E_GRANTED_HOSTS],
    action: { default_title: '__MSG_extName__' },
    storage: { managed_schema: 'managed_schema.json' },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    commands: {
      'log-call': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandLogCall__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'callfirst@callfirst.app',
              strict_min_version: '142.0',
              // Only when the organisation connects its CRM, and then only call records: the date,
              // the contact's address and (if the policy allows) the rep's call notes.
              data_collection_permissions: {
                required: ['none'],
                optional: ['personallyIdentifyingInfo', 'personalCommunications'],
              },
            },
          },
        }
      : // Stores refuse a `key` and assign their own: store builds (scripts/zip.mjs) leave it out.
        { key: process.env.CALLFIRST_STORE_BUILD ? undefined : MANIFEST_KEY }),
  }),
});
