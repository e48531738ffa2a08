/**
 * Reading from a mail site's DOM can throw when the site changes under us. The coach steps aside
 * quietly rather than throwing into the page: `safe` returns a fallback instead.
 */
export function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
