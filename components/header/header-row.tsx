import type { ReactNode } from "react";

// The full-width grid row every Bootstrap Italia header band wraps its content in.
export function HeaderRow({ children }: { children: ReactNode }) {
  return (
    <div className="container">
      <div className="row">
        <div className="col-12">{children}</div>
      </div>
    </div>
  );
}
