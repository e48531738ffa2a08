import { describe, expect, it } from 'vitest';
import { extractOwnText } from '../../../lib/analysis/own-text';

const own = (body: string) => extractOwnText(body).text;

describe('extractOwnText', () => {
  it('drops a Gmail reply block, wrapped over two lines too', () => {
    expect(
      own('Sounds good.\n\nOn Tue, Mar 3, 2026 at 9:12 AM Dana Ortiz <dana@example.com> wrote:\n> Angry words here'),
    ).toBe('Sounds good.');
    expect(own('Sounds good.\n\nOn Tue, Mar 3, 2026 at 9:12 AM Dana Ortiz <dana@example.com>\nwrote:\n> quoted')).toBe(
      'Sounds good.',
    );
  });

  it('drops > lines anywhere', () => {
    expect(own('> earlier\nMy answer is yes.\n> more')).toBe('My answer is yes.');
  });

  it('drops Outlook header blocks in English, German, French and Spanish', () => {
    const blocks = [
      'From: Dana Ortiz <dana@example.com>\nSent: Monday, March 2, 2026 3:47 PM\nTo: Sam\nSubject: RE: order',
      'Von: Dana Ortiz <dana@example.com>\nGesendet: Montag, 2. März 2026 15:47\nAn: Sam\nBetreff: AW: Bestellung',
      'De : Dana Ortiz <dana@example.com>\nEnvoyé : lundi 2 mars 2026 15:47\nÀ : Sam\nObjet : RE: commande',
      'De: Dana Ortiz <dana@example.com>\nEnviado: lunes, 2 de marzo de 2026 15:47\nPara: Sam\nAsunto: RE: pedido',
    ];
    for (const block of blocks)
      expect(own(`Thanks, the PO is attached.\n\n${block}\n\nThe quoted complaint.`)).toBe(
        'Thanks, the PO is attached.',
      );
  });

  it('drops original-message and forwarded-message separators', () => {
    expect(own('See below.\n\n-----Original Message-----\nFrom: x')).toBe('See below.');
    expect(own('FYI\n\n---------- Forwarded message ---------\nFrom: x')).toBe('FYI');
    expect(own('Zur Info\n\n-----Ursprüngliche Nachricht-----\nVon: x')).toBe('Zur Info');
  });

  it('drops sign-off blocks, "-- " signatures, mobile footers and disclaimers', () => {
    expect(own('The samples ship Friday.\n\nBest,\nSam Rivera\nAccount Executive | Northwind\n(555) 555-0100')).toBe(
      'The samples ship Friday.',
    );
    expect(own('Call me.\n-- \nSam Rivera\nNorthwind')).toBe('Call me.');
    expect(own('On my way.\n\nSent from my iPhone')).toBe('On my way.');
    expect(
      own('Approved.\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are intended only for the addressee.'),
    ).toBe('Approved.');
    expect(own('Any news?\n\n-J')).toBe('Any news?');
  });

  it("reads the rep's closing and the name under it, not the title or phone lines", () => {
    const signOff = (tail: string) => extractOwnText(`Hi Dana,\n\nAny news on the PO?\n\n${tail}`).signOff;
    expect(signOff('Thanks,\nSam')).toBe('Thanks,\nSam');
    expect(signOff('Thanks, Sam')).toBe('Thanks, Sam');
    expect(signOff('Best regards,\nPriya Nair\nAccount Executive | Northwind\n+1 (555) 555-0100')).toBe(
      'Best regards,\nPriya Nair',
    );
    expect(signOff('Cheers - A')).toBe('Cheers - A');
    expect(signOff('Best Regards\nJo')).toBe('Best Regards\nJo');
    expect(signOff('Mit freundlichen Grüßen\n\nKatrin Vogelsang\nInside Sales Engineer')).toBe(
      'Mit freundlichen Grüßen\nKatrin Vogelsang',
    );
    expect(signOff('Thanks!')).toBe('Thanks!');
    // A name alone in the last paragraph signs the draft; the company signature under it does not.
    expect(signOff('Jordan')).toBe('Jordan');
    expect(signOff('Jordan\n\nJordan Reyes | Account Executive | Payvault\nm: (415) 555-0139')).toBe('Jordan');
    expect(signOff('Natalie Cruz\nPinnacle Clinical Staffing')).toBe('Natalie Cruz');
    expect(extractOwnText('Hi Dana,\n\nAny news on the PO?\n\nJordan').text).toBe('Hi Dana,\n\nAny news on the PO?');
    // A short last line that runs on from the text is no signature.
    expect(extractOwnText('Hi Dana,\nAny news on the PO?\nPinnacle').signOff).toBeUndefined();
    expect(extractOwnText('Hi Dana,\n\nAny news on the PO?').signOff).toBeUndefined();
    // The closing never stays in the own text the detectors read.
    expect(extractOwnText('Any news on the PO?\n\nCheers - A').text).toBe('Any news on the PO?');
  });

  it('keeps a greeting and reads the first name from it', () => {
    expect(extractOwnText('Hi Dana,\n\nQuick one.').greetingName).toBe('Dana');
    expect(extractOwnText('hey just resurfacing this').greetingName).toBeUndefined();
  });

  it('reads the greeting as the rep wrote it: a greeting word and a name, or a bare name with a comma or dash', () => {
    const greeting = (body: string) => extractOwnText(body).greeting;
    expect(greeting('Hi Dana,\n\nQuick one.')).toBe('Hi Dana,');
    expect(greeting('hey Sam')).toBe('hey Sam,');
    expect(greeting('Dear Mr. Patil,\n\nKindly update the status.')).toBe('Dear Mr. Patil,');
    expect(greeting('Good evening Dr. Solanki, any news from your partners?')).toBe('Good evening Dr. Solanki,');
    expect(greeting('Hi all,\nA few notes.')).toBe('Hi all,');
    expect(greeting('hi Meredith - circling back with the case study')).toBe('hi Meredith -');
    expect(greeting('Dana —')).toBe('Dana —');
    expect(greeting('Carla - I know we have gone back and forth on this.')).toBe('Carla -');
    expect(greeting('Nicole,\n\nThe dates moved.')).toBe('Nicole,');
    // Not greetings: an opening word, a line that only starts with a name, another language.
    for (const body of ['hey just resurfacing this', 'Sorry - I missed it', 'Congrats Dana, that is a big one!'])
      expect(greeting(body), body).toBeUndefined();
    expect(greeting('Sehr geehrte Frau Kötter,\n\nanbei das Angebot.')).toBeUndefined();
  });

  it('keeps a "Thanks" that opens a paragraph followed by more text', () => {
    expect(own('Thanks!\n\nThe revised quote is attached and valid until Friday.')).toContain('revised quote');
  });
});

describe('extractOwnText keeps sentences that merely contain contact details', () => {
  it('keeps a last paragraph with a link or a phone number', () => {
    const body =
      'The deck is ready. You can read the full pricing breakdown here: https://example.com/pricing?tier=2 before Friday.';
    expect(extractOwnText(body).text).toBe(body);
  });
});
