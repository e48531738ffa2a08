// Finds the Chromium that tests and the demo drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium.
// When neither exists and we run as root on Debian, installs Debian's chromium with apt-get;
// otherwise stops with one line that says what to install. Playwright never downloads a browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export function ensureChromium(): string {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) {
    if (existsSync(wanted)) return wanted;
    fail(
      `CHROMIUM_PATH=${wanted} does not exist; point it at a Chromium binary or unset it to use ${DEBIAN_CHROMIUM}.`,
    );
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.log('Installing Debian chromium with apt-get (needed for the end-to-end tests)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  fail(
    `Chromium not found: install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`,
  );
}

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}
