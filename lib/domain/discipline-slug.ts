/**
 * Disciplines in URLs: readable words rather than Peloton's internal codes ("rowing", not "caesar"). Codes without a
 * word of their own read as themselves with hyphens; an old link with the raw code still works.
 */
const SLUGS: Record<string, string> = {
  caesar: "rowing",
  caesar_bootcamp: "row-bootcamp",
  circuit: "bootcamp",
};
const CODES = Object.fromEntries(Object.entries(SLUGS).map(([code, slug]) => [slug, code]));

export function disciplineSlug(code: string): string {
  return SLUGS[code] ?? code.replace(/_/g, "-");
}

export function disciplineFromSlug(slug: string): string {
  return CODES[slug] ?? slug.replace(/-/g, "_");
}
