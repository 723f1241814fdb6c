import type { ReactNode } from "react";
import { Icon, type TIconName } from "./icon";

// What a section shows while it has nothing in it: an icon, a sentence saying so, and
// optionally what to do next.
export function EmptyState({
  icon = "it-info-circle",
  title,
  children,
  headingLevel = 3,
}: {
  icon?: TIconName;
  title: string;
  children?: ReactNode;
  headingLevel?: 2 | 3 | 4;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="empty-state d-flex align-items-start gap-3 p-3 rounded">
      <Icon name={icon} color="secondary" className="flex-shrink-0 mt-1" />
      <div>
        <Heading className="h6 mb-1">{title}</Heading>
        {children ? <div className="text-secondary small mb-0">{children}</div> : null}
      </div>
    </div>
  );
}
