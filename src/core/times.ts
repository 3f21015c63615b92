import { CalendarDate, Timestamp } from '../canonical/primitives.js';

/** Whether `s` is a real calendar date `YYYY-MM-DD` (no 30 February: `Date.parse` would accept one). */
export const isCalendarDate = (s: string): boolean => CalendarDate.safeParse(s).success;

/** Whether `s` is an ISO 8601 instant with a zone as the canonical model holds it (seconds required). */
export const isInstant = (s: string): boolean => Timestamp.safeParse(s).success;

/** The parts of a canonical instant: what a target that holds less (UTC, whole seconds) drops. */
export interface InstantParts {
  /** Milliseconds since the epoch (the fraction cut to milliseconds, as `Date` holds it). */
  readonly ms: number;
  /** The written fraction of a second without its dot (`"412"`), `""` when none was written. */
  readonly fraction: string;
  /** `Z`, or the written offset (`+11:00`, `+00:00`). */
  readonly zone: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** The parts of an instant the canonical `Timestamp` accepts; `undefined` for anything else. */
export function instantParts(iso: string): InstantParts | undefined {
  const m = INSTANT.exec(iso);
  if (!m || !isInstant(iso)) return undefined;
  return { ms: Date.parse(iso), fraction: m[1] ?? '', zone: m[2]! };
}

/**
 * Whether `zone` is an IANA time zone name this runtime knows (`Australia/Sydney`, `UTC`). Offsets
 * (`+10:00`, which newer runtimes accept as a zone) are not names: a fixed offset says nothing of
 * daylight saving, so it is never taken for the customer's zone.
 */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  // Asking Intl costs a formatter each time (a quarter of a v4 conversion): each name is asked once.
  const known = zones.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  // Names come from records: the table is bounded (IANA has about 600 names; made-up ones are few).
  if (zones.size >= 4096) zones.clear();
  zones.set(zone, valid);
  return valid;
}

const zones = new Map<string, boolean>();

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
};

/** The UTC offset of `zone` at the instant `ms`, in milliseconds (whole seconds). */
function offsetAt(zone: string, ms: number): number {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const d = new Date(wall);
  if (year >= 0 && year < 100) d.setUTCFullYear(year);
  return d.getTime() - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `+10:00`, `-03:30`, or `Z` for a zero offset. */
export function formatOffset(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const minutes = Math.abs(offsetMs) / 60000;
  return `${offsetMs < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/**
 * A wall-clock time without a zone (`2024-07-04 12:30:00`) read in the IANA `zone`, as an ISO 8601
 * instant with that zone's offset (`2024-07-04T12:30:00+10:00`): the same wall clock, now with its
 * offset. `undefined` when the text is no such time, the zone is unknown, or the wall clock names no
 * instant or two (a daylight-saving gap or overlap): such a time is never guessed.
 */
export function zonedWallTime(local: string, zone: string): string | undefined {
  const m = LOCAL.exec(local);
  if (!m || !isTimeZone(zone)) return undefined;
  const [, y, mo, d, h, mi, s = '00', fraction] = m;
  const year = Number(y);
  if (year < 1000) return undefined;
  const date = `${y}-${mo}-${d}`;
  const time = `${h}:${mi}:${s}`;
  if (!isInstant(`${date}T${time}Z`)) return undefined;
  const wall = Date.parse(`${date}T${time}Z`);
  // Offsets in force around the wall time; each that maps the wall time back onto itself is a solution.
  const candidates = new Set([-86400000, 0, 86400000].map((delta) => offsetAt(zone, wall + delta)));
  const solutions = [...candidates].filter((offset) => offsetAt(zone, wall - offset) === offset);
  if (solutions.length !== 1) return undefined;
  const offset = solutions[0]!;
  if (offset % 60000 !== 0) return undefined; // a local mean time offset in seconds has no ISO 8601 form
  const iso = `${date}T${time}${fraction === undefined ? '' : `.${fraction}`}${formatOffset(offset)}`;
  return isInstant(iso) ? iso : undefined;
}
