import { describe, expect, it } from 'vitest';
import { AREAS, FORMS, SYSTEMS } from '../../portal/catalogue.data.js';
import {
  areasOfSystem,
  catalogue,
  findArea,
  findForm,
  findSystem,
  formsFor,
  formSchema,
  generalForm,
  loadCatalogue,
  mentionedSystems,
  parseForm,
  PortalError,
  systemsOf,
} from '../../portal/index.js';

describe('catalogue', () => {
  describe('when loaded', () => {
    it('says what every text field\'s value looks like', () => {
      const shapes = catalogue.forms.flatMap((f) => f.fields.flatMap((field) => (field.type === 'text' ? [[field.label.da, field.shape]] : [])));
      expect(shapes.filter(([, shape]) => shape === undefined)).toEqual([]);
      expect(Object.fromEntries(shapes)).toMatchObject({ Fakturanummer: 'code', Leverandør: 'name', 'Rapportens navn': 'name', 'Brugerens navn': 'name', Emne: 'shortText' });
    });

    it('gives every free-text field a hint and an example, and no help repeats "(valgfrit)" (the prompt says it)', () => {
      const free = catalogue.forms.flatMap((f) => f.fields.filter((field) => field.type === 'text' || field.type === 'longText').map((field) => ({ form: f.id, field })));
      expect(free.length).toBeGreaterThan(10);
      expect(free.filter(({ field }) => !field.help || !field.example).map(({ form, field }) => `${form}.${field.id}`)).toEqual([]);
      const helps = catalogue.forms.flatMap((f) => f.fields.flatMap((field) => (field.help ? [field.help.da, field.help.en] : [])));
      expect(helps.filter((h) => /valgfri|optional/i.test(h))).toEqual([]);
    });

    it('says in every date field\'s own help that words work, and which way the dates of invoices, pay runs and access go', () => {
      const dates = catalogue.forms.flatMap((f) => f.fields.flatMap((field) => (field.type === 'date' ? [{ form: f.id, field }] : [])));
      expect(dates.filter(({ field }) => field.help && !(/med ord/.test(field.help.da) && /in words/.test(field.help.en))).map(({ form, field }) => `${form}.${field.id}`)).toEqual([]);
      const tense = Object.fromEntries(dates.map(({ form, field }) => [`${form}.${field.id}`, field.type === 'date' ? field.tense : undefined]));
      expect(tense).toMatchObject({
        'oekonomi.faktura.fakturadato': 'past',
        'loen-hr.fejl-i-loenkoersel.udbetalingsdato': 'past',
        'brugeradministration.ny-adgang.startdato': 'future',
        'brugeradministration.nedlaeg-adgang.ophoersdato': 'future',
      });
    });

    it('stores the accounting period and CVR numbers in one spelling', () => {
      const byId = Object.fromEntries(catalogue.forms.flatMap((f) => f.fields.map((field) => [field.id, field])));
      expect(byId.regnskabsperiode).toMatchObject({ type: 'text', format: 'monthYear' });
      expect(byId.cvr).toMatchObject({ type: 'text', format: 'cvr' });
    });

    it('marks every amount field as kroner', () => {
      const amounts = catalogue.forms.flatMap((f) => f.fields.filter((field) => field.id === 'beloeb'));
      expect(amounts.length).toBeGreaterThan(0);
      expect(amounts.every((field) => field.type === 'number' && field.unit === 'DKK')).toBe(true);
    });

    it('has the six areas exactly as the seed names them, in order', () => {
      expect(catalogue.areas.map((a) => [a.id, a.name.da])).toEqual([
        ['kundebetjening', 'Kundebetjening Løn og Regnskab'],
        ['brugeradministration', 'Brugeradministration'],
        ['oekonomi', 'Økonomi og Regnskab'],
        ['loen-hr', 'Statens Løn og HR'],
        ['bi', 'Business Intelligence'],
        ['oevrige', 'Øvrige'],
      ]);
    });

    it('has the systems the seed names, under the areas the seed puts them', () => {
      const names = (areaId: string): string[] => systemsOf(areaId).map((s) => s.name);
      expect(names('oekonomi')).toEqual(expect.arrayContaining(['Navision Stat', 'RejsUd', 'IndFak/SDI']));
      expect(names('loen-hr')).toEqual(expect.arrayContaining(['SLS/HR-Løn', 'Statens Pensionssystem', 'Statens Refusion']));
      expect(names('bi')).toEqual(expect.arrayContaining(['LDV', 'ISOLA']));
      expect(names('oevrige')).toEqual(expect.arrayContaining(['Campus', 'CIP']));
    });

    it('lets Brugeradministration cover every system', () => {
      expect(systemsOf('brugeradministration').map((s) => s.id)).toEqual(catalogue.systems.map((s) => s.id));
      expect(areasOfSystem('rejsud').map((a) => a.id)).toEqual(['brugeradministration', 'oekonomi']);
    });

    it('gives every area one general form, <area>.generel or for Øvrige the form Øvrige', () => {
      expect(catalogue.areas.map((a) => generalForm(a.id).id)).toEqual([
        'kundebetjening.generel',
        'brugeradministration.generel',
        'oekonomi.generel',
        'loen-hr.generel',
        'bi.generel',
        'oevrige.oevrige',
      ]);
      expect(generalForm('oevrige').title.da).toBe('Øvrige');
    });

    it('gives every form a version and a long-text beskrivelse field', () => {
      for (const form of catalogue.forms) {
        expect(form.version).toBeGreaterThanOrEqual(1);
        expect(form.fields.find((f) => f.id === 'beskrivelse')?.type).toBe('longText');
      }
    });

    it('has the forms a desk expects', () => {
      const ids = catalogue.forms.map((f) => f.id);
      expect(ids).toEqual(
        expect.arrayContaining([
          'brugeradministration.ny-adgang',
          'brugeradministration.nedlaeg-adgang',
          'loen-hr.fejl-i-loenkoersel',
          'oekonomi.rejseafregning',
          'oekonomi.faktura',
          'bi.rapport',
        ]),
      );
    });

    it('builds a schema for every form that accepts a description-only prefill of the general form', () => {
      for (const form of catalogue.forms) expect(() => formSchema(form)).not.toThrow();
      const r = parseForm(generalForm('loen-hr'), { emne: 'Lønseddel', beskrivelse: 'Hvor finder jeg min lønseddel?' });
      expect(r.ok).toBe(true);
    });
  });

  describe('when the Øvrige form asks for access to institutions', () => {
    const form = generalForm('oevrige');
    it('requires the institutions only for that kind of request', () => {
      const base = { emne: 'Adgang', beskrivelse: 'Jeg skal bruge adgang til flere institutioner.' };
      const missing = parseForm(form, { ...base, henvendelsestype: 'lønfællesskab' });
      expect(missing.ok ? [] : missing.error.map((p) => p.fieldId)).toEqual(['institutioner']);
      expect(parseForm(form, { ...base, henvendelsestype: 'faellesskab', institutioner: 'Testministeriet' }).ok).toBe(true);
      expect(parseForm(form, { ...base, henvendelsestype: 'Campus' }).ok).toBe(true);
    });
  });

  describe('when a user types a name', () => {
    it.each([
      ['rejs ud', 'rejsud'],
      ['RejsUd', 'rejsud'],
      ['indfak', 'indfak'],
      ['IndFak/SDI', 'indfak'],
      ['sdi', 'indfak'],
      ['sls', 'sls'],
      ['HR-Løn', 'sls'],
      ['hr løn', 'sls'],
      ['navision', 'navision-stat'],
      ['løndatavarehuset', 'ldv'],
      ['isola', 'isola'],
    ])('finds the system for %s', (typed, id) => {
      expect(findSystem(typed)?.id).toBe(id);
    });

    it.each([
      ['økonomi', 'oekonomi'],
      ['Oekonomi og regnskab', 'oekonomi'],
      ['Statens Løn og HR', 'loen-hr'],
      ['bi', 'bi'],
      ['Øvrige', 'oevrige'],
      ['brugeradmin', 'brugeradministration'],
    ])('finds the area for %s', (typed, id) => {
      expect(findArea(typed)?.id).toBe(id);
    });

    it('finds a form by title or alias within an area', () => {
      expect(findForm('loen-hr', 'fejl i lønkørsel')?.id).toBe('loen-hr.fejl-i-loenkoersel');
      expect(findForm('oevrige', 'øvrige')?.id).toBe('oevrige.oevrige');
      expect(findForm('oekonomi', 'ny-adgang')).toBeUndefined();
    });

    it('answers undefined for names it does not know, and for blank text', () => {
      expect(findSystem('excel')).toBeUndefined();
      expect(findArea('  ')).toBeUndefined();
    });

    it('finds systems mentioned in a sentence, but not two-letter aliases inside words', () => {
      expect(mentionedSystems('Jeg kan ikke logge på Rejs Ud, og IndFak driller også').map((s) => s.id)).toEqual(['rejsud', 'indfak']);
      expect(mentionedSystems('Hvor finder jeg min lønseddel i HR-løn?').map((s) => s.id)).toEqual(['sls']);
      expect(mentionedSystems('ns sb')).toEqual([]);
    });
  });

  describe('when offering forms for a system', () => {
    it('puts the system’s own forms first and the general form last', () => {
      expect(formsFor('oekonomi', 'rejsud').map((f) => f.id)).toEqual(['oekonomi.rejseafregning', 'oekonomi.generel']);
      expect(formsFor('loen-hr', 'sls').map((f) => f.id)).toEqual(['loen-hr.fejl-i-loenkoersel', 'loen-hr.generel']);
      expect(formsFor('bi', 'isola').map((f) => f.id)).toEqual(['bi.rapport', 'bi.generel']);
    });
    it('offers only forms not tied to a system when there is no system', () => {
      expect(formsFor('oekonomi', null).map((f) => f.id)).toEqual(['oekonomi.generel']);
    });
    it('offers access forms for any system under Brugeradministration', () => {
      expect(formsFor('brugeradministration', 'campus').map((f) => f.id)).toEqual([
        'brugeradministration.ny-adgang',
        'brugeradministration.nedlaeg-adgang',
        'brugeradministration.adgangskode',
        'brugeradministration.generel',
      ]);
    });
  });
});

describe('loadCatalogue', () => {
  const data = { areas: AREAS, systems: SYSTEMS, forms: FORMS };
  const fails = (broken: unknown, message: RegExp): void => {
    try {
      loadCatalogue(broken);
      expect.unreachable('expected CATALOGUE.INVALID');
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(PortalError);
      expect((error as PortalError).code).toBe('CATALOGUE.INVALID');
      expect((error as PortalError).message).toMatch(message);
    }
  };

  describe('when a form has no beskrivelse', () => {
    it('fails naming the form', () => {
      const forms = FORMS.map((f, i) => (i === 0 ? { ...f, fields: f.fields.filter((x) => x.id !== 'beskrivelse') } : f));
      fails({ ...data, forms }, /forms\.0\.fields: every form needs/);
    });
  });
  describe('when an area has two general forms', () => {
    it('fails', () => {
      fails({ ...data, forms: FORMS.map((f) => (f.id === 'bi.rapport' ? { ...f, general: true } : f)) }, /area bi needs exactly one general form/);
    });
  });
  describe('when a form names a system outside its area', () => {
    it('fails', () => {
      fails({ ...data, forms: FORMS.map((f) => (f.id === 'bi.rapport' ? { ...f, systemIds: ['rejsud'] } : f)) }, /system rejsud is not in area bi/);
    });
  });
  describe('when two systems share an alias', () => {
    it('fails', () => {
      fails({ ...data, systems: SYSTEMS.map((s) => (s.id === 'ldv' ? { ...s, aliases: ['rejs ud'] } : s)) }, /"rejs ud" also names/);
    });
  });
  describe('when a conditional field names a later or unknown field', () => {
    it('fails', () => {
      const forms = FORMS.map((f) =>
        f.id === 'bi.generel' ? { ...f, fields: f.fields.map((x) => (x.id === 'emne' ? { ...x, visibleWhen: { field: 'nope', in: ['a'] } } : x)) } : f,
      );
      fails({ ...data, forms }, /visibleWhen/);
    });
  });
  describe('when a form id does not start with its area', () => {
    it('fails', () => {
      fails({ ...data, forms: FORMS.map((f) => (f.id === 'bi.rapport' ? { ...f, id: 'oekonomi.rapport' } : f)) }, /must start with "bi\."/);
    });
  });
});
