import { createHash, createHmac } from "node:crypto";

// AWS Signature Version 4 for S3-compatible object stores (AWS S3, MinIO, Ceph, Garage, the
// Italian public-cloud providers), written against the published algorithm so Sportello needs no
// SDK: canonical request → string to sign → key derived from the secret, date, region and
// service → HMAC-SHA256. The payload is always signed (its SHA-256 in x-amz-content-sha256).

export const EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export type TSigV4Credentials = { accessKeyId: string; secretAccessKey: string };

export type TSigV4Request = {
  method: string;
  url: URL;
  /** Headers to sign besides host (which comes from the URL): x-amz-date and x-amz-content-sha256 included. */
  headers: Record<string, string>;
  region: string;
  service: string;
  credentials: TSigV4Credentials;
};

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** "20130524T000000Z" */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** RFC 3986 percent-encoding as AWS wants it: everything but A–Z a–z 0–9 - . _ ~ */
export function awsUriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(url: URL): string {
  return [...url.searchParams.entries()]
    .map(([k, v]) => [awsUriEncode(k), awsUriEncode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

export type TSigV4Result = { authorization: string; signedHeaders: string; signature: string; canonicalRequest: string };

/**
 * Signs a request. `url.pathname` must already be URI-encoded once (S3 does not encode it
 * again). The caller sends `authorization` plus every header it passed in `headers`.
 */
export function signV4(req: TSigV4Request): TSigV4Result {
  const date = req.headers["x-amz-date"];
  const payloadHash = req.headers["x-amz-content-sha256"];
  if (!date || !payloadHash) throw new Error("signV4 needs the x-amz-date and x-amz-content-sha256 headers");
  const headers = new Map<string, string>([["host", req.url.host]]);
  for (const [name, value] of Object.entries(req.headers)) headers.set(name.toLowerCase(), value.trim().replace(/\s+/g, " "));
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    req.method.toUpperCase(),
    req.url.pathname || "/",
    canonicalQuery(req.url),
    names.map((n) => `${n}:${headers.get(n)}\n`).join(""),
    signedHeaders,
    payloadHash,
  ].join("\n");
  const day = date.slice(0, 8);
  const scope = `${day}/${req.region}/${req.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", date, scope, sha256Hex(canonicalRequest)].join("\n");
  const kDate = hmac(`AWS4${req.credentials.secretAccessKey}`, day);
  const kSigning = hmac(hmac(hmac(kDate, req.region), req.service), "aws4_request");
  const signature = createHmac("sha256", kSigning).update(stringToSign).digest("hex");
  return {
    authorization: `AWS4-HMAC-SHA256 Credential=${req.credentials.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`,
    signedHeaders,
    signature,
    canonicalRequest,
  };
}
