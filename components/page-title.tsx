import type { ReactNode } from "react";
import { Breadcrumb, type TCrumb } from "./breadcrumb";

// The top of a content page: optional breadcrumb, the page's single h1 and a lead paragraph.
export function PageTitle({ title, lead, breadcrumb }: { title: ReactNode; lead?: ReactNode; breadcrumb?: TCrumb[] }) {
  return (
    <div className="page-title pt-4 pb-3">
      {breadcrumb && breadcrumb.length > 0 ? <Breadcrumb items={breadcrumb} /> : null}
      <h1 className="mb-2">{title}</h1>
      {lead ? <p className="lead mb-0">{lead}</p> : null}
    </div>
  );
}
