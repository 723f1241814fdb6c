import type { ReactNode } from "react";
import { PlatformFooter } from "./platform-footer";
import { PlatformHeader } from "./platform-header";

// Page frame of the platform's own pages: header, the one <main>, footer.
export function PlatformShell({ children }: { children: ReactNode }) {
  return (
    <>
      <PlatformHeader />
      <main id="main-content" tabIndex={-1} className="flex-grow-1">
        <div className="container pb-5">{children}</div>
      </main>
      <PlatformFooter />
    </>
  );
}
