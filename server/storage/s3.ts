import { amzDate, awsUriEncode, EMPTY_PAYLOAD_SHA256, sha256Hex, signV4, type TSigV4Credentials } from "./sigv4";
import { assertStorageKey, type TFileStorage } from "./types";

// Files in a bucket of an S3-compatible object store, addressed path-style
// (<endpoint>/<bucket>/<key>), which every compatible store understands, with requests signed by
// AWS Signature V4 (sigv4.ts). The bucket must exist and be private: files are served only by
// Sportello's own routes, which check who may see them.

export type TS3StorageConfig = {
  /** "https://s3.eu-south-1.amazonaws.com", "http://127.0.0.1:9000"; a path prefix is kept. */
  endpoint: string;
  region: string;
  bucket: string;
  credentials: TSigV4Credentials;
  /** For tests. */
  fetch?: typeof fetch;
  now?: () => Date;
  timeoutMs?: number;
};

export class S3StorageError extends Error {}

async function failure(operation: string, key: string, res: Response): Promise<S3StorageError> {
  const body = await res.text().catch(() => "");
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  return new S3StorageError(`S3 ${operation} ${key} failed: HTTP ${res.status}${code ? ` ${code}` : ""}`);
}

export function createS3Storage(config: TS3StorageConfig): TFileStorage {
  const doFetch = config.fetch ?? fetch;
  const base = config.endpoint.replace(/\/+$/, "");

  const request = async (method: "GET" | "PUT" | "DELETE", key: string, body?: Uint8Array): Promise<Response> => {
    assertStorageKey(key);
    const path = [config.bucket, ...key.split("/")].map(awsUriEncode).join("/");
    const url = new URL(`${base}/${path}`);
    const headers: Record<string, string> = {
      "x-amz-date": amzDate(config.now?.() ?? new Date()),
      "x-amz-content-sha256": body ? sha256Hex(body) : EMPTY_PAYLOAD_SHA256,
    };
    const { authorization } = signV4({ method, url, headers, region: config.region, service: "s3", credentials: config.credentials });
    return doFetch(url, {
      method,
      headers: { ...headers, authorization },
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(config.timeoutMs ?? 120_000),
    });
  };

  return {
    async put(key, bytes) {
      const res = await request("PUT", key, bytes);
      if (!res.ok) throw await failure("PUT", key, res);
      await res.body?.cancel();
    },
    async get(key) {
      const res = await request("GET", key);
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok) throw await failure("GET", key, res);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(key) {
      const res = await request("DELETE", key);
      if (!res.ok && res.status !== 404) throw await failure("DELETE", key, res);
      await res.body?.cancel();
    },
  };
}
