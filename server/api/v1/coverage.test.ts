import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchRoute } from "../dispatch";
import { API_V1_ROUTES } from ".";

// Every operation of the OpenAPI document is exercised by some test through callApiChecked
// (which validates the answers against the document): an operation added without a test, or a
// test calling a path no operation serves, fails here.

const API_DIR = path.resolve(import.meta.dirname, "..");

function testSources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? testSources(path.join(dir, e.name)) : e.name.endsWith(".test.ts") ? [path.join(dir, e.name)] : []));
}

/** callApiChecked("GET", `/applications/${id}?x=1`, …) → ["GET", "/applications/x"]. */
function calledOperations(source: string): [string, string][] {
  const calls: [string, string][] = [];
  const pattern = /callApiChecked(?:<[^>]*>)?\(\s*"([A-Z]+)",\s*(?:"([^"]*)"|`([^`]*)`)/g;
  for (const m of source.matchAll(pattern)) {
    const raw = (m[2] ?? m[3] ?? "").replace(/\$\{[^}]*\}/g, "x").split("?")[0]!;
    calls.push([m[1]!, raw]);
  }
  return calls;
}

describe("OpenAPI coverage of the tests", () => {
  it("exercises every operation of /api/v1 through the spec-checking helper", () => {
    const covered = new Set<string>();
    for (const file of testSources(API_DIR)) {
      for (const [method, p] of calledOperations(fs.readFileSync(file, "utf8"))) {
        const match = matchRoute(API_V1_ROUTES, method, p);
        if (match && "route" in match) covered.add(match.route.operationId);
      }
    }
    const missing = API_V1_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path} (${r.operationId})`).filter((_, i) => !covered.has(API_V1_ROUTES[i]!.operationId));
    expect(missing).toEqual([]);
  });

  it("gives every operation a unique operationId", () => {
    const ids = API_V1_ROUTES.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
