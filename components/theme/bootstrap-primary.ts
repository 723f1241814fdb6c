import fs from "node:fs";
import path from "node:path";
import { logger } from "@/server/logger";
import { rewritePrimaryColors, type TPrimaryLevel } from "./primary-rewrite";

// Bootstrap Italia's rules that use its primary colour, rewritten to read the municipality's
// (primary-rewrite.ts), followed by the app's own stylesheet's rules on the same properties
// (they come after Bootstrap Italia's in the page, and must keep winning). Read once per
// process from the installed package and app/globals.css, so they always match what the pages
// load (app/layout.tsx imports the same two files).

const BOOTSTRAP_ITALIA = path.join("node_modules", "bootstrap-italia", "dist", "css", "bootstrap-italia.min.css");
const APP_STYLES = path.join("app", "globals.css");

let overrides: { css: string; levels: TPrimaryLevel[] } | undefined;

export function bootstrapPrimaryOverrides(): { css: string; levels: TPrimaryLevel[] } {
  if (!overrides) {
    try {
      const read = (file: string) => fs.readFileSync(path.join(process.cwd(), file), "utf8");
      overrides = rewritePrimaryColors(read(BOOTSTRAP_ITALIA), [read(APP_STYLES)]);
    } catch (e) {
      // Without the files the pages keep Bootstrap Italia's blue (the header still takes the colour).
      logger.error("theme: cannot read the stylesheets to theme", { error: String(e) });
      overrides = { css: "", levels: [] };
    }
  }
  return overrides;
}
