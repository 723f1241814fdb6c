// A card field as the municipality typed it: one paragraph per line.
export function CardText({ text }: { text: string }) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <>
      {lines.map((line, i) => (
        <p key={i} className={i === lines.length - 1 ? "mb-0" : undefined}>
          {line}
        </p>
      ))}
    </>
  );
}
