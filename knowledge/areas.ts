/**
 * The portal's areas as the knowledge component knows them. knowledge/ may not import portal/
 * (.dependency-cruiser.cjs), so the slugs and names are repeated here; the form ids are not:
 * an article's `relatedForm` is checked for its shape here and against the portal catalogue by
 * test/knowledge/catalogue-links.test.ts, which also checks these areas against the catalogue's.
 */
export const AREAS = [
  { slug: 'kundebetjening', name: 'Kundebetjening Løn og Regnskab' },
  { slug: 'brugeradministration', name: 'Brugeradministration' },
  { slug: 'oekonomi', name: 'Økonomi og Regnskab' },
  { slug: 'loen-hr', name: 'Statens Løn og HR' },
  { slug: 'bi', name: 'Business Intelligence' },
  { slug: 'oevrige', name: 'Øvrige' },
] as const;

export type AreaSlug = (typeof AREAS)[number]['slug'];

/** Articles about the portal itself belong to no case area. */
export const PORTAL_AREA = 'portal' as const;
export type ArticleArea = AreaSlug | typeof PORTAL_AREA;

export const AREA_SLUGS: readonly AreaSlug[] = AREAS.map((area) => area.slug);

/** A form id as the portal catalogue writes it: `<area slug>.<form slug>`, e.g. `oekonomi.faktura`. */
const FORM_ID = /^([a-z0-9-]+)\.[a-z0-9-]+$/;

/** True for a well-formed form id in a known area (whether the form exists is the catalogue's business). */
export function isFormId(value: string): boolean {
  const area = FORM_ID.exec(value)?.[1];
  return area !== undefined && isAreaSlug(area);
}

const byName = new Map<string, AreaSlug>(AREAS.map((area) => [area.name.toLowerCase(), area.slug]));

export function isAreaSlug(value: string): value is AreaSlug {
  return (AREA_SLUGS as readonly string[]).includes(value);
}

/** Area from a slug or a display name ('Økonomi og Regnskab'); anything else counts as the portal. */
export function areaFrom(value: string): ArticleArea {
  const trimmed = value.trim();
  if (isAreaSlug(trimmed)) return trimmed;
  return byName.get(trimmed.toLowerCase()) ?? PORTAL_AREA;
}

export function areaName(area: ArticleArea): string {
  if (area === PORTAL_AREA) return 'Serviceportalen';
  return AREAS.find((candidate) => candidate.slug === area)?.name ?? area;
}
