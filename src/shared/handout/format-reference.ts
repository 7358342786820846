import type { Reference } from '../content/structure-descriptions';

/**
 * A reference of content/references.yaml as a handout prints it, in the usual medical style:
 * `Authors. Title. Journal. Year;volume:pages. doi:…` (a url where there is no DOI). Fields the
 * entry leaves out are left out, never replaced by placeholders; an id with no entry is printed
 * as it is, so a missing source shows rather than vanishes.
 */
export function formatReference(reference: Reference | undefined, id: string): string {
  if (!reference) return id;
  const sentence = (text: string | undefined) => (text ? text.replace(/[.\s]+$/, '') : undefined);
  const where = [sentence(reference.journal), [reference.year, reference['volume/pages']].filter((part) => part !== undefined).join(';')].filter(Boolean).join('. ');
  const link = reference.doi ? `doi:${reference.doi}` : reference.url;
  return [sentence(reference.authors), sentence(reference.title), where, link]
    .filter((part): part is string => Boolean(part))
    .map((part) => (part === link ? part : `${part}.`))
    .join(' ');
}
