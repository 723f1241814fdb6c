"use client";

import { useEffect } from "react";

// Takes a one-time flag (?creato=1, ?eliminato=1) out of the address once its notice is on the
// page, so a reload or the next refresh after another action does not show the notice again.
export function ForgetQueryParam({ name }: { name: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(name)) return;
    url.searchParams.delete(name);
    window.history.replaceState(null, "", url);
  }, [name]);
  return null;
}
