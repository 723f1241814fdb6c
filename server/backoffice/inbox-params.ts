import { APPLICATION_STATUS, isApplicationStatus } from "@/server/applications/status";
import { TIME_ZONE } from "@/server/i18n/config";
import { DEFAULT_INBOX_SORT, INBOX_ASSIGNED, type TInboxFilters, type TInboxSort } from "./inbox";

// The inbox page's state lives in its URL (GET form, links), so a filtered view can be shared and
// works without JavaScript: ?q=&servizio=&stato=&assegnate=&dal=&al=&scadute=1&ordina=&pagina=.
// Dates are Italian calendar days: "dal" is from the start of that day in Rome, "al" up to the
// end of that day.

export type TSearchParams = Record<string, string | string[] | undefined>;

/** The URL's words for each sort and assignment filter. */
const SORT_PARAM: Record<TInboxSort, string> = { submittedAt_desc: "recenti", submittedAt_asc: "meno-recenti", dueDate_asc: "scadenza" };
const ASSIGNED_PARAM: Record<(typeof INBOX_ASSIGNED)[number], string> = { me: "a-me", anyone: "a-qualcuno", nobody: "a-nessuno" };

export const INBOX_SORT_PARAMS = SORT_PARAM;
export const INBOX_ASSIGNED_PARAMS = ASSIGNED_PARAM;

/** The inbox's URL parameters as the page reads and writes them (strings, "" when absent). */
export type TInboxParams = {
  q: string;
  servizio: string;
  stato: string;
  assegnate: string;
  dal: string;
  al: string;
  scadute: string;
  ordina: string;
  pagina: string;
};

const KEYS: (keyof TInboxParams)[] = ["q", "servizio", "stato", "assegnate", "dal", "al", "scadute", "ordina", "pagina"];

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 512) ?? "";

function invert<K extends string>(map: Record<K, string>, value: string): K | undefined {
  return (Object.keys(map) as K[]).find((k) => map[k] === value);
}

/** Rome's wall clock, in parts. Made once: an Intl.DateTimeFormat is costly to create. */
const ROME_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});

/** Offset of Rome's clock from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
export function romeOffsetMs(at: Date): number {
  const parts = Object.fromEntries(ROME_CLOCK.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - Math.floor(at.getTime() / 1000) * 1000;
}

/** Midnight in Rome at the start of a calendar day "2026-11-23" (+ `addDays`), or null when the
 * text is not a real date. */
export function startOfRomeDay(day: string, addDays = 0): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return null;
  const midnight = Date.UTC(y, mo - 1, d + addDays);
  // Rome changes clock at 02:00/03:00, never at midnight: the offset at UTC midnight is the day's.
  return new Date(midnight - romeOffsetMs(new Date(midnight)));
}

export function readInboxParams(searchParams: TSearchParams): TInboxParams {
  return Object.fromEntries(KEYS.map((k) => [k, first(searchParams[k])])) as TInboxParams;
}

/** What the URL asks of listInbox (anything malformed is ignored, as if absent). */
export function inboxQueryFromParams(p: TInboxParams): { filters: TInboxFilters; sort: TInboxSort; cursor: string | null } {
  const status = Number(p.stato);
  const filters: TInboxFilters = {
    serviceId: p.servizio || undefined,
    status: p.stato && isApplicationStatus(status) && status >= APPLICATION_STATUS.SUBMITTED ? [status] : undefined,
    submittedFrom: startOfRomeDay(p.dal) ?? undefined,
    submittedTo: startOfRomeDay(p.al, 1) ?? undefined,
    assigned: invert(ASSIGNED_PARAM, p.assegnate),
    overdue: p.scadute === "1" || undefined,
    q: p.q.slice(0, 100) || undefined,
  };
  return {
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as TInboxFilters,
    sort: invert(SORT_PARAM, p.ordina) ?? DEFAULT_INBOX_SORT,
    cursor: p.pagina || null,
  };
}

/** True when any filter narrows the list (the sort and the page are not filters). */
export function hasInboxFilters(p: TInboxParams): boolean {
  return Boolean(p.q || p.servizio || p.stato || p.assegnate || p.dal || p.al || p.scadute);
}

/**
 * The inbox URL with some parameters changed. Changing anything but the page starts from the
 * first page (a cursor belongs to one set of filters and one sort).
 */
export function inboxHref(path: string, current: TInboxParams, changes: Partial<TInboxParams>): string {
  const next: TInboxParams = { ...current, ...("pagina" in changes ? {} : { pagina: "" }), ...changes };
  const query = new URLSearchParams();
  for (const k of KEYS) if (next[k]) query.set(k, next[k]);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}
