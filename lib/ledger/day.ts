/**
 * Local days as `YYYY-MM-DD` strings. An event's day is fixed when it happens, in the rep's time
 * zone at that moment, and stored with it: a day is a calendar date, never "24 hours", so counts,
 * streaks and "41 days ago" stay right across daylight-saving changes and trips abroad.
 *
 * Pure (no Dexie, no browser APIs): content scripts, the CLI and tests import it freely.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type Day = string;

/** Returns the rep's IANA time zone, or undefined for "this runtime's local zone". */
export type TimeZoneSource = () => string | undefined;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The local calendar day of `at` (epoch ms) in `timeZone` (IANA name), or in the runtime's zone. */
export function localDay(at: number, timeZone?: string): Day {
  if (!timeZone) {
    const d = new Date(at);
    return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** UTC midnight of a calendar day: only for calendar arithmetic, never for display. */
function dayToUtc(day: Day): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function utcToDay(ms: number): Day {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The day `n` calendar days after `day` (before, for negative n). */
export function addDays(day: Day, n: number): Day {
  return utcToDay(dayToUtc(day) + n * 86_400_000);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayToUtc(to) - dayToUtc(from)) / 86_400_000);
}

/** The `count` days ending with `last`, oldest first. */
export function lastDays(last: Day, count: number): Day[] {
  const days: Day[] = [];
  for (let i = count - 1; i >= 0; i--) days.push(addDays(last, -i));
  return days;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: Day): number {
  return (new Date(dayToUtc(day)).getUTCDay() + 6) % 7;
}

/** The Monday that starts the (ISO) week holding `day`. */
export function startOfWeek(day: Day): Day {
  return addDays(day, -weekdayIndex(day));
}

/** Milliseconds from `now` until the next local midnight (for re-rendering "today" when the day turns). */
export function msUntilNextDay(now: number, timeZone?: string): number {
  const today = localDay(now, timeZone);
  // Binary search for the first instant whose day differs: the next day starts within 26 hours
  // whatever the zone or a daylight-saving change does.
  let lo = now;
  let hi = now + 26 * 3_600_000;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (localDay(mid, timeZone) === today) lo = mid;
    else hi = mid;
  }
  return hi - now;
}
