import 'server-only';
import { sql } from 'drizzle-orm';

/** Pure calendar arithmetic on YYYY-MM-DD strings (UTC noon, so no time zone can move the day). */
const at = (d: string) => new Date(`${d}T12:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const d = at(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** The first and last day of the month a day falls in. */
export function monthOf(day: string): { from: string; to: string } {
  const d = at(day);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12));
  return { from: `${day.slice(0, 7)}-01`, to: iso(last) };
}

/** The Monday of the (ISO) week a day falls in. */
export function mondayOf(day: string): string {
  const dow = at(day).getUTCDay(); // 0 = Sunday
  return addDays(day, dow === 0 ? -6 : 1 - dow);
}

/** Midnight at the start of a day where the organization is, as an instant (SQL). */
export const startOfDay = (day: string, timeZone: string) => sql`(${day}::date::timestamp at time zone ${timeZone})`;
