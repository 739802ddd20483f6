import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS, PORTAL_AREA } from '../../knowledge/areas.js';
import { loadArticles, type Article } from '../../knowledge/index.js';
import { catalogue, findSystem, getArea, getForm } from '../../portal/index.js';

// knowledge/ may not import portal/ (.dependency-cruiser.cjs), so the links between the articles
// and the portal catalogue are checked here: this is where drift between the two shows up.
let articles: Article[];

beforeAll(async () => {
  articles = await loadArticles(['knowledge/articles']);
});

describe('knowledge areas', () => {
  describe('when compared with the portal catalogue', () => {
    it('are the catalogue areas with their Danish names, in order', () => {
      expect(AREAS.map((area) => [area.slug, area.name])).toEqual(catalogue.areas.map((area) => [area.id, area.name.da]));
    });
  });
});

describe('articles in knowledge/articles', () => {
  describe('when they name an area', () => {
    it('name an area of the catalogue (or the portal itself)', () => {
      const unknown = articles.filter((article) => article.area !== PORTAL_AREA && getArea(article.area) === undefined);
      expect(unknown.map((article) => `${article.source}: ${article.area}`)).toEqual([]);
    });
  });

  describe('when they name a related form', () => {
    it('name a form of the catalogue', () => {
      const unknown = articles.filter((article) => article.relatedForm !== undefined && getForm(article.relatedForm) === undefined);
      expect(unknown.map((article) => `${article.source}: ${article.relatedForm ?? ''}`)).toEqual([]);
    });

    it('name a form of the article’s own area', () => {
      const elsewhere = articles.filter((article) => {
        const form = article.relatedForm === undefined ? undefined : getForm(article.relatedForm);
        return form !== undefined && article.area !== PORTAL_AREA && form.areaId !== article.area;
      });
      expect(elsewhere.map((article) => `${article.source}: ${article.area} → ${article.relatedForm ?? ''}`)).toEqual([]);
    });

    it('name a form for the article’s system when the form is for particular systems', () => {
      const mismatched = articles.filter((article) => {
        const form = article.relatedForm === undefined ? undefined : getForm(article.relatedForm);
        const system = article.system === undefined ? undefined : findSystem(article.system);
        return form !== undefined && system !== undefined && form.systemIds.length > 0 && !form.systemIds.includes(system.id);
      });
      expect(mismatched.map((article) => `${article.source}: ${article.system ?? ''} → ${article.relatedForm ?? ''}`)).toEqual([]);
    });
  });
});
