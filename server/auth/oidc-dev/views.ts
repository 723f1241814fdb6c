import type { TDevIdentity } from "./identities";

// HTML of the local provider's pages. They stand in for an external identity provider's pages,
// so they live outside the app's i18n and speak Italian, like the SPID/CIE pages they imitate.

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
  body { font-family: "Titillium Web", system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f5f5f5; }
  header { background: #0066cc; color: #fff; padding: 1rem; }
  header p { margin: 0; font-weight: 600; }
  main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.5rem; }
  .note { background: #fff3cd; border-left: 4px solid #a66300; padding: .75rem; }
  ul { list-style: none; padding: 0; }
  li { margin: .75rem 0; }
  button { font: inherit; width: 100%; text-align: left; padding: .75rem 1rem; border: 2px solid #0066cc;
           border-radius: 4px; background: #fff; color: #1a1a1a; cursor: pointer; min-height: 44px; }
  button:hover { background: #e6f0fa; }
  button:focus-visible { outline: 3px solid #f90; outline-offset: 2px; }
  .name { display: block; font-weight: 700; color: #0066cc; }
  .cancel { border-color: #5c6f82; text-align: center; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>Ambiente di prova SPID/CIE</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

function levelLabel(identity: TDevIdentity): string {
  return identity.acr.endsWith("L3") ? "livello 3" : "livello 2";
}

export function renderLoginPage(p: { uid: string; clientId: string; identities: readonly TDevIdentity[] }): string {
  const action = `/interaction/${encodeURIComponent(p.uid)}/login`;
  const items = p.identities
    .map(
      (i) => `<li><button type="submit" name="sub" value="${escapeHtml(i.sub)}">
  <span class="name">${escapeHtml(`${i.given_name} ${i.family_name}`)}</span>
  <span>Codice fiscale <span translate="no">${escapeHtml(i.fiscal_number)}</span></span>
  <span> — ${escapeHtml(i.means)}, ${escapeHtml(levelLabel(i))}</span>
</button></li>`,
    )
    .join("\n");
  return layout(
    "Scegli un'identità di prova — Ambiente di prova SPID/CIE",
    `<h1>Ambiente di prova SPID/CIE — scegli un'identità di prova</h1>
<p class="note">Questo è un fornitore di identità di prova per lo sviluppo: nessuna identità reale viene usata.
Il servizio <strong>${escapeHtml(p.clientId)}</strong> riceverà nome, codice fiscale, data di nascita, email,
telefono e domicilio dell'identità che scegli.</p>
<form method="post" action="${escapeHtml(action)}">
<ul aria-label="Identità di prova">
${items}
</ul>
<p><button type="submit" name="cancel" value="1" class="cancel">Annulla e torna al servizio</button></p>
</form>`,
  );
}

export function renderErrorPage(message: string): string {
  return layout(
    "Errore — Ambiente di prova SPID/CIE",
    `<h1>Si è verificato un errore</h1>
<p>${escapeHtml(message)}</p>
<p>Torna al servizio e riprova ad accedere.</p>`,
  );
}
