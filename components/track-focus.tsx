"use client";

import { useEffect } from "react";

// Bootstrap Italia draws its focus ring on every :focus; its TrackFocus helper marks focus that
// came from the mouse so the ring only shows for keyboard users (as the design system intends).
export function TrackFocus() {
  useEffect(() => {
    void import("bootstrap-italia/dist/plugins/track-focus.js");
  }, []);
  return null;
}
