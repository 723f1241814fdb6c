import { Fragment } from "react";

// A message's text as written: blank lines make paragraphs, single newlines line breaks. Plain
// text only (never HTML), so what a citizen or an operator typed can't inject markup.
export function MessageText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i} className="mb-2 text-break">
          {paragraph.split("\n").map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
