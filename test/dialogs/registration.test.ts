import { beforeAll, describe, expect, it } from 'vitest';
import { DIALOG_IDS } from '../../dialogs/dialog-ids.js';
import { CommentDialog, ConsentDialog, RegistrationDialog, type RegistrationOptions } from '../../dialogs/registration.dialog.js';
import type { DialogInstance } from '../../dialogs/dialog-stack.js';
import { actions, demoPortal, DialogChat, oneMessage, without } from './dialog-chat.js';
import { AddressVerification, InMemoryVerificationCodeStore } from '../../dialogs/address-verification.js';
import { RecordingCodeSender } from '../fakes/recording-code-sender.js';

describe('registration', () => {
  let demo: Awaited<ReturnType<typeof demoPortal>>;
  beforeAll(async () => {
    demo = await demoPortal();
  });

  let codes = new RecordingCodeSender();
  function registrationChat(options: Partial<RegistrationOptions> = {}): DialogChat {
    codes = new RecordingCodeSender();
    const verification = new AddressVerification({ store: new InMemoryVerificationCodeStore(), sender: codes });
    return new DialogChat(new RegistrationDialog({ portal: demo.portal, directory: demo.directory, verification }), (dc) =>
      dc.beginDialog(DIALOG_IDS.registration, { afterwards: { kind: 'none' }, ...options } satisfies RegistrationOptions),
    );
  }

  describe('when the user types the institution instead of clicking it', () => {
    // [typed, institution id, its name, an e-mail domain of it]
    const typed: [string, string, string, string][] = [
      ['eksempelstyrelsen', 'eksempelstyrelsen', 'Eksempelstyrelsen', 'eksempelstyrelsen.dk'],
      ['EKSEMPELSTYRELSEN', 'eksempelstyrelsen', 'Eksempelstyrelsen', 'eksempelstyrelsen.dk'],
      ['eksempelstyrlsen', 'eksempelstyrelsen', 'Eksempelstyrelsen', 'eksempelstyrelsen.dk'],
      ['eksempel styrelsen', 'eksempelstyrelsen', 'Eksempelstyrelsen', 'eksempelstyrelsen.dk'],
      ['test ministeriet', 'testministeriet', 'Testministeriet', 'testministeriet.dk'],
      ['Testminsteriet', 'testministeriet', 'Testministeriet', 'testministeriet.dk'],
      ['ministeriet', 'testministeriet', 'Testministeriet', 'testministeriet.dk'],
      ['jeg er ansat i testministeriet', 'testministeriet', 'Testministeriet', 'testministeriet.dk'],
      ['demo instituttet', 'demo-instituttet', 'Demo-instituttet', 'demo-institut.dk'],
      ['demo', 'demo-instituttet', 'Demo-instituttet', 'demo-institut.dk'],
    ];
    let n = 0;
    it.each(typed)('"%s" chooses %s', async (said, id, name, domain) => {
      const email = `bo${++n}@${domain}`;
      const chat = registrationChat();
      await chat.run([
        ['opret mig', ['Hvilken institution', actions('Eksempelstyrelsen', 'Testministeriet', 'Demo-instituttet')]],
        [said, 'Hvad er din e-mailadresse'],
        [email, 'Hvad er dit fulde navn?'],
        ['Bo Bech', [`Jeg har sendt en engangskode på seks cifre til ${email}`, 'Skriv koden']],
        [() => codes.codeTo(email), `Velkommen, Bo Bech! Du er nu oprettet som bruger hos ${name}.`],
      ]);
      expect(chat.remembered[0]?.primaryInstitutionId).toBe(id);
    });

    it('asks again when the text names none of them', async () => {
      await registrationChat().run([
        ['opret mig', 'Hvilken institution'],
        ['Kantinen', ['Det forstod jeg ikke.', 'Hvilken institution']],
      ]);
    });
  });

  describe('when the router is in doubt that the text is the name', () => {
    it('asks «Er det dit navn?» and stores only a confirmed name', async () => {
      const chat = registrationChat({ email: 'nina@testministeriet.dk' });
      await chat.run([
        ['opret mig', 'Hvilken institution'],
        ['Testministeriet', 'Hvad er dit fulde navn?'],
        [{ doubt: 'hvad skal jeg skrive her?' }, ['Du skrev «hvad skal jeg skrive her?».', 'Er det dit navn?', actions('Ja', 'Nej'), oneMessage]],
        ['Nej', ['Hvad er dit fulde navn?', without('Er det dit navn')]],
        [{ doubt: 'Nina Nielsen' }, 'Er det dit navn?'],
        ['Ja', 'Velkommen, Nina Nielsen!'],
      ]);
      expect(chat.remembered[0]).toMatchObject({ name: 'Nina Nielsen', email: 'nina@testministeriet.dk' });
    });

    it('takes another text at the question as a new name', async () => {
      const chat = registrationChat({ email: 'per@testministeriet.dk' });
      await chat.run([
        ['opret mig', 'Hvilken institution'],
        ['Testministeriet', 'fulde navn'],
        [{ doubt: 'hvorfor?' }, 'Er det dit navn?'],
        ['Per Hansen', 'Velkommen, Per Hansen!'],
      ]);
    });
  });

  describe('what each step waits for', () => {
    it('is the institution choice, the e-mail, the name and its confirmation', () => {
      const verification = new AddressVerification({ store: new InMemoryVerificationCodeStore(), sender: new RecordingCodeSender() });
      const dialog = new RegistrationDialog({ portal: demo.portal, directory: demo.directory, verification });
      const instance = (state: object): DialogInstance => ({ id: DIALOG_IDS.registration, state: { institutions: [{ id: 'testministeriet', name: 'Testministeriet' }], emailFixed: false, afterwards: { kind: 'none' }, ...state } });
      expect(dialog.expectation(instance({ step: 'institution' }))).toEqual({ kind: 'choice', about: 'institution', choices: [{ id: 'testministeriet', label: { da: 'Testministeriet', en: 'Testministeriet' } }] });
      expect(dialog.expectation(instance({ step: 'email' }))).toMatchObject({ kind: 'field', shape: 'email', optional: false });
      expect(dialog.expectation(instance({ step: 'name' }))).toMatchObject({ kind: 'field', shape: 'name', optional: false });
      expect(dialog.expectation(instance({ step: 'name', pendingName: 'x y' }))).toEqual({ kind: 'yesNo', about: 'confirmAnswer:name' });
      const code = dialog.expectation(instance({ step: 'code', email: 'x@testministeriet.dk' }));
      expect(code).toMatchObject({ kind: 'field', fieldId: 'code', shape: 'code', optional: false });
      expect(code.kind === 'field' && code.choices?.map((c) => c.label.da)).toEqual(['Send en ny kode', 'Ret e-mailadressen']);
      const consent = new ConsentDialog({ portal: demo.portal }).expectation();
      expect(consent).toMatchObject({ kind: 'choice', about: 'consent' });
      expect(consent.kind === 'choice' && consent.choices.map((c) => c.id)).toEqual(['accept', 'decline']);
    });
  });
});

describe('adding a comment', () => {
  let demo: Awaited<ReturnType<typeof demoPortal>>;
  beforeAll(async () => {
    demo = await demoPortal();
  });

  it('asks «Er det din kommentar …?» when the router is in doubt, and adds only a confirmed comment', async () => {
    const anna = await demo.user('anna@eksempelstyrelsen.dk');
    const mine = await demo.portal.myCases(anna.id);
    const number = mine.ok ? mine.value.items[0]?.number : undefined;
    if (!number) throw new Error('anna has no demo case');
    const before = (await demo.cases.events(number))?.length ?? 0;
    const dialog = new CommentDialog({ portal: demo.portal, statusLabel: (status) => status });
    await new DialogChat(dialog, (dc) => dc.beginDialog(DIALOG_IDS.comment, { userId: anna.id, caseNumber: number })).run([
      ['tilføj kommentar', `Skriv din kommentar til ${number}.`],
      [{ doubt: 'hvornår bliver den løst?' }, ['Du skrev «hvornår bliver den løst?».', `Er det din kommentar til ${number}?`, actions('Ja', 'Nej')]],
      ['Nej', `Skriv din kommentar til ${number}.`],
      [{ doubt: 'Vi mangler stadig svar fra jer.' }, 'Er det din kommentar'],
      ['Ja', `Din kommentar er tilføjet til ${number}`],
    ]);
    const events = (await demo.cases.events(number)) ?? [];
    expect(events.length).toBeGreaterThan(before);
    expect(JSON.stringify(events.slice(before))).toContain('Vi mangler stadig svar fra jer.');
    expect(JSON.stringify(events)).not.toContain('hvornår bliver den løst?');
  });
});
