// Security events of sign-in (successes included, for audit) as one JSON line each.
// Silent under test, where refusals are the expected outcome of many cases.
export function logAuthEvent(level: "info" | "warn", msg: string, data: Record<string, unknown>): void {
  if (process.env.NODE_ENV === "test") return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), scope: "auth", msg, ...data });
  if (level === "warn") console.warn(line);
  else console.info(line);
}
