// `npm run db:seed`: applies pending migrations, then the idempotent demo data (municipalities
// "esempio" and "borgoverde", one staff account per role), and prints the demo accounts. Their
// passwords live in DATA_DIR/demo-credentials.json; SEED_E2E_STAFF_PASSWORD fixes them instead.
// The embedded database allows one process: stop the app first.
import fs from "node:fs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

const { env } = await import("../server/env");
const { migrateAndSeed } = await import("./lib/migrate-and-seed");
const { formatApiKeys, formatCredentials } = await import("./lib/migrate-database");
const { defaultCredentialsFile } = await import("../server/db/seed");

fs.mkdirSync(env().DATA_DIR, { recursive: true });
const { credentials, apiKeys } = await migrateAndSeed();
console.log(`Demo data ready. Staff accounts (also in ${defaultCredentialsFile()}):`);
console.log(formatCredentials(credentials).join("\n"));
if (apiKeys.length) console.log(["Demo API key:", ...formatApiKeys(apiKeys)].join("\n"));
