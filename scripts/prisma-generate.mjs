// Runs `prisma generate` without Prisma's native schema engine, which cannot be downloaded on
// every machine: generate does not use the engine, but the CLI insists that one exists.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const result = spawnSync("npx", ["prisma", "generate", "--schema", "prisma/schema.prisma"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
