// The client's address as the nearest proxy reports it. Used only to rate-limit sign-in
// attempts: a client that forges X-Forwarded-For can dodge the per-address limit, never the
// per-account one.
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : null;
}
