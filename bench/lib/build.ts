import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

// The production build the submission benchmark runs, in its own dist dir (NEXT_DIST_DIR) so it
// never touches the developer's .next. Rebuilt when missing or older than the sources (the rule
// of scripts/start.ts).

const SOURCES = ["app", "components", "server", "emails", "public", "prisma"];
const FILES = ["next.config.mjs", "package.json", "proxy.ts", "instrumentation.ts"];

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsStale(distDir: string): boolean {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const files = FILES.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0));
  return Math.max(...SOURCES.map(newestMtime), ...files) > built;
}

/** `next build` into distDir; returns its duration. */
export function build(distDir: string): number {
  // next build adds the dist dir's type folders to tsconfig.json (and rewrites next-env.d.ts):
  // put them back as they were, the checkout is not the benchmark's to change.
  const kept = ["tsconfig.json", "next-env.d.ts"].map((f) => [f, fs.existsSync(f) ? fs.readFileSync(f, "utf8") : null] as const);
  const start = performance.now();
  try {
    const result = spawnSync("npx", ["next", "build"], { stdio: ["ignore", 2, 2], env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
    if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  } finally {
    for (const [file, content] of kept) if (content !== null && fs.readFileSync(file, "utf8") !== content) fs.writeFileSync(file, content);
  }
  return performance.now() - start;
}
