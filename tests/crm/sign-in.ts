/** The browser's part of signing in, for unit tests: open the authorize URL and read the redirect. */
import { request } from 'node:http';

export function followAuthorize(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      res.resume();
      const location = res.headers.location;
      if (res.statusCode === 302 && location) resolve(location);
      else reject(new Error(`authorize answered ${res.statusCode}`));
    })
      .on('error', reject)
      .end();
  });
}
