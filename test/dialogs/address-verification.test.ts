/**
 * Registration with proof of the address (issue 14), through the whole bot: a person whose channel
 * does not vouch for their e-mail gets a one-time code at the address they type, and is registered
 * only with the right code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logging/pino-logger.js';
import { SmtpCodeSender } from '../../adapters/mail/smtp-code-sender.js';
import { actions, Chat, createConversationWorld, without, type ConversationWorld } from '../support/conversation.js';
import { codeIn, startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { AddressVerification, InMemoryVerificationCodeStore, readCode } from '../../dialogs/address-verification.js';
import { RecordingCodeSender } from '../fakes/recording-code-sender.js';
import { LogCapture } from '../support/log-capture.js';

const MINUTE = 60_000;

/** Not the code: the same digits with the last one changed. */
function wrong(code: string): string {
  return code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
}

/** The chat up to the code prompt: institution, address, name. */
async function upToTheCode(chat: Chat, email: string, name: string): Promise<void> {
  await chat.run([
    ['opret mig som bruger', 'Hvilken institution'],
    ['Testministeriet', 'Hvad er din e-mailadresse'],
    [email, 'Hvad er dit fulde navn?'],
    [name, [`Jeg har sendt en engangskode på seks cifre til ${email}`, 'gælder i 15 minutter', 'Skriv koden fra e-mailen her.', actions('Send en ny kode', 'Ret e-mailadressen')]],
  ]);
}

describe('registration with proof of the address, over a real SMTP server', () => {
  let smtp: TestSmtpServer;
  let world: ConversationWorld;
  let sender: SmtpCodeSender;
  const log = new LogCapture();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    sender = new SmtpCodeSender({ url: smtp.url, from: 'Serviceportalen <noreply@statens-adm.dk>', logger: createLogger('debug', log) });
    world = await createConversationWorld({ codeSender: sender });
  });
  afterAll(async () => {
    sender?.close();
    await world?.dispose();
    await smtp?.close();
  });

  it('mails a six-digit code to the typed address and registers only after it is typed', async () => {
    const email = 'mia@testministeriet.dk';
    const chat = new Chat(world, 'anon-smtp-1');
    await upToTheCode(chat, email, 'Mia Holm');
    const mail = await smtp.next();
    expect(mail.to).toEqual([email]);
    expect(mail.from).toBe('noreply@statens-adm.dk');
    expect(mail.subject).toMatch(/^\d{6} er din kode til Serviceportalens assistent$/);
    expect(mail.body).toContain('gælder i 15 minutter');
    const code = codeIn(mail);
    expect(await world.directory.getUserByEmail(email)).toBeUndefined();

    await chat.run([[wrong(code), ['Koden er forkert. Du har 4 forsøg tilbage.', 'Skriv koden']]]);
    expect(await world.directory.getUserByEmail(email)).toBeUndefined();
    await chat.run([[code, 'Velkommen, Mia Holm! Du er nu oprettet som bruger hos Testministeriet.']]);
    expect(await world.directory.getUserByEmail(email)).toMatchObject({ name: 'Mia Holm', primaryInstitutionId: 'testministeriet' });
    // The code is used up.
    expect(Number((await world.database.db.query<{ n: unknown }>('SELECT count(*) AS n FROM address_verification')).rows[0]?.n)).toBe(0);
  });

  it('logs the sending with a reference only: no address, no code', async () => {
    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.text).toContain('mail: one-time code sent');
    expect(log.text).not.toMatch(/@testministeriet\.dk/);
    for (const mail of smtp.mails) expect(log.text).not.toContain(codeIn(mail));
  });
});

describe('the one-time code at registration', () => {
  let world: ConversationWorld;
  let now = Date.parse('2026-12-03T09:00:00Z');
  beforeAll(async () => {
    world = await createConversationWorld({ now: () => now });
  });
  afterAll(async () => world?.dispose());

  it('allows five tries; then the right code no longer works and a new one must be sent', async () => {
    const email = 'ib@testministeriet.dk';
    const chat = new Chat(world, 'anon-tries');
    await upToTheCode(chat, email, 'Ib Ibsen');
    const code = world.codes.codeTo(email);
    await chat.run([
      [wrong(code), 'Du har 4 forsøg tilbage.'],
      ['000 00x', ['Koden er seks cifre', without('forsøg tilbage')]],
      [wrong(code), 'Du har 3 forsøg tilbage.'],
      [wrong(code), 'Du har 2 forsøg tilbage.'],
      [wrong(code), 'Du har ét forsøg tilbage.'],
      [wrong(code), ['Du har brugt alle 5 forsøg', 'Vælg «Send en ny kode»', actions('Send en ny kode')]],
      [code, ['Du har brugt alle 5 forsøg', without('Velkommen')]],
    ]);
    expect(await world.directory.getUserByEmail(email)).toBeUndefined();
    now += 61_000;
    await chat.run([['Send en ny kode', `Jeg har sendt en engangskode på seks cifre til ${email}`]]);
    const second = world.codes.codeTo(email);
    expect(world.codes.sent.filter((m) => m.to === email)).toHaveLength(2);
    await chat.run([[second, 'Velkommen, Ib Ibsen!']]);
  });

  it('refuses a code after 15 minutes, and takes a new one', async () => {
    const email = 'eva@testministeriet.dk';
    const chat = new Chat(world, 'anon-expiry');
    await upToTheCode(chat, email, 'Eva Eriksen');
    const code = world.codes.codeTo(email);
    now += 14 * MINUTE + 59_000;
    await chat.run([[wrong(code), 'Du har 4 forsøg tilbage.']]);
    now += 1000;
    await chat.run([[code, ['Koden er udløbet (den gælder i 15 minutter)', 'Send en ny kode', without('Velkommen')]]]);
    expect(await world.directory.getUserByEmail(email)).toBeUndefined();
    await chat.run([['send en ny kode', 'Jeg har sendt en engangskode']]);
    await chat.run([[world.codes.codeTo(email), 'Velkommen, Eva Eriksen!']]);
  });

  it('sends a new code no sooner than a minute after the last, and only the newest code works', async () => {
    const email = 'ulf@testministeriet.dk';
    const chat = new Chat(world, 'anon-resend');
    await upToTheCode(chat, email, 'Ulf Urban');
    const first = world.codes.codeTo(email);
    now += 20_000;
    await chat.run([['Send en ny kode', ['Du kan få en ny kode om 40 sekunder', 'Skriv koden']]]);
    expect(world.codes.sent.filter((m) => m.to === email)).toHaveLength(1);
    now += 41_000;
    await chat.run([['Send en ny kode', 'Jeg har sendt en engangskode']]);
    const second = world.codes.codeTo(email);
    expect(world.codes.sent.filter((m) => m.to === email)).toHaveLength(2);
    if (first !== second) await chat.run([[first, 'Koden er forkert. Du har 4 forsøg tilbage.']]);
    await chat.run([[second, 'Velkommen, Ulf Urban!']]);
  });

  it('stops after five codes to one channel user within the hour', async () => {
    const chat = new Chat(world, 'anon-many');
    await upToTheCode(chat, 'many@testministeriet.dk', 'Many Mails');
    for (let i = 2; i <= 5; i++) {
      now += 61_000;
      await chat.run([['Send en ny kode', 'Jeg har sendt en engangskode']]);
    }
    now += 61_000;
    await chat.run([['Send en ny kode', ['Der er sendt for mange koder', 'minutter']]]);
    expect(world.codes.sent.filter((m) => m.to === 'many@testministeriet.dk')).toHaveLength(5);
  });

  it('sends a new code to a corrected address, and the old one is not valid for it', async () => {
    const chat = new Chat(world, 'anon-correct');
    await upToTheCode(chat, 'typo@testministeriet.dk', 'Rita Rask');
    const old = world.codes.codeTo('typo@testministeriet.dk');
    now += 61_000;
    await chat.run([
      ['Ret e-mailadressen', 'Hvad er din e-mailadresse'],
      ['rita@testministeriet.dk', 'Jeg har sendt en engangskode på seks cifre til rita@testministeriet.dk'],
    ]);
    const fresh = world.codes.codeTo('rita@testministeriet.dk');
    if (old !== fresh) await chat.run([[old, 'Koden er forkert']]);
    await chat.run([[fresh, 'Velkommen, Rita Rask!']]);
    expect(await world.directory.getUserByEmail('rita@testministeriet.dk')).toBeDefined();
    expect(await world.directory.getUserByEmail('typo@testministeriet.dk')).toBeUndefined();
  });

  it('takes a question typed at the code prompt as a question, and asks for the code again without using a try', async () => {
    const email = 'quest@testministeriet.dk';
    const chat = new Chat(world, 'anon-question');
    await upToTheCode(chat, email, 'Quentin Quist');
    const code = world.codes.codeTo(email);
    const reply = await chat.say('hvordan nulstiller jeg min adgangskode?');
    // The knowledge base's answer with its source, then the code prompt again.
    expect(reply.text).toMatch(/Kilde: .*adgangskode/i);
    expect(reply.text.indexOf('Skriv koden fra e-mailen her.')).toBeGreaterThan(reply.text.indexOf('Kilde:'));
    expect(reply.text).not.toMatch(/Koden er (forkert|seks cifre)/);
    await chat.run([
      ['hjælp', ['Skriv den sekscifrede kode fra e-mailen', 'uønsket post', 'Skriv koden fra e-mailen her.']],
      [wrong(code), 'Du har 4 forsøg tilbage.'],
    ]);
    await chat.run([[code, 'Velkommen, Quentin Quist!']]);
  });

  it('answers in English when the user writes English', async () => {
    const email = 'john@testministeriet.dk';
    const chat = new Chat(world, 'anon-english', { locale: 'en-US' });
    await chat.run([
      ['please register me as a user', 'Which institution'],
      ['Testministeriet', 'What is your e-mail address'],
      [email, 'What is your full name?'],
      ['John Smith', [`I have sent a six-digit one-time code to ${email}`, 'valid for 15 minutes', actions('Send a new code', 'Change the e-mail address')]],
    ]);
    expect(world.codes.sent.at(-1)).toMatchObject({ to: email, lang: 'en' });
    const code = world.codes.codeTo(email);
    await chat.run([
      [wrong(code), 'That code is wrong. You have 4 tries left.'],
      [code, 'Welcome, John Smith!'],
    ]);
  });

  it('sends no code to an address the institution would refuse', async () => {
    const before = world.codes.sent.length;
    await new Chat(world, 'anon-refused').run([
      ['opret mig som bruger', 'Hvilken institution'],
      ['Testministeriet', 'Hvad er din e-mailadresse'],
      ['sig@eksempelstyrelsen.dk', 'Hvad er dit fulde navn?'],
      ['Sig Sigurd', ['Jeg kan ikke oprette dig', without('engangskode')]],
    ]);
    expect(world.codes.sent.length).toBe(before);
  });

  it('says so when the code cannot be sent, and sends it when asked again', async () => {
    const chat = new Chat(world, 'anon-down');
    world.codes.failing = true;
    try {
      await chat.run([
        ['opret mig som bruger', 'Hvilken institution'],
        ['Testministeriet', 'e-mailadresse'],
        ['down@testministeriet.dk', 'fulde navn'],
        ['Dan Down', ['Jeg kunne ikke sende koden lige nu', actions('Send en ny kode')]],
      ]);
    } finally {
      world.codes.failing = false;
    }
    await chat.run([['Send en ny kode', 'Jeg har sendt en engangskode']]);
    await chat.run([[world.codes.codeTo('down@testministeriet.dk'), 'Velkommen, Dan Down!']]);
  });

  it('asks no code of a person whose channel vouches for the address', async () => {
    const before = world.codes.sent.length;
    await new Chat(world, 'vouched@testministeriet.dk', { name: 'Vera Vouch' }).run([
      ['opret mig som bruger', 'Hvilken institution'],
      ['Testministeriet', ['Velkommen, Vera Vouch', without('engangskode')]],
    ]);
    expect(world.codes.sent.length).toBe(before);
  });
});

describe('AddressVerification on its own', () => {
  it('sends at most ten codes an hour to one address, whoever asks', async () => {
    const codes = new RecordingCodeSender();
    let now = Date.parse('2026-12-03T09:00:00Z');
    const verification = new AddressVerification({ store: new InMemoryVerificationCodeStore(), sender: codes, now: () => now });
    for (let i = 1; i <= 10; i++) expect((await verification.send(`webchat:someone-${i}`, 'target@testministeriet.dk', 'da')).kind).toBe('sent');
    expect(await verification.send('webchat:someone-11', 'target@testministeriet.dk', 'da')).toEqual({ kind: 'tooMany', minutes: 60 });
    expect((await verification.send('webchat:someone-11', 'other@testministeriet.dk', 'da')).kind).toBe('sent');
    now += 61 * MINUTE;
    expect((await verification.send('webchat:someone-12', 'target@testministeriet.dk', 'da')).kind).toBe('sent');
    expect(codes.sent.filter((m) => m.to === 'target@testministeriet.dk')).toHaveLength(11);
  });

  it('makes codes of six digits, leading zeros kept, and reads them with spaces or a hyphen', async () => {
    const codes = new RecordingCodeSender();
    let now = 0;
    const verification = new AddressVerification({ store: new InMemoryVerificationCodeStore(), sender: codes, now: () => now, rules: { maxSendsPerSubject: 1000, maxSendsPerAddress: 1000 } });
    for (let i = 0; i < 200; i++) {
      now += 61_000;
      await verification.send('webchat:many', 'x@testministeriet.dk', 'da');
    }
    expect(codes.sent.every((m) => /^\d{6}$/.test(m.code))).toBe(true);
    expect(new Set(codes.sent.map((m) => m.code)).size).toBeGreaterThan(190);
    expect([readCode('123 456'), readCode('123-456'), readCode(' 012345 '), readCode('12345'), readCode('1234567'), readCode('12345a')]).toEqual(['123456', '123456', '012345', undefined, undefined, undefined]);
  });
});
