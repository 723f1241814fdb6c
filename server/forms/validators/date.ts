import { fail, ok, type TCheck } from "./result";

// Dates are "yyyy-mm-dd" strings (what <input type="date"> gives and JSON keeps without a time
// zone). Rules may be absolute or relative to today in Rome: "today", "today-3y", "today+30d".

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Today's date in Italy as "yyyy-mm-dd" (a citizen applying at 00:30 is on Rome's date, not UTC's). */
export function todayInRome(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Adds days/months/years to an ISO date; month ends clamp (31 Jan + 1m = 28/29 Feb). */
export function addToIsoDate(iso: string, amount: number, unit: "d" | "m" | "y"): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  if (unit === "d") return new Date(Date.UTC(y, m - 1, d + amount)).toISOString().slice(0, 10);
  const months = unit === "y" ? amount * 12 : amount;
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Resolves a date rule ("2024-01-01", "today", "today-3y") to an ISO date. */
export function resolveDateRule(rule: string, today: string): string {
  if (!rule.startsWith("today")) return rule;
  const m = /^today([+-]\d+)([dmy])$/.exec(rule);
  return m ? addToIsoDate(today, Number(m[1]), m[2] as "d" | "m" | "y") : today;
}

/** "2024-03-09" → "09/03/2024" */
export function formatItalianDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function checkDate(raw: string, rules: { min?: string | undefined; max?: string | undefined; today: string }): TCheck<string> {
  const s = raw.trim();
  if (!isRealIsoDate(s)) return fail("dateInvalid");
  const min = rules.min ? resolveDateRule(rules.min, rules.today) : undefined;
  const max = rules.max ? resolveDateRule(rules.max, rules.today) : undefined;
  // ISO dates compare correctly as strings.
  if (min && s < min) return fail("dateMin", { min: formatItalianDate(min) });
  if (max && s > max) return fail("dateMax", { max: formatItalianDate(max) });
  return ok(s);
}
