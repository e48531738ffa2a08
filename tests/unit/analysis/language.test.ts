import { describe, expect, it } from 'vitest';
import { analyzeDraft } from '../../../lib/analysis';
import { englishMessage } from '../../../scripts/english-messages';
import { detectLanguage } from '../../../lib/analysis/language';

describe('language', () => {
  it('tells common business languages apart cheaply', () => {
    expect(detectLanguage('Thanks for the update, we will send the contract to you this week.')).toBe('en');
    expect(
      detectLanguage(
        'Vielen Dank für Ihre Nachricht, ich habe das Angebot mit dem Team besprochen und wir melden uns.',
      ),
    ).toBe('de');
    expect(
      detectLanguage('Je me permets de revenir vers vous concernant la proposition que nous vous avons envoyée.'),
    ).toBe('fr');
    expect(
      detectLanguage('Le escribo para dar seguimiento a la propuesta que le envié la semana pasada, por favor.'),
    ).toBe('es');
    expect(detectLanguage('Ok')).toBe('en');
  });

  it('never runs English phrase rules on another language', () => {
    // "sorry", "unfortunately" and "any update" inside a German draft must not count.
    const body =
      'Hallo Herr Braun, leider muss ich Ihnen mitteilen, dass die Lieferung sich verzögert. Any update, sorry, unfortunately. Wir melden uns mit dem neuen Termin.';
    const result = analyzeDraft({ body }, englishMessage);
    expect(result.language).toBe('de');
    expect(result.findings).toEqual([]);
  });

  it('still counts question marks in another language, at a stricter threshold', () => {
    const four =
      'Hola Ana, ¿cuántos vendedores tienen? ¿Qué CRM usan? ¿Quién decide la compra? ¿Cuál es el presupuesto para este año?';
    const five = `${four} ¿Cuándo quieren empezar?`;
    expect(analyzeDraft({ body: four }, englishMessage).nudge).toBe(false);
    expect(analyzeDraft({ body: five }, englishMessage).findings.map((f) => f.rule)).toContain('questions');
  });
});
