/**
 * The Serviceportal's areas, systems and forms, as data. Validated by catalogue.ts when the
 * module loads; a mistake here fails fast with the path at fault.
 *
 * Names of areas and systems are as the seed writes them. Field ids are camelCase ascii (they are
 * keys in API bodies and card submissions); every form has `beskrivelse`, so a knowledge-base
 * question can flow into any form as its description.
 */
import type { FieldInput } from './form.js';
import type { Localized } from './text.js';

export interface AreaInput {
  id: string;
  name: Localized;
  description: Localized;
  aliases?: string[];
  /** Words of the area's subjects (see areaSchema): one word each, matched inflected and as a compound's first part. */
  topics?: string[];
  systemIds: string[];
}

export interface SystemInput {
  id: string;
  name: string;
  description: Localized;
  aliases?: string[];
  /**
   * Words of the things the system handles (see systemSchema): one word or a short phrase each, a word matched inflected
   * and as a compound's part ("udlægget", "togbilletten", "barselsrefusionen"). Words several systems handle ("løn",
   * "rapport", "adgang") are no system's thing: they stay area words or topics.
   */
  things?: string[];
}

export interface FormInput {
  id: string;
  areaId: string;
  version: number;
  title: Localized;
  description: Localized;
  aliases?: string[];
  /** Systems the form is for; empty = not tied to a system (offered for every system of the area). */
  systemIds: string[];
  /** The area's general form (exactly one per area). */
  general?: boolean;
  fields: FieldInput[];
}

// --- Shared fields ----------------------------------------------------------------------------

const emne = (): FieldInput => ({
  id: 'emne',
  type: 'text',
  shape: 'shortText',
  label: { da: 'Emne', en: 'Subject' },
  help: { da: 'En kort overskrift på henvendelsen.', en: 'A short headline for the request.' },
  example: { da: 'Kan ikke logge på Navision Stat', en: 'Cannot log in to Navision Stat' },
  minLength: 3,
  maxLength: 120,
});

const beskrivelse = (help?: Localized, example?: Localized): FieldInput => ({
  id: 'beskrivelse',
  type: 'longText',
  label: { da: 'Beskrivelse', en: 'Description' },
  help: help ?? {
    da: 'Beskriv henvendelsen så præcist som muligt. Skriv ikke CPR-numre.',
    en: 'Describe the request as precisely as you can. Do not write CPR numbers.',
  },
  example: example ?? {
    da: 'Siden 2. marts får jeg fejlen "Adgang nægtet", når jeg åbner bilag. Det sker for hele afdelingen.',
    en: 'Since 2 March I get the error "Access denied" when I open vouchers. It happens for the whole department.',
  },
  minLength: 10,
  maxLength: 4000,
});

const telefon = (): FieldInput => ({
  id: 'telefon',
  type: 'phone',
  label: { da: 'Telefonnummer', en: 'Phone number' },
  help: { da: 'Hvis vi skal kunne ringe til dig, fx 12 34 56 78.', en: 'If we may call you, e.g. 12 34 56 78.' },
  required: false,
});

const haster = (): FieldInput => ({
  id: 'haster',
  type: 'yesNo',
  label: { da: 'Haster sagen?', en: 'Is it urgent?' },
  help: {
    da: 'Svar ja, hvis fx en lønudbetaling eller en betalingsfrist er i fare.',
    en: 'Answer yes if, for example, a payment of salaries or a payment deadline is at risk.',
  },
});

// --- Systems ----------------------------------------------------------------------------------

export const SYSTEMS: SystemInput[] = [
  {
    id: 'navision-stat',
    name: 'Navision Stat',
    description: { da: 'Statens økonomisystem (regnskab og bogføring).', en: 'The state accounting system.' },
    aliases: ['navision', 'nav stat', 'navstat', 'ns'],
    things: ['bogføring', 'postering', 'finanskonto', 'kontoplan', 'saldobalance', 'debitor', 'debitorpost', 'kreditor', 'kreditorpost', 'anlæg', 'anlægskartotek', 'årsafslutning', 'årsregnskab', 'momsafregning', 'bankafstemning', 'kassekladde', 'ledger', 'general ledger', 'fixed assets', 'year-end closing'],
  },
  {
    id: 'rejsud',
    name: 'RejsUd',
    description: { da: 'Rejseafregning og udlæg.', en: 'Travel settlement and expenses.' },
    aliases: ['rejs ud', 'rejsud2', 'rejse ud', 'rejseafregning'],
    things: ['kørselsgodtgørelse', 'kilometergodtgørelse', 'kilometerpenge', 'kørselsregnskab', 'udlæg', 'diæt', 'diæter', 'rejseforskud', 'tjenesterejse', 'togbillet', 'flybillet', 'hotelregning', 'kvittering', 'mileage', 'mileage allowance', 'expense', 'expenses', 'expense report', 'expense claim', 'travel claim', 'travel expenses', 'receipt', 'receipts', 'per diem'],
  },
  {
    id: 'indfak',
    name: 'IndFak/SDI',
    description: { da: 'Fakturahåndtering (indkøb og fakturaer via SDI).', en: 'Invoice handling (purchases and invoices via SDI).' },
    aliases: ['indfak', 'indfak2', 'sdi', 'ind fak', 'e-faktura', 'efaktura'],
    things: ['faktura', 'fakturaer', 'kreditnota', 'leverandørfaktura', 'indkøbsordre', 'indkøb', 'rekvisition', 'invoice', 'invoices', 'credit note', 'purchase order'],
  },
  {
    id: 'statens-budgetsystem',
    name: 'Statens Budgetsystem',
    description: { da: 'Budgetlægning og opfølgning.', en: 'Budgeting and follow-up.' },
    aliases: ['budgetsystem', 'sb', 'budget'],
    things: ['budgetrevision', 'budgettal', 'bevillingsafregning', 'budgetopfølgning', 'budget revision', 'budget figures'],
  },
  {
    id: 'sls',
    name: 'SLS/HR-Løn',
    description: { da: 'Statens lønsystem.', en: 'The state payroll system.' },
    aliases: ['sls', 'hr-løn', 'hr løn', 'hrløn', 'statens lønsystem', 'lønsystem', 'lønsystemet'],
    things: ['lønseddel', 'lønsedlen', 'lønsedler', 'lønkørsel', 'lønudbetaling', 'lønindberetning', 'overtid', 'merarbejde', 'overarbejde', 'feriepenge', 'ferietillæg', 'skattetræk', 'trækprocent', 'tillæg', 'pensionsbidrag', 'payslip', 'payslips', 'pay slip', 'salary', 'overtime', 'holiday pay', 'tax deduction', 'wages'],
  },
  {
    id: 'statens-pensionssystem',
    name: 'Statens Pensionssystem',
    description: { da: 'Tjenestemandspension.', en: 'Civil servants’ pensions.' },
    aliases: ['pensionssystem', 'pension', 'sps'],
    things: ['tjenestemandspension', 'pensionsberegning', 'pensionsalder', 'civil servant pension', 'pension calculation'],
  },
  {
    id: 'statens-refusion',
    name: 'Statens Refusion',
    description: { da: 'Refusion ved sygdom, barsel og fleksjob.', en: 'Reimbursement for sickness, parental leave and flex jobs.' },
    aliases: ['refusion', 'refusioner'],
    things: ['sygedagpengerefusion', 'barselsrefusion', 'fleksjobrefusion', 'refusionsansøgning', 'sickness reimbursement', 'maternity reimbursement'],
  },
  {
    id: 'statens-hr',
    name: 'Statens HR',
    description: { da: 'Personaleadministration og selvbetjening.', en: 'Personnel administration and self-service.' },
    aliases: ['shr', 'statenshr'],
    things: ['selvbetjening', 'personalesag', 'medarbejderdata', 'fraværsregistrering', 'ferieregistrering', 'self-service', 'personnel file'],
  },
  {
    id: 'ldv',
    name: 'LDV',
    description: { da: 'Løndatavarehuset (lønstatistik og rapporter).', en: 'The payroll data warehouse (statistics and reports).' },
    aliases: ['løndatavarehus', 'løndatavarehuset', 'loendatavarehus'],
    things: ['kube', 'kuben', 'kuber', 'lønstatistik', 'løndata', 'cube', 'cubes', 'salary statistics', 'payroll statistics'],
  },
  {
    id: 'isola',
    name: 'ISOLA',
    description: { da: 'Rapportering på løn og personale.', en: 'Reporting on pay and personnel.' },
    aliases: [],
  },
  {
    id: 'oes-indsigt',
    name: 'ØS Indsigt',
    description: { da: 'Ledelsesinformation om økonomi.', en: 'Management information on finances.' },
    aliases: ['øs indsigt', 'oes indsigt', 'øsindsigt', 'økonomistyringsinformation'],
    things: ['ledelsesinformation', 'management information'],
  },
  {
    id: 'campus',
    name: 'Campus',
    description: { da: 'Statens læringsplatform.', en: 'The state learning platform.' },
    aliases: ['statens campus'],
    things: ['kursus', 'kurset', 'kurser', 'kursusbevis', 'e-læring', 'elæring', 'e-læringsmodul', 'læringsmodul', 'kursustilmelding', 'course', 'courses', 'course certificate', 'e-learning', 'training certificate'],
  },
  {
    id: 'cip',
    name: 'CIP',
    description: { da: 'Fælles integrationsplatform.', en: 'Common integration platform.' },
    aliases: [],
    things: ['integrationsfil', 'webservice', 'snitflade', 'integration file', 'web service'],
  },
  {
    id: 'serviceportalen',
    name: 'Serviceportalen',
    description: { da: 'Selve Serviceportalen.', en: 'The Serviceportal itself.' },
    aliases: ['serviceportal', 'portalen'],
  },
];

const ALL_SYSTEM_IDS = SYSTEMS.map((s) => s.id);

// --- Areas ------------------------------------------------------------------------------------

export const AREAS: AreaInput[] = [
  {
    id: 'kundebetjening',
    name: { da: 'Kundebetjening Løn og Regnskab', en: 'Customer Service Payroll and Accounting' },
    description: {
      da: 'For løn- og regnskabskunder hos Statens Administration.',
      en: 'For payroll and accounting customers of Statens Administration.',
    },
    aliases: ['kundebetjening', 'kundeservice', 'løn og regnskab', 'customer service'],
    systemIds: ['navision-stat', 'sls'],
  },
  {
    id: 'brugeradministration',
    name: { da: 'Brugeradministration', en: 'User Administration' },
    description: { da: 'Brugere og adgange til alle relevante systemer.', en: 'Users and access for all relevant systems.' },
    aliases: ['brugeradmin', 'brugere', 'adgang', 'adgange', 'user administration', 'access'],
    systemIds: ALL_SYSTEM_IDS,
  },
  {
    id: 'oekonomi',
    name: { da: 'Økonomi og Regnskab', en: 'Finance and Accounting' },
    description: { da: 'Fx Navision Stat, RejsUd og IndFak/SDI.', en: 'E.g. Navision Stat, RejsUd and IndFak/SDI.' },
    aliases: ['økonomi', 'regnskab', 'finance', 'accounting'],
    topics: ['bogføring', 'bogført', 'moms', 'kreditor', 'debitor', 'faktura', 'kontering', 'betaling', 'budget', 'afstemning', 'anlæg', 'bookkeeping', 'invoice', 'vat', 'payment', 'ledger'],
    systemIds: ['navision-stat', 'rejsud', 'indfak', 'statens-budgetsystem'],
  },
  {
    id: 'loen-hr',
    name: { da: 'Statens Løn og HR', en: 'State Payroll and HR' },
    description: {
      da: 'Fx SLS/HR-Løn, Statens Pensionssystem og Statens Refusion.',
      en: 'E.g. SLS/HR-Løn, Statens Pensionssystem and Statens Refusion.',
    },
    aliases: ['løn', 'løn og hr', 'hr', 'payroll', 'salary', 'wages', 'payslip'],
    topics: ['overtid', 'overarbejde', 'merarbejde', 'ferie', 'skattekort', 'tillæg', 'pension', 'barsel', 'sygedagpenge', 'refusion', 'ansættelse', 'fratrædelse', 'opsigelse', 'fravær', 'orlov', 'lønkørsel', 'overtime', 'holiday', 'allowance', 'maternity', 'pay'],
    systemIds: ['sls', 'statens-pensionssystem', 'statens-refusion', 'statens-hr'],
  },
  {
    id: 'bi',
    name: { da: 'Business Intelligence', en: 'Business Intelligence' },
    description: { da: 'Fx LDV og ISOLA.', en: 'E.g. LDV and ISOLA.' },
    aliases: ['bi', 'rapporter', 'rapportering', 'reports'],
    topics: ['rapport', 'datavarehus', 'dashboard', 'udtræk', 'report', 'dashboards'],
    systemIds: ['ldv', 'isola', 'oes-indsigt'],
  },
  {
    id: 'oevrige',
    name: { da: 'Øvrige', en: 'Other' },
    description: {
      da: 'Fx Campus og CIP, adgang til flere institutioner (lønfællesskaber) og alt, der ikke passer andre steder.',
      en: 'E.g. Campus and CIP, access to more institutions (payroll communities) and anything that fits nowhere else.',
    },
    aliases: ['andet', 'andre', 'other', 'lønfællesskab', 'fællesskab'],
    systemIds: ['campus', 'cip', 'serviceportalen'],
  },
];

// --- Forms ------------------------------------------------------------------------------------

const general = (areaId: string, title: Localized, description: Localized): FormInput => ({
  id: `${areaId}.generel`,
  areaId,
  version: 1,
  title,
  description,
  aliases: ['generel', 'generelt', 'general', 'andet'],
  systemIds: [],
  general: true,
  fields: [emne(), beskrivelse(), telefon()],
});

export const FORMS: FormInput[] = [
  // Kundebetjening Løn og Regnskab
  general(
    'kundebetjening',
    { da: 'Generel henvendelse', en: 'General request' },
    { da: 'Spørgsmål til jeres løn- og regnskabsservice hos Statens Administration.', en: 'Questions about your payroll and accounting service at Statens Administration.' },
  ),
  {
    id: 'kundebetjening.loenindberetning',
    areaId: 'kundebetjening',
    version: 1,
    title: { da: 'Indberetning til lønbehandling', en: 'Payroll change for processing' },
    description: {
      da: 'Ansættelse, fratrædelse eller ændring, som Statens Administration skal behandle i lønnen.',
      en: 'A hire, departure or change that Statens Administration is to process in the payroll.',
    },
    aliases: ['lønindberetning', 'indberetning', 'ansættelse', 'fratrædelse'],
    systemIds: ['sls'],
    fields: [
      {
        id: 'indberetningstype',
        type: 'choice',
        label: { da: 'Hvad drejer indberetningen sig om?', en: 'What is the change about?' },
        choices: [
          { id: 'ansaettelse', label: { da: 'Ansættelse', en: 'Hire' }, aliases: ['ny medarbejder', 'nyansættelse'] },
          { id: 'fratraedelse', label: { da: 'Fratrædelse', en: 'Departure' }, aliases: ['opsigelse'] },
          { id: 'loenaendring', label: { da: 'Lønændring', en: 'Change of pay' }, aliases: ['tillæg', 'ændring'] },
          { id: 'orlov', label: { da: 'Orlov eller fravær', en: 'Leave or absence' }, aliases: ['barsel', 'fravær'] },
        ],
      },
      {
        id: 'medarbejdernummer',
        type: 'text',
        shape: 'code',
        label: { da: 'Medarbejdernummer', en: 'Employee number' },
        help: { da: 'Medarbejdernummeret i lønsystemet, ikke CPR-nummer.', en: 'The employee number in the payroll system, not the CPR number.' },
        example: { da: '10234', en: '10234' },
        required: false,
        maxLength: 20,
        pattern: { regex: '^[A-Za-z0-9-]{1,20}$', description: { da: 'bogstaver og cifre (ikke CPR-nummer)', en: 'letters and digits (not a CPR number)' } },
      },
      {
        id: 'ikrafttraedelse',
        type: 'date',
        label: { da: 'Gælder fra', en: 'Effective from' },
        help: { da: 'Datoen, ændringen gælder fra (dd-mm-åååå eller med ord, fx "1. april").', en: 'The date the change takes effect (dd-mm-yyyy or in words, e.g. "1 April").' },
      },
      beskrivelse(),
    ],
  },

  // Brugeradministration
  general(
    'brugeradministration',
    { da: 'Generel henvendelse om brugere', en: 'General request about users' },
    { da: 'Spørgsmål om brugere og adgange, der ikke passer i de andre formularer.', en: 'Questions about users and access that fit none of the other forms.' },
  ),
  {
    id: 'brugeradministration.ny-adgang',
    areaId: 'brugeradministration',
    version: 1,
    title: { da: 'Brugeradgang til et system', en: 'User access to a system' },
    description: { da: 'Opret en bruger eller giv en bruger flere rettigheder i et system.', en: 'Create a user or grant a user more rights in a system.' },
    aliases: ['ny adgang', 'ny bruger', 'opret bruger', 'adgang', 'brugeradgang', 'new access', 'user access', 'new user', 'create user'],
    systemIds: ALL_SYSTEM_IDS,
    fields: [
      { id: 'brugerNavn', type: 'text', shape: 'name', label: { da: 'Brugerens navn', en: 'The user’s name' }, help: { da: 'Fornavn og efternavn.', en: 'First and last name.' }, example: { da: 'Karen Jensen', en: 'Karen Jensen' }, minLength: 2, maxLength: 120 },
      { id: 'brugerEmail', type: 'email', label: { da: 'Brugerens e-mail', en: 'The user’s e-mail' } },
      {
        id: 'rettigheder',
        type: 'text',
        shape: 'shortText',
        label: { da: 'Roller eller rettigheder', en: 'Roles or rights' },
        help: { da: 'Hvad skal brugeren kunne i systemet?', en: 'What should the user be able to do in the system?' },
        example: { da: '"godkender", "bogholder" eller "som kollega X"', en: '"approver", "bookkeeper" or "like colleague X"' },
        maxLength: 300,
      },
      {
        id: 'startdato',
        type: 'date',
        label: { da: 'Adgang fra', en: 'Access from' },
        help: { da: 'Hvornår skal adgangen virke? (dd-mm-åååå eller med ord, fx "i morgen", "på mandag" eller "1. marts")', en: 'When should the access work? (dd-mm-yyyy or in words, e.g. "tomorrow", "next Monday" or "1 March")' },
        tense: 'future',
      },
      { id: 'godkendtAfLeder', type: 'yesNo', label: { da: 'Er adgangen godkendt af brugerens leder?', en: 'Has the user’s manager approved the access?' } },
      beskrivelse({ da: 'Andet, vi skal vide (skriv ikke adgangskoder eller CPR-numre).', en: 'Anything else we should know (do not write passwords or CPR numbers).' }),
    ],
  },
  {
    id: 'brugeradministration.nedlaeg-adgang',
    areaId: 'brugeradministration',
    version: 1,
    title: { da: 'Nedlæggelse af brugeradgang', en: 'Removal of user access' },
    description: { da: 'Fjern en brugers adgang til et system, fx ved fratrædelse.', en: 'Remove a user’s access to a system, e.g. when they leave.' },
    aliases: ['nedlæg adgang', 'fjern adgang', 'luk bruger', 'slet bruger', 'remove access'],
    systemIds: ALL_SYSTEM_IDS,
    fields: [
      { id: 'brugerNavn', type: 'text', shape: 'name', label: { da: 'Brugerens navn', en: 'The user’s name' }, help: { da: 'Fornavn og efternavn.', en: 'First and last name.' }, example: { da: 'Karen Jensen', en: 'Karen Jensen' }, minLength: 2, maxLength: 120 },
      { id: 'brugerEmail', type: 'email', label: { da: 'Brugerens e-mail', en: 'The user’s e-mail' } },
      {
        id: 'ophoersdato',
        type: 'date',
        label: { da: 'Adgangen ophører', en: 'Access ends' },
        help: { da: 'Hvornår skal adgangen lukkes? (dd-mm-åååå eller med ord, fx "på fredag" eller "31. marts")', en: 'When should the access be closed? (dd-mm-yyyy or in words, e.g. "on Friday" or "31 March")' },
        tense: 'future',
      },
      beskrivelse(),
    ],
  },
  {
    id: 'brugeradministration.adgangskode',
    areaId: 'brugeradministration',
    version: 1,
    title: { da: 'Nulstilling af adgangskode eller låst bruger', en: 'Password reset or locked user' },
    description: { da: 'Når en bruger er låst ude af et system.', en: 'When a user is locked out of a system.' },
    aliases: ['adgangskode', 'password', 'låst', 'nulstil', 'glemt adgangskode'],
    systemIds: ALL_SYSTEM_IDS,
    fields: [
      { id: 'brugerEmail', type: 'email', label: { da: 'Brugerens e-mail', en: 'The user’s e-mail' } },
      beskrivelse({ da: 'Hvad sker der, når brugeren logger på? Skriv aldrig adgangskoder.', en: 'What happens when the user logs in? Never write passwords.' }),
    ],
  },

  // Økonomi og Regnskab
  general(
    'oekonomi',
    { da: 'Generel henvendelse om økonomi og regnskab', en: 'General request about finance and accounting' },
    { da: 'Spørgsmål om økonomisystemerne, der ikke passer i de andre formularer.', en: 'Questions about the finance systems that fit none of the other forms.' },
  ),
  {
    id: 'oekonomi.rejseafregning',
    areaId: 'oekonomi',
    version: 1,
    title: { da: 'Rejseafregning i RejsUd', en: 'Travel settlement in RejsUd' },
    description: { da: 'Problemer med en rejseafregning eller et udlæg.', en: 'Problems with a travel settlement or an expense claim.' },
    aliases: ['rejseafregning', 'rejse', 'udlæg', 'travel'],
    systemIds: ['rejsud'],
    fields: [
      {
        id: 'problem',
        type: 'choice',
        label: { da: 'Hvad er problemet?', en: 'What is the problem?' },
        choices: [
          { id: 'kan-ikke-oprette', label: { da: 'Kan ikke oprette afregningen', en: 'Cannot create the settlement' }, aliases: ['kan ikke oprette', 'kan ikke lave', 'ikke oprette', 'cannot create', "can't create", 'not create'] },
          { id: 'afvist', label: { da: 'Afregningen er afvist', en: 'The settlement was rejected' }, aliases: ['afvist', 'sendt retur', 'returneret', 'rejected', 'sent back', 'returned'] },
          { id: 'forkert-beloeb', label: { da: 'Forkert beløb eller diæter', en: 'Wrong amount or allowances' }, aliases: ['forkert beløb', 'diæter'] },
          { id: 'godkendelse', label: { da: 'Mangler godkendelse', en: 'Awaiting approval' }, aliases: ['godkender'] },
          { id: 'andet', label: { da: 'Andet', en: 'Other' }, aliases: ['noget andet', 'something else'] },
        ],
      },
      {
        id: 'afregningsnummer',
        type: 'text',
        shape: 'code',
        label: { da: 'Afregningsnummer', en: 'Settlement number' },
        help: { da: 'Står på afregningen i RejsUd.', en: 'Shown on the settlement in RejsUd.' },
        example: { da: 'RA-2026-0412', en: 'RA-2026-0412' },
        required: false,
        maxLength: 30,
      },
      { id: 'rejseStart', type: 'date', label: { da: 'Rejsens startdato', en: 'Start date of the trip' }, required: false, tense: 'past' },
      { id: 'beloeb', type: 'number', unit: 'DKK', label: { da: 'Beløb', en: 'Amount' }, help: { da: 'I kroner.', en: 'In Danish kroner.' }, example: { da: '1.250,50', en: '1250.50' }, required: false, min: 0, max: 10_000_000 },
      beskrivelse(),
    ],
  },
  {
    id: 'oekonomi.faktura',
    areaId: 'oekonomi',
    version: 1,
    title: { da: 'Faktura i IndFak', en: 'Invoice in IndFak' },
    description: { da: 'En faktura, der mangler, er afvist, forkert konteret eller ikke betalt.', en: 'An invoice that is missing, rejected, wrongly coded or not paid.' },
    aliases: ['faktura', 'fakturaer', 'invoice', 'regning'],
    systemIds: ['indfak'],
    fields: [
      {
        id: 'problem',
        type: 'choice',
        label: { da: 'Hvad er problemet?', en: 'What is the problem?' },
        choices: [
          { id: 'mangler', label: { da: 'Fakturaen er ikke modtaget', en: 'The invoice has not arrived' }, aliases: ['mangler', 'ikke modtaget', 'ikke kommet', 'ikke dukket op', 'kan ikke finde', 'not received', 'not arrived', 'missing', 'cannot find', "can't find"] },
          { id: 'afvist', label: { da: 'Fakturaen er afvist', en: 'The invoice was rejected' }, aliases: ['afvist', 'afvisning', 'rejected', 'rejection'] },
          { id: 'kontering', label: { da: 'Forkert kontering', en: 'Wrong coding' }, aliases: ['kontering', 'forkert konto', 'konteret forkert', 'wrong account', 'account coding'] },
          { id: 'betaling', label: { da: 'Leverandøren har ikke fået betaling', en: 'The supplier has not been paid' }, aliases: ['ikke betalt', 'ikke fået betaling', 'ikke fået sine penge', 'not paid', 'unpaid', 'not been paid'] },
          { id: 'andet', label: { da: 'Andet', en: 'Other' }, aliases: ['noget andet', 'something else'] },
        ],
      },
      {
        id: 'fakturanummer',
        type: 'text',
        shape: 'code',
        label: { da: 'Fakturanummer', en: 'Invoice number' },
        help: { da: 'Nummeret står på fakturaen og i IndFak.', en: 'The number is on the invoice and in IndFak.' },
        example: { da: 'F-2026-17', en: 'F-2026-17' },
        maxLength: 50,
      },
      {
        id: 'leverandoer',
        type: 'text',
        shape: 'name',
        label: { da: 'Leverandør', en: 'Supplier' },
        leads: ['fra', 'from'],
        help: { da: 'Leverandørens navn, som det står på fakturaen.', en: 'The supplier’s name as it is on the invoice.' },
        example: { da: 'Kontorland A/S', en: 'Kontorland A/S' },
        maxLength: 120,
      },
      {
        id: 'cvr',
        type: 'text',
        shape: 'code',
        label: { da: 'Leverandørens CVR-nummer', en: 'Supplier’s CVR number' },
        help: { da: '8 cifre; står på fakturaen.', en: '8 digits; shown on the invoice.' },
        example: { da: '12345678', en: '12345678' },
        required: false,
        format: 'cvr',
        pattern: { regex: '^\\d{8}$', description: { da: '8 cifre', en: '8 digits' } },
      },
      { id: 'fakturadato', type: 'date', label: { da: 'Fakturadato', en: 'Invoice date' }, required: false, tense: 'past' },
      { id: 'beloeb', type: 'number', unit: 'DKK', label: { da: 'Beløb', en: 'Amount' }, help: { da: 'I kroner.', en: 'In Danish kroner.' }, example: { da: '1.250,50', en: '1250.50' }, required: false },
      beskrivelse(),
    ],
  },
  {
    id: 'oekonomi.bogfoering',
    areaId: 'oekonomi',
    version: 1,
    title: { da: 'Bogføring og regnskab i Navision Stat', en: 'Posting and accounts in Navision Stat' },
    description: { da: 'Fejl i bogføring, afstemning eller periodeafslutning.', en: 'Errors in posting, reconciliation or period closing.' },
    aliases: ['bogføring', 'regnskab', 'periodeafslutning', 'afstemning'],
    systemIds: ['navision-stat'],
    fields: [
      {
        id: 'regnskabsperiode',
        type: 'text',
        shape: 'code',
        label: { da: 'Regnskabsperiode', en: 'Accounting period' },
        help: { da: 'Måned og år, som mm-åååå eller med ord.', en: 'Month and year, as mm-yyyy or in words.' },
        example: { da: '03-2026 eller "marts 2026"', en: '03-2026 or "March 2026"' },
        format: 'monthYear',
        pattern: { regex: '^(0[1-9]|1[0-2])-\\d{4}$', description: { da: 'måned og år som mm-åååå, fx 03-2026 eller "marts 2026"', en: 'month and year as mm-yyyy, e.g. 03-2026 or "March 2026"' } },
      },
      haster(),
      beskrivelse(),
    ],
  },

  // Statens Løn og HR
  general(
    'loen-hr',
    { da: 'Generel henvendelse om løn og HR', en: 'General request about payroll and HR' },
    { da: 'Spørgsmål om lønsystemerne, der ikke passer i de andre formularer.', en: 'Questions about the payroll systems that fit none of the other forms.' },
  ),
  {
    id: 'loen-hr.fejl-i-loenkoersel',
    areaId: 'loen-hr',
    version: 1,
    title: { da: 'Fejl i lønkørsel', en: 'Error in a pay run' },
    description: { da: 'Forkert, manglende eller dobbelt lønudbetaling.', en: 'Wrong, missing or double payment of salaries.' },
    aliases: ['lønkørsel', 'fejl i lønnen', 'forkert løn', 'pay run', 'payroll error', 'error in the payroll', 'wrong pay', 'wrong salary'],
    systemIds: ['sls'],
    fields: [
      {
        id: 'udbetalingsdato',
        type: 'date',
        label: { da: 'Udbetalingsdato', en: 'Payment date' },
        help: { da: 'Lønkørslens udbetalingsdato (dd-mm-åååå eller med ord, fx "27. feb").', en: 'The pay run’s payment date (dd-mm-yyyy or in words, e.g. "27 Feb").' },
        tense: 'past',
      },
      {
        id: 'fejltype',
        type: 'multiChoice',
        label: { da: 'Hvilke fejl ser I?', en: 'Which errors do you see?' },
        help: { da: 'Vælg en eller flere.', en: 'Choose one or more.' },
        choices: [
          { id: 'forkert-beloeb', label: { da: 'Forkert beløb', en: 'Wrong amount' }, aliases: ['forkert beløb', 'for lidt', 'for meget', 'beløbet er forkert', 'wrong amount', 'too little', 'too much'] },
          { id: 'manglende-udbetaling', label: { da: 'Manglende udbetaling', en: 'Missing payment' }, aliases: ['ikke udbetalt', 'ingen løn', 'ikke fået løn', 'fik ikke løn', 'mangler løn', 'not paid', 'no pay', 'unpaid', 'not get paid', 'not been paid'] },
          { id: 'dobbelt-udbetaling', label: { da: 'Dobbelt udbetaling', en: 'Double payment' }, aliases: ['dobbelt', 'to gange', 'udbetalt to gange', 'betalt to gange', 'paid twice', 'twice', 'double', 'duplicate'] },
          { id: 'skat', label: { da: 'Forkert skat', en: 'Wrong tax' }, aliases: ['skat', 'skattetræk', 'trækprocent', 'skattekort', 'tax', 'tax deduction'] },
          { id: 'pension', label: { da: 'Forkert pension', en: 'Wrong pension' }, aliases: ['pension', 'pensionsbidrag', 'pension contribution'] },
          { id: 'andet', label: { da: 'Andet', en: 'Other' }, aliases: ['noget andet', 'something else'] },
        ],
      },
      { id: 'antalBeroerte', type: 'number', label: { da: 'Antal berørte medarbejdere', en: 'Number of employees affected' }, integer: true, min: 1, max: 100_000 },
      haster(),
      beskrivelse({ da: 'Beskriv fejlen. Brug medarbejdernumre, ikke CPR-numre.', en: 'Describe the error. Use employee numbers, not CPR numbers.' }),
      telefon(),
    ],
  },
  {
    id: 'loen-hr.pension',
    areaId: 'loen-hr',
    version: 1,
    title: { da: 'Tjenestemandspension', en: 'Civil servant pension' },
    description: { da: 'Spørgsmål om pensionsberegning og -indberetning.', en: 'Questions on pension calculation and reporting.' },
    aliases: ['pension', 'tjenestemandspension'],
    systemIds: ['statens-pensionssystem'],
    fields: [
      {
        id: 'emneType',
        type: 'choice',
        label: { da: 'Hvad drejer det sig om?', en: 'What is it about?' },
        choices: [
          { id: 'beregning', label: { da: 'Pensionsberegning', en: 'Pension calculation' }, aliases: ['beregning', 'beregnet forkert', 'calculation', 'calculated wrongly'] },
          { id: 'indberetning', label: { da: 'Indberetning', en: 'Reporting' }, aliases: ['indberetning', 'indberette', 'indberettet'] },
          { id: 'andet', label: { da: 'Andet', en: 'Other' }, aliases: ['noget andet', 'something else'] },
        ],
      },
      beskrivelse(),
    ],
  },
  {
    id: 'loen-hr.refusion',
    areaId: 'loen-hr',
    version: 1,
    title: { da: 'Refusion', en: 'Reimbursement' },
    description: { da: 'Refusion ved sygdom, barsel eller fleksjob.', en: 'Reimbursement for sickness, parental leave or flex jobs.' },
    aliases: ['refusion', 'sygedagpenge', 'barselsrefusion'],
    systemIds: ['statens-refusion'],
    fields: [
      {
        id: 'refusionstype',
        type: 'choice',
        label: { da: 'Type af refusion', en: 'Kind of reimbursement' },
        choices: [
          { id: 'sygdom', label: { da: 'Sygdom', en: 'Sickness' }, aliases: ['syg', 'sygdom', 'sygedagpenge', 'sygemelding', 'sygefravær', 'sick', 'illness', 'sick leave'] },
          { id: 'barsel', label: { da: 'Barsel', en: 'Parental leave' }, aliases: ['barsel', 'barselsorlov', 'graviditet', 'fødsel', 'maternity', 'paternity', 'pregnancy'] },
          { id: 'fleksjob', label: { da: 'Fleksjob', en: 'Flex job' }, aliases: ['fleksjob', 'fleksrefusion', 'nedsat arbejdsevne', 'flexjob', 'flex-job'] },
          { id: 'andet', label: { da: 'Andet', en: 'Other' }, aliases: ['noget andet', 'something else'] },
        ],
      },
      { id: 'periodeFra', type: 'date', label: { da: 'Periode fra', en: 'Period from' }, tense: 'past' },
      { id: 'periodeTil', type: 'date', label: { da: 'Periode til', en: 'Period to' }, required: false },
      beskrivelse(),
    ],
  },

  // Business Intelligence
  general(
    'bi',
    { da: 'Generel henvendelse om Business Intelligence', en: 'General request about Business Intelligence' },
    { da: 'Spørgsmål om rapporter og ledelsesinformation.', en: 'Questions about reports and management information.' },
  ),
  {
    id: 'bi.rapport',
    areaId: 'bi',
    version: 1,
    title: { da: 'Rapport eller data', en: 'Report or data' },
    description: { da: 'Forkerte eller manglende data, en rapport der fejler, eller ønske om en ny rapport.', en: 'Wrong or missing data, a failing report, or a request for a new report.' },
    aliases: ['rapport', 'data', 'report', 'udtræk'],
    systemIds: ['ldv', 'isola', 'oes-indsigt'],
    fields: [
      { id: 'rapportNavn', type: 'text', shape: 'name', label: { da: 'Rapportens navn', en: 'Name of the report' }, help: { da: 'Navnet, som det står i rapportoversigten.', en: 'The name as shown in the list of reports.' }, example: { da: 'Lønstatistik pr. afdeling', en: 'Payroll statistics per department' }, maxLength: 150 },
      {
        id: 'problem',
        type: 'choice',
        label: { da: 'Hvad drejer det sig om?', en: 'What is it about?' },
        choices: [
          { id: 'forkerte-data', label: { da: 'Forkerte data', en: 'Wrong data' }, aliases: ['forkerte tal', 'tallene passer ikke', 'stemmer ikke', 'wrong figures', 'wrong numbers', 'do not match', "don't match"] },
          { id: 'manglende-data', label: { da: 'Manglende data', en: 'Missing data' }, aliases: ['mangler data', 'ingen data', 'no data', 'missing figures'] },
          { id: 'rapport-fejler', label: { da: 'Rapporten fejler', en: 'The report fails' }, aliases: ['fejler', 'virker ikke', 'kan ikke åbne', 'fejlbesked', 'fails', "doesn't work", 'error message'] },
          { id: 'ny-rapport', label: { da: 'Ønske om ny rapport', en: 'Request for a new report' }, aliases: ['ny rapport', 'new report'] },
          { id: 'andet', label: { da: 'Andet', en: 'Other' }, aliases: ['noget andet', 'something else'] },
        ],
      },
      {
        id: 'periode',
        type: 'text',
        shape: 'shortText',
        label: { da: 'Hvilken periode gælder det?', en: 'Which period is it about?' },
        help: { da: 'En måned, et kvartal eller et år.', en: 'A month, a quarter or a year.' },
        example: { da: '"marts 2026" eller "2025"', en: '"March 2026" or "2025"' },
        required: false,
        maxLength: 60,
      },
      beskrivelse(),
    ],
  },

  // Øvrige: the form "Øvrige" is the area's general form and carries community access requests.
  {
    id: 'oevrige.oevrige',
    areaId: 'oevrige',
    version: 1,
    title: { da: 'Øvrige', en: 'Other' },
    description: {
      da: 'Alt, der ikke passer andre steder, herunder adgang til flere institutioner (lønfællesskaber).',
      en: 'Anything that fits nowhere else, including access to more institutions (payroll communities).',
    },
    aliases: ['øvrige', 'andet', 'other', 'generel', 'lønfællesskab', 'fællesskab', 'adgang til institution'],
    systemIds: [],
    general: true,
    fields: [
      {
        id: 'henvendelsestype',
        type: 'choice',
        label: { da: 'Hvad drejer henvendelsen sig om?', en: 'What is the request about?' },
        choices: [
          {
            id: 'faellesskab',
            label: { da: 'Adgang til flere institutioner (lønfællesskab)', en: 'Access to more institutions (payroll community)' },
            aliases: ['lønfællesskab', 'fællesskab', 'adgang til institution', 'adgang til flere institutioner', 'community'],
          },
          { id: 'campus', label: { da: 'Campus', en: 'Campus' } },
          { id: 'cip', label: { da: 'CIP', en: 'CIP' } },
          { id: 'andet', label: { da: 'Andet', en: 'Something else' }, aliases: ['øvrigt', 'other'] },
        ],
      },
      {
        id: 'institutioner',
        type: 'text',
        shape: 'name',
        label: { da: 'Hvilke institutioner skal du have adgang til?', en: 'Which institutions do you need access to?' },
        help: { da: 'Navnene på institutionerne, adskilt med komma.', en: 'The institutions’ names, separated by commas.' },
        example: { da: 'Testministeriet, Demo-instituttet', en: 'Testministeriet, Demo-instituttet' },
        visibleWhen: { field: 'henvendelsestype', in: ['faellesskab'] },
        minLength: 2,
        maxLength: 500,
      },
      emne(),
      beskrivelse(),
      telefon(),
    ],
  },
];
