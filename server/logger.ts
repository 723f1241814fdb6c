// Minimal structured logger: one JSON line per event in production, readable lines otherwise.
type TLevel = "debug" | "info" | "warn" | "error";
const ORDER: Record<TLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const level = (process.env.LOG_LEVEL as TLevel | undefined) ?? "info";
  return ORDER[level] ?? ORDER.info;
}

function write(level: TLevel, msg: string, data?: Record<string, unknown>) {
  if (ORDER[level] < threshold()) return;
  const out = level === "error" || level === "warn" ? console.error : console.log;
  if (process.env.NODE_ENV === "production") {
    out(JSON.stringify({ level, time: new Date().toISOString(), msg, ...data }));
  } else {
    out(`[${level}] ${msg}${data ? " " + JSON.stringify(data) : ""}`);
  }
}

export const logger = {
  debug: (msg: string, data?: Record<string, unknown>) => write("debug", msg, data),
  info: (msg: string, data?: Record<string, unknown>) => write("info", msg, data),
  warn: (msg: string, data?: Record<string, unknown>) => write("warn", msg, data),
  error: (msg: string, data?: Record<string, unknown>) => write("error", msg, data),
};
