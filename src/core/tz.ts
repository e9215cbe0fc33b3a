// Time-zone validity, shared by config validation and the hours engine.
const known = new Map<string, boolean>();

/** True for IANA zone names the platform's Intl knows ("Europe/Amsterdam", "UTC"); false otherwise. */
export function isValidTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64) return false;
  let ok = known.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    known.set(tz, ok);
  }
  return ok;
}
