// What an API key may do. A route names the one scope it needs; a key holds a set of them.
// Reading an application also reads its messages, documents and PDFs (applications:read);
// writing to a citizen and uploading documents are separate permissions, so a protocol register
// can read everything and change nothing.

export const API_SCOPES = ["services:read", "applications:read", "applications:write", "messages:write", "documents:write"] as const;
export type TApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is TApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
