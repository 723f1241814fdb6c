import { getFormatter } from "next-intl/server";

// Dates in the personal area: "23 novembre 2026" and "23 novembre 2026, 14:05", in the request's
// language and in Europe/Rome (server/i18n/request.ts), whatever the server's time zone.
export async function getAreaDates() {
  const format = await getFormatter();
  return {
    date: (d: Date) => format.dateTime(d, { day: "numeric", month: "long", year: "numeric" }),
    dateTime: (d: Date) => format.dateTime(d, { day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit" }),
    /** For <time dateTime>. */
    iso: (d: Date) => d.toISOString(),
  };
}
