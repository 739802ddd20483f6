/**
 * The catalogue the user walks through when creating a case: area → system → form. Loaded from
 * catalogue.data.ts and validated once when the module loads (a broken catalogue is a bug: it
 * throws with the path at fault).
 */
import { z } from 'zod';
import { AREAS, FORMS, SYSTEMS } from './catalogue.data.js';
import { fieldSchemaDefinition, type Field } from './form.js';
import { PortalError } from './result.js';
import { localizedSchema, matchKey, matchWords } from './text.js';

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

export const systemSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    description: localizedSchema,
    aliases: z.array(z.string().min(1)).default([]),
    /**
     * What the system handles, not its names ("kørselsgodtgørelse", "lønseddel", "kursusbevis", "expense report"): a
     * case about one of them is most likely a case in this system when the text names none.
     */
    things: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type System = z.infer<typeof systemSchema>;

export const AREA_IDS = ['kundebetjening', 'brugeradministration', 'oekonomi', 'loen-hr', 'bi', 'oevrige'] as const;
export const areaIdSchema = z.enum(AREA_IDS);
export type AreaId = z.infer<typeof areaIdSchema>;

export const areaSchema = z
  .object({
    id: areaIdSchema,
    name: localizedSchema,
    description: localizedSchema,
    aliases: z.array(z.string().min(1)).default([]),
    /**
     * Words of the area's subjects, not its names ("overtid", "moms", "invoice"): a case about them
     * most likely belongs here. They fill the area of a case request that names nothing else.
     */
    topics: z.array(z.string().min(1)).default([]),
    systemIds: z.array(idSchema),
  })
  .strict();
export type Area = z.infer<typeof areaSchema>;

export const formDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/),
    areaId: areaIdSchema,
    version: z.number().int().min(1),
    title: localizedSchema,
    description: localizedSchema,
    aliases: z.array(z.string().min(1)).default([]),
    systemIds: z.array(idSchema),
    general: z.boolean().default(false),
    fields: z.array(fieldSchemaDefinition).min(1),
  })
  .strict()
  .superRefine((form, ctx) => {
    if (!form.id.startsWith(`${form.areaId}.`)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['id'], message: `form id must start with "${form.areaId}."` });
    }
    const seen = new Set<string>();
    form.fields.forEach((field, i) => {
      if (seen.has(field.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['fields', i, 'id'], message: `duplicate field id ${field.id}` });
      seen.add(field.id);
      if ((field.type === 'choice' || field.type === 'multiChoice') && new Set(field.choices.map((c) => c.id)).size !== field.choices.length) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['fields', i, 'choices'], message: 'duplicate choice id' });
      }
      if (field.type === 'multiChoice' && field.choices.some((c) => /[,;]/.test(c.label.da) || /[,;]/.test(c.label.en))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['fields', i, 'choices'], message: 'multi-choice labels may not contain , or ; (they separate answers)' });
      }
      if (field.visibleWhen) {
        const { field: on, in: values } = field.visibleWhen;
        const target = form.fields.slice(0, i).find((f) => f.id === on);
        const fits =
          target?.type === 'choice'
            ? values.every((v) => typeof v === 'string' && target.choices.some((c) => c.id === v))
            : target?.type === 'yesNo'
              ? values.every((v) => typeof v === 'boolean')
              : false;
        if (!fits) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['fields', i, 'visibleWhen'], message: 'visibleWhen must name an earlier choice or yes/no field and its values' });
        }
      }
    });
    const description = form.fields.find((f) => f.id === 'beskrivelse');
    if (description?.type !== 'longText' || description.visibleWhen) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['fields'], message: 'every form needs an always-visible longText field "beskrivelse"' });
    }
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

export interface Catalogue {
  areas: readonly Area[];
  systems: readonly System[];
  forms: readonly FormDefinition[];
}

export const catalogueSchema = z
  .object({ areas: z.array(areaSchema), systems: z.array(systemSchema), forms: z.array(formDefinitionSchema) })
  .strict()
  .superRefine((cat, ctx) => {
    const unique = (ids: string[], path: string): void => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path, i, 'id'], message: `duplicate id ${id}` });
        seen.add(id);
      });
    };
    unique(cat.areas.map((a) => a.id), 'areas');
    unique(cat.systems.map((s) => s.id), 'systems');
    unique(cat.forms.map((f) => f.id), 'forms');
    const systemIds = new Set(cat.systems.map((s) => s.id));
    cat.areas.forEach((area, i) => {
      area.systemIds.forEach((id, j) => {
        if (!systemIds.has(id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['areas', i, 'systemIds', j], message: `unknown system ${id}` });
      });
      const generals = cat.forms.filter((f) => f.areaId === area.id && f.general);
      if (generals.length !== 1) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['areas', i], message: `area ${area.id} needs exactly one general form (has ${generals.length})` });
      }
    });
    cat.forms.forEach((form, i) => {
      const area = cat.areas.find((a) => a.id === form.areaId);
      form.systemIds.forEach((id, j) => {
        if (!area?.systemIds.includes(id)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['forms', i, 'systemIds', j], message: `system ${id} is not in area ${form.areaId}` });
        }
      });
    });
    // A typed name must lead to one system.
    const owner = new Map<string, string>();
    cat.systems.forEach((system, i) => {
      for (const name of [system.id, system.name, ...system.aliases]) {
        const key = matchKey(name);
        const other = owner.get(key);
        if (other !== undefined && other !== system.id) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['systems', i, 'aliases'], message: `"${name}" also names ${other}` });
        }
        owner.set(key, system.id);
      }
    });
  });

/** Validates catalogue data; throws `CATALOGUE.INVALID` naming every path at fault. */
export function loadCatalogue(data: unknown): Catalogue {
  const parsed = catalogueSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new PortalError('CATALOGUE.INVALID', `catalogue: ${where}`, { cause: parsed.error });
  }
  return Object.freeze(parsed.data);
}

/** The Serviceportal's catalogue. */
export const catalogue: Catalogue = loadCatalogue({ areas: AREAS, systems: SYSTEMS, forms: FORMS });

// ---------------------------------------------------------------------------------------------
// Look-ups (tolerant of how names are typed in chat)

function byName<T>(items: readonly T[], names: (item: T) => string[], query: string): T | undefined {
  const key = matchKey(query);
  if (key === '') return undefined;
  return items.find((item) => names(item).some((n) => matchKey(n) === key));
}

export function getArea(id: string, cat: Catalogue = catalogue): Area | undefined {
  return cat.areas.find((a) => a.id === id);
}

export function getSystem(id: string, cat: Catalogue = catalogue): System | undefined {
  return cat.systems.find((s) => s.id === id);
}

export function getForm(id: string, cat: Catalogue = catalogue): FormDefinition | undefined {
  return cat.forms.find((f) => f.id === id);
}

/** An area by id, Danish or English name, or alias ("økonomi", "Brugeradministration", "bi"). */
export function findArea(query: string, cat: Catalogue = catalogue): Area | undefined {
  return byName(cat.areas, (a) => [a.id, a.name.da, a.name.en, ...a.aliases], query);
}

/** A system by id, name or alias ("rejs ud", "indfak", "sls", "HR-Løn"). */
export function findSystem(query: string, cat: Catalogue = catalogue): System | undefined {
  return byName(cat.systems, (s) => [s.id, s.name, ...s.aliases], query);
}

/** A form of an area by id, title or alias. */
export function findForm(areaId: string, query: string, cat: Catalogue = catalogue): FormDefinition | undefined {
  return byName(
    cat.forms.filter((f) => f.areaId === areaId),
    (f) => [f.id, f.id.slice(f.areaId.length + 1), f.title.da, f.title.en, ...f.aliases],
    query,
  );
}

/**
 * Systems named anywhere in a sentence ("jeg kan ikke logge på rejs ud"), in catalogue order.
 * Names shorter than three letters only count as whole words on their own ("sls" but not "sb").
 */
export function mentionedSystems(text: string, cat: Catalogue = catalogue): System[] {
  const words = matchWords(text);
  const joined = ` ${words.join(' ')} `;
  return systemNames(cat)
    .filter(({ names }) => names.some((name) => joined.includes(name.spaced) || (name.several && words.includes(name.joined))))
    .map(({ system }) => system);
}

/** Whether a text names the system (by id): as a whole ("SLS/HR-Løn") or anywhere in it ("Brugeradministration i IndFak og RejsUd"). */
export function namesSystem(text: string, systemId: string, cat: Catalogue = catalogue): boolean {
  return findSystem(text, cat)?.id === systemId || mentionedSystems(text, cat).some((system) => system.id === systemId);
}

/** An article about the system (by id): its system field or its title names it ("Brugeradministration i IndFak og RejsUd"). */
export function articleAbout(article: { readonly system?: string | undefined; readonly title: string }, systemId: string, cat: Catalogue = catalogue): boolean {
  return [article.system ?? '', article.title].some((text) => namesSystem(text, systemId, cat));
}

/** Each system's names (id, name, aliases) in match words, made once per catalogue; names under three letters left out. */
interface SystemNames {
  system: System;
  names: { spaced: string; joined: string; several: boolean }[];
}

const systemNamesOf = new WeakMap<Catalogue, SystemNames[]>();

function systemNames(cat: Catalogue): SystemNames[] {
  let found = systemNamesOf.get(cat);
  if (!found) {
    found = cat.systems.map((system) => ({
      system,
      names: [system.id, system.name, ...system.aliases]
        .map((name) => matchWords(name))
        .filter((nameWords) => nameWords.join('').length >= 3)
        .map((nameWords) => ({ spaced: ` ${nameWords.join(' ')} `, joined: nameWords.join(''), several: nameWords.length > 1 })),
    }));
    systemNamesOf.set(cat, found);
  }
  return found;
}

/** The systems of an area, in catalogue order. */
export function systemsOf(areaId: string, cat: Catalogue = catalogue): System[] {
  const area = getArea(areaId, cat);
  return area ? area.systemIds.flatMap((id) => cat.systems.filter((s) => s.id === id)) : [];
}

/** The areas that cover a system (Brugeradministration covers every system). */
export function areasOfSystem(systemId: string, cat: Catalogue = catalogue): Area[] {
  return cat.areas.filter((a) => a.systemIds.includes(systemId));
}

/** Whether a form may be used for a system (`null`: no particular system). */
export function formAppliesTo(form: FormDefinition, systemId: string | null): boolean {
  if (form.systemIds.length === 0) return true;
  return systemId !== null && form.systemIds.includes(systemId);
}

/**
 * The forms to offer for an area and system: the forms made for that system first, then the
 * forms that are not tied to a system (the general form last).
 */
export function formsFor(areaId: string, systemId: string | null, cat: Catalogue = catalogue): FormDefinition[] {
  const forms = cat.forms.filter((f) => f.areaId === areaId && formAppliesTo(f, systemId));
  const rank = (f: FormDefinition): number => (f.general ? 2 : f.systemIds.length > 0 ? 0 : 1);
  return forms.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
}

/** The area's general form (`<area>.generel`, for Øvrige the form "Øvrige"). */
export function generalForm(areaId: string, cat: Catalogue = catalogue): FormDefinition {
  const form = cat.forms.find((f) => f.areaId === areaId && f.general);
  if (!form) throw new PortalError('CATALOGUE.NO_GENERAL_FORM', `catalogue: area ${areaId} has no general form`);
  return form;
}

/** A field of a form by id. */
export function fieldById(form: FormDefinition, fieldId: string): Field | undefined {
  return form.fields.find((f) => f.id === fieldId);
}

/** The form id that carries requests for access to further institutions. */
export const COMMUNITY_ACCESS_FORM_ID = 'oevrige.oevrige';
/** The answer of `henvendelsestype` in that form that means community access. */
export const COMMUNITY_ACCESS_CHOICE = 'faellesskab';

/**
 * What a case of this form is about, for its title, in the user's language: the form's title, with the system
 * when the title does not name it ("Brugeradgang til et system (RejsUd)"; "Faktura i IndFak" names IndFak), a
 * general form by its area's system or area; and the labels of the form's choices answered ("Andet" left out).
 */
export function titleContext(form: FormDefinition, systemId: string | null, values: Readonly<Record<string, unknown>>, lang: 'da' | 'en', cat: Catalogue = catalogue): { what: string; choices: string[] } {
  const system = systemId ? getSystem(systemId, cat) : undefined;
  const title = form.title[lang];
  const names = system ? [system.name, ...system.aliases] : [];
  const named = names.some((n) => matchWords(title).join(' ').includes(matchWords(n).join(' ')) && matchWords(n).length > 0);
  const what = system && !named ? `${title} (${system.name})` : title;
  const choices: string[] = [];
  for (const field of form.fields) {
    if (field.type !== 'choice') continue;
    const option = field.choices.find((c) => c.id === values[field.id]);
    if (option && option.id !== 'andet') choices.push(option.label[lang]);
  }
  return { what, choices };
}
