import type { TSummaryItem } from "@/server/forms/summary";

/** Answers as a description list; a repeatable group lists each item with its own answers. */
export function SummaryList({ items }: { items: TSummaryItem[] }) {
  return (
    <dl className="row mb-0">
      {items.map((item) =>
        item.groupItems ? (
          <div key={item.key} className="col-12 mb-2">
            <dt className="mb-2">{item.label}</dt>
            <dd className="mb-0">
              {item.groupItems.map((g) => (
                <div key={g.label} className="border-start border-3 ps-3 mb-3">
                  <p className="fw-semibold mb-1">{g.label}</p>
                  <SummaryList items={g.items} />
                </div>
              ))}
            </dd>
          </div>
        ) : (
          <div key={item.key} className="col-12 d-sm-flex border-bottom py-2">
            <dt className="col-sm-5 fw-normal text-secondary">{item.label}</dt>
            <dd className="col-sm-7 mb-0 text-break" style={{ whiteSpace: "pre-line" }}>
              {item.display}
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}
