import { useTranslations } from "next-intl";
import type { TFormPage } from "@/server/forms/schema";

// The steps of a form, always visible: on a phone "Passo 2 di 4" with the step's name and a
// progress bar; wider, the list of all steps with the current one marked (aria-current="step").
export function FormSteps({ pages, current, summary = false }: { pages: Pick<TFormPage, "key" | "title">[]; current: number; summary?: boolean }) {
  const t = useTranslations("forms.fill");
  const total = pages.length + 1;
  const position = summary ? total : current + 1;
  const currentTitle = summary ? t("summaryStep") : pages[current]?.title;
  return (
    <nav aria-label={t("stepsLabel")} className="mb-4" data-testid="form-steps">
      <p className="mb-1 fw-semibold">
        {t("stepOf", { position, total })}: <span>{currentTitle}</span>
      </p>
      <div className="progress mb-3" style={{ height: 6 }} aria-hidden="true">
        <div className="progress-bar" style={{ width: `${Math.round((position / total) * 100)}%` }} />
      </div>
      <ol className="d-none d-md-flex list-unstyled gap-3 flex-wrap small mb-0">
        {[...pages.map((p) => p.title), t("summaryStep")].map((title, i) => {
          const isCurrent = i + 1 === position;
          const done = i + 1 < position;
          return (
            <li key={i} aria-current={isCurrent ? "step" : undefined} className={isCurrent ? "fw-bold text-primary" : done ? "text-success" : "text-secondary"}>
              <span className="me-1">{i + 1}.</span>
              {title}
              {done ? <span className="visually-hidden"> ({t("stepDone")})</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
