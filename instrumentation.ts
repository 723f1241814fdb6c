// Runs once when a Next.js server starts: validates configuration and starts what runs beside
// the app in this process (see server/boot.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./server/boot");
  await boot();
}
