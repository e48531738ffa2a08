// Finds the browsers that tests and the demo drive: Chromium (CHROMIUM_PATH, else Debian's
// /usr/bin/chromium) and Firefox (FIREFOX_PATH, else Debian's /usr/bin/firefox-esr).
// When one is missing and we run as root on Debian, installs Debian's package with apt-get;
// otherwise stops with one line that says what to install. Nothing here downloads a browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface DebianBrowser {
  name: string;
  /** The environment variable that may point at another binary. */
  variable: string;
  path: string;
  debianPackage: string;
}

const CHROMIUM: DebianBrowser = {
  name: 'Chromium',
  variable: 'CHROMIUM_PATH',
  path: '/usr/bin/chromium',
  debianPackage: 'chromium',
};
const FIREFOX: DebianBrowser = {
  name: 'Firefox',
  variable: 'FIREFOX_PATH',
  path: '/usr/bin/firefox-esr',
  debianPackage: 'firefox-esr',
};

export function ensureChromium(): string {
  return ensureDebianBrowser(CHROMIUM);
}

export function ensureFirefox(): string {
  return ensureDebianBrowser(FIREFOX);
}

function ensureDebianBrowser({ name, variable, path, debianPackage }: DebianBrowser): string {
  const wanted = process.env[variable];
  if (wanted) {
    if (existsSync(wanted)) return wanted;
    fail(`${variable}=${wanted} does not exist; point it at a ${name} binary or unset it to use ${path}.`);
  }
  if (existsSync(path)) return path;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log(`Installing Debian ${debianPackage} with apt-get (needed for the end-to-end tests)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', debianPackage], { stdio: 'inherit', env });
    if (existsSync(path)) return path;
  }
  fail(
    `${name} not found: install Debian's ${debianPackage} (sudo apt-get install ${debianPackage}) or set ${variable} to a ${name} binary.`,
  );
}

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}
