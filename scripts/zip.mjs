// `npm run zip`: store-ready zips for Chrome, Edge and Firefox (plus Firefox's sources zip) in
// .output/store/. Store builds carry no manifest `key`: the stores assign the id themselves.
import { execFileSync } from 'node:child_process';

const env = { ...process.env, CALLFIRST_STORE_BUILD: '1', CALLFIRST_OUT_DIR: '.output/store' };
for (const browser of ['chrome', 'edge', 'firefox']) {
  execFileSync('npx', ['wxt', 'zip', '-b', browser], { stdio: 'inherit', env });
}
