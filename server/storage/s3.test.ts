import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { createS3Storage } from "./s3";
import { EMPTY_PAYLOAD_SHA256, sha256Hex, signV4 } from "./sigv4";
import { createFileStorage } from "./storage";

const AWS_EXAMPLE_CREDENTIALS = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

describe("AWS Signature V4", () => {
  // The examples of AWS's "Signature Calculations for the Authorization Header" (S3 API reference).
  it("gives the published signature of the GET Object example", () => {
    const signed = signV4({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { range: "bytes=0-9", "x-amz-content-sha256": EMPTY_PAYLOAD_SHA256, "x-amz-date": "20130524T000000Z" },
      region: "us-east-1",
      service: "s3",
      credentials: AWS_EXAMPLE_CREDENTIALS,
    });
    expect(signed.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request," +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date," +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("gives the published signature of the PUT Object example (encoded key, signed payload)", () => {
    const body = "Welcome to Amazon S3.";
    expect(sha256Hex(body)).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const signed = signV4({
      method: "PUT",
      url: new URL("https://examplebucket.s3.amazonaws.com/test%24file.text"),
      headers: {
        date: "Fri, 24 May 2013 00:00:00 GMT",
        "x-amz-date": "20130524T000000Z",
        "x-amz-storage-class": "REDUCED_REDUNDANCY",
        "x-amz-content-sha256": sha256Hex(body),
      },
      region: "us-east-1",
      service: "s3",
      credentials: AWS_EXAMPLE_CREDENTIALS,
    });
    expect(signed.signedHeaders).toBe("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class");
    expect(signed.signature).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });
});

// A stand-in object store: it recomputes each request's signature from what arrived on the wire
// (with the secret it shares with the client) and refuses anything that does not match, as S3 does.
const SECRET = { accessKeyId: "SPORTELLOTEST", secretAccessKey: "test-secret-key/with+symbols" };
const objects = new Map<string, Buffer>();
const seen: { method: string; path: string; authorization: string }[] = [];
let server: http.Server;
let endpoint: string;

function verify(req: http.IncomingMessage, body: Buffer): string | null {
  const auth = req.headers.authorization ?? "";
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return "malformed Authorization";
  const [, keyId, day, region, signedHeaders, signature] = m;
  if (keyId !== SECRET.accessKeyId || region !== "eu-south-1") return "wrong credential scope";
  if (req.headers["x-amz-content-sha256"] !== sha256Hex(body)) return "payload hash mismatch";
  if (!String(req.headers["x-amz-date"]).startsWith(day!)) return "date mismatch";
  const headers = Object.fromEntries(
    signedHeaders!.split(";").filter((h) => h !== "host").map((h) => [h, String(req.headers[h] ?? "")]),
  );
  const expected = signV4({
    method: req.method!,
    url: new URL(req.url!, `http://${req.headers.host}`),
    headers,
    region: region!,
    service: "s3",
    credentials: SECRET,
  });
  return expected.signature === signature && expected.signedHeaders === signedHeaders ? null : "signature mismatch";
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method!, path: req.url!, authorization: req.headers.authorization ?? "" });
      const problem = verify(req, body);
      if (problem) {
        res.writeHead(403, { "content-type": "application/xml" }).end(`<Error><Code>SignatureDoesNotMatch</Code><Message>${problem}</Message></Error>`);
        return;
      }
      const key = decodeURIComponent(req.url!);
      if (req.method === "PUT") {
        objects.set(key, body);
        res.writeHead(200).end();
      } else if (req.method === "GET") {
        const stored = objects.get(key);
        if (stored) res.writeHead(200, { "content-type": "application/octet-stream" }).end(stored);
        else res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("S3-compatible storage", () => {
  const storage = () => createS3Storage({ endpoint, region: "eu-south-1", bucket: "sportello-files", credentials: SECRET });

  it("stores, reads back and deletes an object with signed path-style requests", async () => {
    const bytes = Buffer.from("%PDF-1.7 ricevuta");
    await storage().put("t1/attachments/app-1/file-1", bytes);
    expect(objects.get("/sportello-files/t1/attachments/app-1/file-1")).toEqual(bytes);
    expect(await storage().get("t1/attachments/app-1/file-1")).toEqual(bytes);
    await storage().delete("t1/attachments/app-1/file-1");
    expect(await storage().get("t1/attachments/app-1/file-1")).toBeNull();
    expect(seen.map((s) => s.method)).toEqual(["PUT", "GET", "DELETE", "GET"]);
    expect(seen.every((s) => s.authorization.startsWith("AWS4-HMAC-SHA256 Credential=SPORTELLOTEST/"))).toBe(true);
  });

  it("fails loudly when the store refuses the signature (wrong secret)", async () => {
    const wrong = createS3Storage({ endpoint, region: "eu-south-1", bucket: "sportello-files", credentials: { ...SECRET, secretAccessKey: "nope" } });
    await expect(wrong.put("t1/x", Buffer.from("x"))).rejects.toThrow(/HTTP 403 SignatureDoesNotMatch/);
    await expect(wrong.get("t1/x")).rejects.toThrow(/HTTP 403/);
    expect(objects.has("/sportello-files/t1/x")).toBe(false);
  });

  it("refuses keys that are not safe relative paths before sending anything", async () => {
    const before = seen.length;
    await expect(storage().put("../other-bucket/x", Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
    expect(seen.length).toBe(before);
  });
});

describe("storage configuration", () => {
  it("requires the S3 settings when STORAGE_DRIVER=s3, naming each missing one", () => {
    expect(() => parseEnv({ STORAGE_DRIVER: "s3", S3_ENDPOINT: "https://s3.example.test" })).toThrow(
      /S3_BUCKET: is required when STORAGE_DRIVER=s3[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/,
    );
    expect(() => parseEnv({ STORAGE_DRIVER: "ftp" })).toThrow(/STORAGE_DRIVER/);
    expect(parseEnv({}).STORAGE_DRIVER).toBe("local");
  });

  it("stores in the configured bucket when STORAGE_DRIVER=s3", async () => {
    const config = parseEnv({
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: endpoint,
      S3_REGION: "eu-south-1",
      S3_BUCKET: "comune-bucket",
      S3_ACCESS_KEY_ID: SECRET.accessKeyId,
      S3_SECRET_ACCESS_KEY: SECRET.secretAccessKey,
    });
    await createFileStorage(config).put("t2/receipts/r.pdf", Buffer.from("%PDF-"));
    expect(objects.has("/comune-bucket/t2/receipts/r.pdf")).toBe(true);
  });
});
