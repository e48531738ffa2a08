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

  // A short business message in each script; none holds a word of any stopword list.
  const OTHER_SCRIPTS: Record<string, string> = {
    Hebrew: 'שלום דנה, רציתי לבדוק אם קיבלת את ההצעה ששלחתי בשבוע שעבר. תודה, שרה',
    Arabic: 'مرحبا سارة، أردت أن أتأكد من أنك استلمت العرض الذي أرسلته الأسبوع الماضي. شكرا، أحمد',
    Cyrillic: 'Добрый день, Анна! Хотел уточнить, получили ли вы наше коммерческое предложение. С уважением, Иван',
    Greek: 'Καλημέρα Μαρία, ήθελα να ρωτήσω αν λάβατε την προσφορά που σας στείλαμε την περασμένη εβδομάδα.',
    Devanagari: 'नमस्ते राहुल जी, क्या आपको पिछले सप्ताह भेजा गया प्रस्ताव मिल गया? धन्यवाद, अनीता',
    Thai: 'สวัสดีครับคุณสมชาย ไม่ทราบว่าได้รับใบเสนอราคาที่ส่งไปเมื่อสัปดาห์ที่แล้วหรือยังครับ',
    Chinese: '王经理您好，上周发给您的报价单收到了吗？请您确认一下。谢谢！',
    Japanese: '田中様、先週お送りした見積書はご確認いただけましたでしょうか。よろしくお願いいたします。',
    Korean: '김 과장님, 지난주에 보내드린 견적서를 받으셨는지 확인 부탁드립니다. 감사합니다.',
  };

  it.each(Object.entries(OTHER_SCRIPTS))('reads a draft in %s script as another language', (_, draft) => {
    expect(detectLanguage(draft)).toBe('other');
    // With a Latin-script signature and product names under it, too.
    expect(detectLanguage(`${draft}\n\nNorthwind CRM Pro\nhttps://northwind.example`)).toBe('other');
  });

  it('keeps an English draft with a Hebrew or Arabic name and signature English', () => {
    const english =
      'Hi Dana,\n\nThanks for the call today. I will send the revised contract to you this week, with the pricing we agreed.';
    expect(detectLanguage(`${english}\n\nBest,\nיעל כהן\nמנהלת מכירות`)).toBe('en');
    expect(detectLanguage(`Hi שירה,\n\n${english.slice(10)}`)).toBe('en');
    expect(detectLanguage(`${english}\n\nRegards,\nأحمد الخطيب`)).toBe('en');
  });

  it('runs no English phrase rule on a Hebrew draft that quotes one in English', () => {
    const body =
      'שלום דנה, just checking in — רציתי לבדוק אם יש עדכון לגבי ההצעה ששלחתי בשבוע שעבר ואם צריך משהו נוסף מאיתנו.';
    const result = analyzeDraft({ body }, englishMessage);
    expect(result.language).toBe('other');
    expect(result.findings.map((f) => f.rule)).not.toContain('checkin');
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

  it('counts the Arabic and full-width question marks', () => {
    const arabic = 'مرحبا سارة، متى تبدأون؟ من يوقع العقد؟ ما هي الميزانية؟ هل تحتاجون إلى تدريب؟';
    expect(analyzeDraft({ body: arabic }, englishMessage).questions).toBe(4);
    // Chinese and Japanese put no space after "？".
    const chinese = '王经理您好，报价单收到了吗？什么时候签合同？预算是多少？';
    expect(analyzeDraft({ body: chinese }, englishMessage).questions).toBe(3);
    // Greek's question mark is also a semicolon: it is not counted.
    expect(analyzeDraft({ body: 'Πότε ξεκινάτε; Ποιος υπογράφει;' }, englishMessage).questions).toBe(0);
  });
});
