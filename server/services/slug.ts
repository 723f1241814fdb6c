// Addresses derived from names (services, groups, municipalities): lower case, no accents, words
// joined by hyphens. Pure: used by client components and the server.

/** "Asilo nido – 0/6 anni" → "asilo-nido-0-6-anni" ("" when nothing is left). */
export function slugify(text: string, maxLength: number): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}

/** The first of root, root-2, root-3… neither taken nor reserved. */
export function firstFreeSlug(root: string, taken: ReadonlySet<string>, reserved: ReadonlySet<string> = new Set()): string {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? root : `${root}-${n}`;
    if (!taken.has(slug) && !reserved.has(slug)) return slug;
  }
}
