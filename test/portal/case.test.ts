import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  caseSubject,
  titleFromDescription,
  caseYear,
  danishDateTime,
  checkTransition,
  findCaseNumbers,
  formatCaseNumber,
  nextStatuses,
  parseCaseNumber,
  planComment,
  statusLabel,
  TRANSITIONS,
  transitionActorOf,
  type CaseStatus,
  type TransitionActor,
} from '../../portal/index.js';

const codeOf = (r: { ok: boolean; error?: { code: string } }): string | undefined => (r.ok ? undefined : r.error?.code);

describe('case numbers', () => {
  describe('when formatting', () => {
    it('pads the sequence to six digits', () => {
      expect(formatCaseNumber(2026, 123)).toBe('SA-2026-000123');
      expect(formatCaseNumber(2026, 999_999)).toBe('SA-2026-999999');
    });
    it('throws for a sequence that does not fit', () => {
      expect(() => formatCaseNumber(2026, 1_000_000)).toThrow(RangeError);
      expect(() => formatCaseNumber(2026, 0)).toThrow(RangeError);
    });
  });

  describe('when the year turns in Denmark before it does in UTC', () => {
    it('uses the Danish year', () => {
      expect(caseYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
      expect(caseYear(new Date('2025-12-31T22:30:00Z'))).toBe(2025);
    });
  });

  describe('when a case time is shown', () => {
    it.each([
      ['2026-03-01T09:05:00Z', '01-03-2026 10:05'],
      ['2026-07-01T09:05:00Z', '01-07-2026 11:05'],
      ['2025-12-31T23:30:00Z', '01-01-2026 00:30'],
      ['2026-10-25T00:59:00Z', '25-10-2026 02:59'],
      ['2026-10-25T01:00:00Z', '25-10-2026 02:00'],
    ])('shows %s in Danish time as %s, midnight as 00', (iso, shown) => {
      expect(danishDateTime(iso)).toBe(shown);
    });
  });

  describe('when a user types a number in chat', () => {
    it.each([
      ['Status på sag SA-2026-000123', ['SA-2026-000123']],
      ['hvad med sa-2026-123?', ['SA-2026-000123']],
      ['sag SA 2026 000123 og SA-2025-000007', ['SA-2026-000123', 'SA-2025-000007']],
      ['SA2026000123', ['SA-2026-000123']],
      ['SA-2026-000123 igen SA-2026-000123', ['SA-2026-000123']],
      ['ingen sag her', []],
      ['SA-2026-0000000', []],
      ['SA-2026-000000', []],
      // The Danish word for case as the prefix: the same number.
      ['er der nyt i SAG-2026-01190?', ['SA-2026-001190']],
      ['sag 2025 42', ['SA-2025-000042']],
      ['sag2026123', []],
    ])('finds the numbers in %j', (text, expected) => {
      expect(findCaseNumbers(text)).toEqual(expected);
    });
    it('parses exactly one number, or nothing', () => {
      expect(parseCaseNumber('sa-2026-5')).toBe('SA-2026-000005');
      expect(parseCaseNumber('SA-2026-000001 og SA-2026-000002')).toBeUndefined();
    });
  });
});

describe('statuses', () => {
  describe('when labelled', () => {
    it('has the Danish and English labels in lifecycle order', () => {
      expect(CASE_STATUSES.map((s) => statusLabel(s))).toEqual(['Modtaget', 'Under behandling', 'Afventer kunde', 'Løst', 'Lukket']);
      expect(CASE_STATUSES.map((s) => statusLabel(s, 'en'))).toEqual(['Received', 'In progress', 'Awaiting customer', 'Resolved', 'Closed']);
    });
  });
});

describe('checkTransition', () => {
  const allowed = (from: CaseStatus, to: CaseStatus, by: TransitionActor): boolean => checkTransition(from, to, by).ok;

  describe('when the desk works a case', () => {
    it('follows the usual lifecycle', () => {
      expect(allowed('modtaget', 'under_behandling', 'agent')).toBe(true);
      expect(allowed('under_behandling', 'afventer_kunde', 'agent')).toBe(true);
      expect(allowed('afventer_kunde', 'under_behandling', 'agent')).toBe(true);
      expect(allowed('under_behandling', 'loest', 'agent')).toBe(true);
      expect(allowed('loest', 'lukket', 'agent')).toBe(true);
    });
  });

  describe('when the customer acts', () => {
    it('may reopen a solved case, accept it, answer, or withdraw a new case', () => {
      expect(allowed('loest', 'under_behandling', 'customer')).toBe(true);
      expect(allowed('loest', 'lukket', 'customer')).toBe(true);
      expect(allowed('afventer_kunde', 'under_behandling', 'customer')).toBe(true);
      expect(allowed('modtaget', 'lukket', 'customer')).toBe(true);
    });
    it('may not do the desk’s work: CASE.TRANSITION_FORBIDDEN', () => {
      expect(codeOf(checkTransition('modtaget', 'under_behandling', 'customer'))).toBe('CASE.TRANSITION_FORBIDDEN');
      expect(codeOf(checkTransition('under_behandling', 'loest', 'customer'))).toBe('CASE.TRANSITION_FORBIDDEN');
      const r = checkTransition('under_behandling', 'loest', 'customer');
      expect(r.ok ? '' : r.error.message.da).toContain('servicedesken');
    });
  });

  describe('when the system acts', () => {
    it('may close solved cases and cases left awaiting the customer, nothing else', () => {
      expect(nextStatuses('loest', 'system')).toEqual(['lukket']);
      expect(nextStatuses('afventer_kunde', 'system')).toEqual(['lukket']);
      expect(nextStatuses('modtaget', 'system')).toEqual([]);
    });
  });

  describe('when the case is closed', () => {
    it('is final for everyone: CASE.INVALID_TRANSITION', () => {
      for (const to of CASE_STATUSES) {
        for (const by of ['agent', 'customer', 'system'] as const) {
          expect(codeOf(checkTransition('lukket', to, by))).toBe('CASE.INVALID_TRANSITION');
        }
      }
      const r = checkTransition('lukket', 'under_behandling', 'agent');
      expect(r.ok ? '' : r.error.message.da).toContain('lukket');
    });
  });

  describe('when the status would not change', () => {
    it('refuses with CASE.INVALID_TRANSITION', () => {
      const r = checkTransition('loest', 'loest', 'agent');
      expect(codeOf(r)).toBe('CASE.INVALID_TRANSITION');
      expect(r.ok ? '' : r.error.message.da).toContain('allerede');
    });
  });

  describe('when the transition is not in the table', () => {
    it.each([
      ['under_behandling', 'modtaget'],
      ['afventer_kunde', 'modtaget'],
      ['loest', 'afventer_kunde'],
      ['loest', 'modtaget'],
    ] as const)('refuses %s → %s with a reason naming both statuses', (from, to) => {
      const r = checkTransition(from, to, 'agent');
      expect(codeOf(r)).toBe('CASE.INVALID_TRANSITION');
      if (!r.ok) {
        expect(r.error.message.da).toContain(statusLabel(from));
        expect(r.error.message.da).toContain(statusLabel(to));
        expect(r.error.message.en).toContain(statusLabel(to, 'en'));
      }
    });
  });

  describe('when checking the whole table', () => {
    it('allows exactly the transitions listed, for exactly the actors listed', () => {
      for (const from of CASE_STATUSES) {
        for (const to of CASE_STATUSES) {
          for (const by of ['agent', 'customer', 'system'] as const) {
            const listed = TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(by));
            expect(allowed(from, to, by), `${from} → ${to} by ${by}`).toBe(listed);
          }
        }
      }
    });
  });

  describe('when mapping an actor', () => {
    it('treats a portal user as the customer', () => {
      expect(transitionActorOf({ kind: 'user', userId: 'u' })).toBe('customer');
      expect(transitionActorOf({ kind: 'agent', agentId: 'a' })).toBe('agent');
      expect(transitionActorOf({ kind: 'system' })).toBe('system');
    });
  });
});

describe('planComment', () => {
  describe('when the customer answers a case awaiting them', () => {
    it('moves it to Under behandling', () => {
      expect(planComment('afventer_kunde', 'customer', ' Her er bilaget. ')).toEqual({
        ok: true,
        value: { text: 'Her er bilaget.', statusChange: { from: 'afventer_kunde', to: 'under_behandling' } },
      });
    });
  });
  describe('when the customer comments on a solved case', () => {
    it('reopens it', () => {
      const r = planComment('loest', 'customer', 'Det virker stadig ikke');
      expect(r.ok && r.value.statusChange).toEqual({ from: 'loest', to: 'under_behandling' });
    });
  });
  describe('when the case is being worked', () => {
    it('keeps the status', () => {
      for (const status of ['modtaget', 'under_behandling'] as const) {
        const r = planComment(status, 'customer', 'Tilføjelse');
        expect(r.ok && r.value.statusChange).toBeUndefined();
      }
    });
  });
  describe('when an agent comments', () => {
    it('never moves the status', () => {
      for (const status of ['modtaget', 'under_behandling', 'afventer_kunde', 'loest'] as const) {
        const r = planComment(status, 'agent', 'Note');
        expect(r.ok && r.value.statusChange).toBeUndefined();
      }
    });
  });
  describe('when refused', () => {
    it('refuses a comment on a closed case with CASE.CLOSED', () => {
      expect(codeOf(planComment('lukket', 'customer', 'Hej'))).toBe('CASE.CLOSED');
      expect(codeOf(planComment('lukket', 'agent', 'Hej'))).toBe('CASE.CLOSED');
    });
    it('refuses an empty comment with CASE.EMPTY_COMMENT', () => {
      expect(codeOf(planComment('modtaget', 'customer', ' \n '))).toBe('CASE.EMPTY_COMMENT');
    });
    it('refuses a too long comment with CASE.COMMENT_TOO_LONG', () => {
      expect(codeOf(planComment('modtaget', 'customer', 'x'.repeat(4001)))).toBe('CASE.COMMENT_TOO_LONG');
    });
  });
});

describe('caseSubject', () => {
  describe('when the form has a subject field', () => {
    it('uses it', () => {
      expect(caseSubject({ emne: ' Lønseddel mangler ', beskrivelse: 'x' }, 'Formular')).toBe('Lønseddel mangler');
    });
  });
  describe('when it has not', () => {
    it('uses the first line of the description, clipped', () => {
      expect(caseSubject({ beskrivelse: 'Første linje\nAnden' }, 'Formular')).toBe('Første linje');
      expect(caseSubject({ beskrivelse: 'x'.repeat(300) }, 'F')).toHaveLength(80);
    });
    it('falls back to the form title', () => {
      expect(caseSubject({}, 'Fejl i lønkørsel')).toBe('Fejl i lønkørsel');
    });
  });
});

describe('titleFromDescription', () => {
  describe('when the description is long', () => {
    it.each([
      ['Siden 2. marts får jeg fejlen "Adgang nægtet", når jeg åbner bilag. Det sker for hele afdelingen.', 'Siden 2. marts får jeg fejlen "Adgang nægtet", når jeg åbner bilag'],
      ['Lønsedlen for marts mangler tillæg. Kan I se på det?', 'Lønsedlen for marts mangler tillæg'],
      [`${'Medarbejderen har fået udbetalt forkert løn i flere måneder fordi tillægget ikke er registreret korrekt i systemet'} og mere`, 'Medarbejderen har fået udbetalt forkert løn i flere måneder fordi tillægget…'],
      ['Første linje\nAnden linje', 'Første linje'],
    ])('takes the first sentence, cut at a word: %s', (description, title) => {
      expect(titleFromDescription(description)).toBe(title);
    });

    it('never cuts a word and stays within 80 characters', () => {
      const words = 'refusion barselsløn udbetaling kontering afstemning bogføring lønkørsel'.split(' ');
      for (let n = 5; n < 40; n++) {
        const description = Array.from({ length: n }, (_, i) => words[i % words.length]).join(' ');
        const title = titleFromDescription(description);
        expect(title.length).toBeLessThanOrEqual(80);
        const shown = title.replace(/…$/, '');
        expect(description.startsWith(shown)).toBe(true);
        expect([' ', undefined]).toContain(description[shown.length]);
      }
    });
  });
});
