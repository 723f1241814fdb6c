import { useSyncExternalStore } from "react";

// Whether the page has hydrated. Forms keep their fields and buttons disabled until then, so an
// early tap never falls back to a native submission (answers in the URL, nothing checked) and
// nothing chosen before react-hook-form takes over is reset.

const subscribe = () => () => undefined;
const onClient = () => true;
const onServer = () => false;

/** False in the server's HTML and until hydration, true afterwards. */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, onClient, onServer);
}
