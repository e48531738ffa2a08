import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { MAIL_MATCH_PATTERNS } from './lib/hosts/match-patterns';

/**
 * Public half of CallFirst's signing key. It fixes the Chrome/Edge extension id to
 * pdelmhlcdkmdihekgbllaancmdgbddoe so tests and enterprise policies can name it.
 * Store uploads must not carry it (the Chrome Web Store refuses a key), so zips strip it.
 */
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzq1LYEsgJyP7bOslMuRBOgQxZymugV9qMYmGjjo9/ntZ5XMSwfTPOGpiBaD+MofL4F3udbEAzqSbIr7zi6Ag5YhUvbKqu80px7JyiX+adEUUIl0tbDbIkABFxgoew3tlw5MIQTLIREMq51Brfzyee8dSf8og1z9o8eoCOvl+HIdfglB6C6Cnh0+1hGWMKGeEodlWU1aOk7C4rtstglAb0C6XMJmnSvJ+wLCnMvYHXWt+gFpJQU4bldvLwy2zEHbHCe/EFUhH7JZ5Ophq3PGgJ2QmwlLMydPwfd1OFTlAfR4b95zhbbqMQ0YPY4oplQkYCLOEWm+Cc6kvpOvlYrcJCQIDAQAB';

// No network at all: extension pages may load only their own files and connect nowhere.
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // Separate output folders let parallel builds (tests, demo) not clobber each other.
  outDir: process.env.CALLFIRST_OUT_DIR ?? '.output',
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
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
    // `alarms` (no install warning): the badge turns over and retention runs at local midnight.
    permissions: ['storage', 'alarms'],
    host_permissions: [...MAIL_MATCH_PATTERNS.gmail, ...MAIL_MATCH_PATTERNS.outlook],
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
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : // Stores refuse a `key` and assign their own: store builds (scripts/zip.mjs) leave it out.
        { key: process.env.CALLFIRST_STORE_BUILD ? undefined : MANIFEST_KEY }),
  }),
});
