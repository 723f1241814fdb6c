import { getFormatter } from "next-intl/server";

// Dates on the catalogue read "3 marzo 2027" and "9:00", in the request's locale and in
// Europe/Rome (the time zone configured in server/i18n/request.ts), whatever the server's zone.
export async function getDateTimeParts(): Promise<(d: Date) => { date: string; time: string }> {
  const format = await getFormatter();
  return (d) => ({
    date: format.dateTime(d, { day: "numeric", month: "long", year: "numeric" }),
    time: format.dateTime(d, { hour: "numeric", minute: "2-digit" }),
  });
}
