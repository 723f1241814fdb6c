"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

// Uploads still on their way, for the form around the file fields: "save and continue" waits
// for them instead of reporting a document as missing while it is being sent. A file field
// registers each upload's promise; the form awaits idle() before it validates the page.

type TUploadTracker = {
  /** Registers an upload; the promise must settle (success, failure or cancel) when it ends. */
  track: (upload: Promise<unknown>) => void;
  /** Resolves when no upload is in flight (at once if none). */
  idle: () => Promise<void>;
  /** How many uploads are in flight now. */
  inFlight: number;
};

const UploadTrackerContext = createContext<TUploadTracker | null>(null);

export function UploadTrackerProvider({ children }: { children: ReactNode }) {
  const pending = useRef(new Set<Promise<unknown>>());
  const [inFlight, setInFlight] = useState(0);

  const track = useCallback((upload: Promise<unknown>) => {
    const settled = upload.then(
      () => undefined,
      () => undefined,
    );
    pending.current.add(settled);
    setInFlight(pending.current.size);
    void settled.then(() => {
      pending.current.delete(settled);
      setInFlight(pending.current.size);
    });
  }, []);

  const idle = useCallback(async () => {
    // An upload may start while others finish (several files chosen at once): loop until none.
    while (pending.current.size > 0) await Promise.all([...pending.current]);
  }, []);

  const value = useMemo(() => ({ track, idle, inFlight }), [track, idle, inFlight]);
  return <UploadTrackerContext.Provider value={value}>{children}</UploadTrackerContext.Provider>;
}

/** The enclosing form's tracker; null outside one (a file field on its own works the same). */
export function useUploadTracker(): TUploadTracker | null {
  return useContext(UploadTrackerContext);
}
