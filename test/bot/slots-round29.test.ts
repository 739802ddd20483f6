/**
 * Round 29 (cases): a system implied by a thing it handles, when the text names no system — the catalogue's `things` of
 * each system ("kørselsgodtgørelse", "lønseddel", "kursusbevis", "expense report"). Each case said to be recognised fails
 * on the code before the round (no system, or the area's word's system); the guards pass on both.
 */
import { describe, expect, it } from 'vitest';
import { extractSlots } from '../../bot/nlu/slots.js';
import { type Catalogue, catalogue } from '../../portal/index.js';

describe('round 29: a system implied by a thing it handles', () => {
  it.each([
    ['min kilometerpenge for september er ikke udbetalt', 'oekonomi', 'rejsud'],
    ['mit udlæg for hotellet i Aarhus er forsvundet', 'oekonomi', 'rejsud'],
    ['diæterne på min tjenesterejse er regnet forkert', 'oekonomi', 'rejsud'],
    // A long thing with a typo, and an English one of two words.
    ['kørselsgodtgørlesen er ikke udbetalt', 'oekonomi', 'rejsud'],
    ['my expense report was rejected', 'oekonomi', 'rejsud'],
    ['kreditnotaen fra Atea er ikke dukket op', 'oekonomi', 'indfak'],
    ['kursusbeviset for GDPR kurset er ikke kommet', 'oevrige', 'campus'],
    ['the e-learning module freezes every time', 'oevrige', 'campus'],
    ['sygedagpengerefusionen for juni er ikke kommet ind', 'loen-hr', 'statens-refusion'],
    ['medarbejderne kan ikke registrere ferie i selvbetjeningen', 'loen-hr', 'statens-hr'],
    // A thing of another area's system than the area's word names: the thing's ("lønstatistik" names Løn; the cube is LDV's).
    ['the salary statistics cube shows no data for october', 'bi', 'ldv'],
    ['kuben med lønstatistik viser ikke de nyeste tal', 'bi', 'ldv'],
    // The area's word after "om" leaves the system to be asked; its thing does not ("om lønsedlen" is SLS's).
    ['lav en sag til mig om lønsedlen der mangler', 'loen-hr', 'sls'],
  ])('"%s" → %s / %s', (text, areaId, systemId) => {
    const slots = extractSlots(text, catalogue);
    expect(slots.areaId).toBe(areaId);
    expect(slots.systemId ?? slots.systemImplied).toBe(systemId);
    // Implied, not named: the text names the portal no more surely than before.
    expect(slots.systemId).toBeUndefined();
  });

  it('gives way to a system named', () => {
    expect(extractSlots('udlægget kan ikke overføres til Navision Stat', catalogue).systemId).toBe('navision-stat');
    expect(extractSlots('fakturaen i rejsud er forkert', catalogue).systemId).toBe('rejsud');
  });

  it('beats a system named only by an area\'s subject word ("pension" in "pensionsbidraget")', () => {
    expect(extractSlots('pensionsbidraget på min lønseddel er for højt', catalogue).systemImplied).toBe('sls');
  });

  it('is the thing that fails, not one data is sent to ("webservicen til lønindberetning")', () => {
    expect(extractSlots('webservicen til lønindberetning svarer med fejl 500', catalogue)).toMatchObject({ areaId: 'oevrige', systemImplied: 'cip' });
  });

  it('is no word of the language with two letters changed ("medarbejder" is no "merarbejde")', () => {
    expect(extractSlots('vi skal have en ny medarbejder oprettet som bruger', catalogue)).toEqual({ areaId: 'brugeradministration' });
  });

  it('leaves the area alone when it names nothing ("opret en sag om løn")', () => {
    expect(extractSlots('opret en sag om løn', catalogue)).toEqual({ areaId: 'loen-hr' });
  });

  it('gives no system when two systems\' things are as sure as each other', () => {
    const two: Catalogue = { ...catalogue, systems: catalogue.systems.map((s) => (s.id === 'campus' ? { ...s, things: [...s.things, 'udlæg'] } : s)) };
    expect(extractSlots('udlægget er væk', two).systemImplied).toBeUndefined();
  });

  it('is data: a catalogue without things implies nothing by them', () => {
    const bare: Catalogue = { ...catalogue, systems: catalogue.systems.map((s) => ({ ...s, things: [] })) };
    expect(extractSlots('min kilometerpenge for september er ikke udbetalt', bare).systemImplied).toBeUndefined();
  });
});
