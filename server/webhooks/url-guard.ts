import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { env } from "@/server/env";

// SSRF guard of webhook URLs: Sportello calls URLs that administrators type, from inside the
// municipality's network. Unless WEBHOOK_ALLOW_PRIVATE_URLS is on (local development, tests),
// a webhook may only reach public addresses over HTTPS:
// - when saved, the URL's literal host is checked (an IP literal in a private range, "localhost");
// - when delivered, every address the host resolves to is checked, inside the connection's own
//   lookup (deliver.ts), so a name that resolves to a public address at save time and to
//   127.0.0.1 later (DNS rebinding) is refused at the moment of connecting.

export const WEBHOOK_URL_MAX_LENGTH = 2000;

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local (cloud metadata services live here)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64 (maps to IPv4, possibly private)
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** Whether an IP address is loopback, private, link-local or otherwise not a public unicast address. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "").split("%")[0]!;
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, "ipv4");
  if (family !== 6) return true;
  // IPv4-mapped (::ffff:10.0.0.1) and IPv4-compatible forms: judge the IPv4 address.
  const mapped = /^(?:0{0,4}:){0,5}(?:ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip.replace(/^::/, ""));
  if (mapped) return isPrivateAddress(mapped[1]!);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (mappedHex) {
    const hi = parseInt(mappedHex[1]!, 16);
    const lo = parseInt(mappedHex[2]!, 16);
    return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return blocked.check(ip, "ipv6");
}

/** Host names that always mean this machine or the local network. */
function isLocalName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal") || !host.includes(".");
}

export function privateUrlsAllowed(): boolean {
  return env().WEBHOOK_ALLOW_PRIVATE_URLS ?? false;
}

export type TUrlProblem = "invalid" | "tooLong" | "scheme" | "credentials" | "privateAddress";

/** Why a webhook URL may not be saved (null: it may). Checks the literal host only; delivery
 * checks the resolved addresses. */
export function webhookUrlProblem(raw: string, allowPrivate: boolean = privateUrlsAllowed()): TUrlProblem | null {
  if (raw.length > WEBHOOK_URL_MAX_LENGTH) return "tooLong";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowPrivate)) return "scheme";
  if (url.username || url.password) return "credentials";
  if (!url.hostname) return "invalid";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) ? isPrivateAddress(host) : isLocalName(host)) return "privateAddress";
  return null;
}

export class PrivateAddressError extends Error {
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, a private or loopback address: refused (WEBHOOK_ALLOW_PRIVATE_URLS is off)`);
    this.name = "PrivateAddressError";
  }
}

type TLookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that resolves the host and refuses the connection when any of
 * its addresses is private (unless allowed). The connection then goes to the address checked.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string } | number | undefined, callback: TLookupCallback): void => {
    const opts = typeof options === "object" && options ? options : {};
    dnsLookup(hostname, { all: true, family: typeof opts.family === "number" ? opts.family : 0 }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses;
      if (!allowPrivate) {
        const bad = list.find((a) => isPrivateAddress(a.address));
        if (bad) return callback(new PrivateAddressError(hostname, bad.address) as NodeJS.ErrnoException, []);
      }
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      if (opts.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
