/**
 * The portal's areas and the form an article points to. This is the ONE place that maps areas to
 * form ids: the portal catalogue defines the real form ids, and when they change only this table
 * changes (the loader validates every article's `relatedForm` against it).
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

/** Form ids an article may name as `relatedForm`. */
export const FORM_IDS = {
  kundebetjening: 'kundebetjening.generel',
  brugeradministration: 'brugeradministration.generel',
  oekonomi: 'oekonomi.generel',
  'loen-hr': 'loen-hr.generel',
  bi: 'bi.generel',
  /** The form 'Øvrige' in the area 'Øvrige' (community access and anything that fits nowhere else). */
  oevrige: 'oevrige.oevrige',
} as const satisfies Record<AreaSlug, string>;

export const KNOWN_FORM_IDS: ReadonlySet<string> = new Set(Object.values(FORM_IDS));

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
