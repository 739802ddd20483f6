/**
 * The ONE place where a knowledge article's area and system become the portal's area and system.
 * Today the knowledge area slugs are the portal's area ids; should they part, only this changes.
 */
import type { Article } from '../knowledge/index.js';
import { areaIdSchema, areasOfSystem, findSystem, getArea, mentionedSystems, type AreaId, type Catalogue, catalogue as defaultCatalogue } from '../portal/index.js';

export interface CaseArea {
  areaId?: AreaId;
  systemId?: string;
}

/** The portal area (and system, when the article names one of the area's systems) of an article; none for portal articles. */
export function caseAreaOfArticle(article: Pick<Article, 'area' | 'system'>, cat: Catalogue = defaultCatalogue): CaseArea {
  // Asked for every answer shown: worked out once per area and system (the catalogue is immutable).
  let known = articleAreas.get(cat);
  if (!known) {
    known = new Map();
    articleAreas.set(cat, known);
  }
  const key = `${article.area}\u0000${article.system ?? ''}`;
  let found = known.get(key);
  if (!found) {
    found = Object.freeze(areaOfArticle(article, cat));
    known.set(key, found);
  }
  return found;
}

const articleAreas = new WeakMap<Catalogue, Map<string, CaseArea>>();

function areaOfArticle(article: Pick<Article, 'area' | 'system'>, cat: Catalogue): CaseArea {
  const area = areaIdSchema.safeParse(article.area);
  if (!area.success) return {};
  const system = article.system ? findSystem(article.system, cat) : undefined;
  const inArea = system && getArea(area.data, cat)?.systemIds.includes(system.id);
  return inArea && system ? { areaId: area.data, systemId: system.id } : { areaId: area.data };
}

/**
 * The area and system a free text names ("opret en sag om RejsUd"): one system mentioned, and
 * one area for it apart from Brugeradministration (which covers every system).
 */
export function caseAreaOfText(text: string, cat: Catalogue = defaultCatalogue): CaseArea {
  const systems = mentionedSystems(text, cat);
  const system = systems.length === 1 ? systems[0] : undefined;
  if (!system) return {};
  const areas = areasOfSystem(system.id, cat).filter((a) => a.id !== 'brugeradministration');
  const area = areas.length === 1 ? areas[0] : undefined;
  return area ? { areaId: area.id, systemId: system.id } : {};
}
