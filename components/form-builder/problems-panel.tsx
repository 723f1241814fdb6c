"use client";

import { useTranslations } from "next-intl";
import { forwardRef } from "react";
import { problemPlace, type TBuilderProblem } from "@/server/forms/builder/problems";

// The problems of the form, as the builder computes them at every change (and as the server
// returns them for an import or a refused publication): the message, where it is, and a button
// that takes the focus to the input that fixes it. Structural ones stop even a save.

export function useProblemText() {
  const t = useTranslations();
  const tp = useTranslations("formBuilder.problems");
  const tProps = useTranslations("formBuilder.props");
  const message = (p: TBuilderProblem) => (t.has(p.key) ? t(p.key, p.values) : p.key);
  const place = (form: unknown, p: TBuilderProblem) => {
    const where = problemPlace(form, p.path);
    const parts: string[] = [];
    // Names in quotes when there is one: "Pagina 2 «Nucleo familiare»", else "Pagina 2".
    const named = (text: string, name: string | null) => (name ? tp("named", { text, name }) : text);
    if (where.page) parts.push(named(tp("page", { n: where.page.index + 1 }), where.page.title));
    if (where.field) parts.push(named(tp("field", { n: where.field.index + 1 }), where.field.label ?? where.field.key));
    if (where.sub) parts.push(named(tp("subField", { n: where.sub.index + 1 }), where.sub.label ?? where.sub.key));
    if (where.property) parts.push(tProps.has(where.property) ? tProps(where.property) : where.property);
    if (where.item !== undefined) parts.push(tp("item", { n: where.item + 1 }));
    return parts.length ? parts.join(" › ") : tp("wholeForm");
  };
  return { message, place };
}

export const ProblemsPanel = forwardRef<HTMLElement, { problems: TBuilderProblem[]; form: unknown; onGoTo: (p: TBuilderProblem) => void }>(function ProblemsPanel(
  { problems, form, onGoTo },
  ref,
) {
  const t = useTranslations("formBuilder.problems");
  const text = useProblemText();
  const blocking = problems.some((p) => p.blocking);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="fb-problems-title"
      className={`border rounded mb-3 ${problems.length ? "border-warning" : "border-success"}`}
      data-testid="form-problems"
    >
      <div className="p-3">
        <h2 id="fb-problems-title" className="h5 mb-2">
          {t("title", { count: problems.length })}
        </h2>
        {problems.length === 0 ? (
          <p className="mb-0 small">{t("none")}</p>
        ) : (
          <>
            <p className="small mb-2">{blocking ? t("blocking") : t("leadPublish")}</p>
            <ul className="list-unstyled mb-0 small">
              {problems.map((p, i) => (
                <li key={i} className="mb-2 d-flex gap-2">
                  <span className={`badge align-self-start ${p.blocking ? "bg-danger" : "bg-warning text-dark"}`}>{p.blocking ? t("structure") : t("semantic")}</span>
                  <span>
                    <span className="d-block">{text.message(p)}</span>
                    <button type="button" className="btn btn-link btn-sm p-0 text-start" onClick={() => onGoTo(p)}>
                      {text.place(form, p)}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
});
