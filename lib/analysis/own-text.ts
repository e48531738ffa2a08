/**
 * Own text: the words the rep wrote in this draft, without quoted history, forwarded messages,
 * signatures, mobile footers or disclaimers. Quoted text and signatures must never decide a nudge
 * (an angry customer quoted below a calm reply is not a conflict in the rep's draft).
 *
 * Line-based and linear in the input: every regular expression here is anchored to one line and has
 * no nested quantifiers, so a megabyte of pasted text cannot make it backtrack.
 */
import { LETTER, UPPER } from './letters';
import { countWords } from './sentences';

/** "On Tue, Mar 3, 2026 at 9:12 AM Dana <d@x.com> wrote:" and its German, French, Spanish, Portuguese, Italian, Dutch forms. */
const REPLY_INTRO =
  /^\s*(?:on|am|le|el|em|il|op)\s.{0,300}?(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef)\s*:\s*$/i;
/** The first half of a reply intro that the mail client wrapped onto two lines. */
const REPLY_INTRO_START = /^\s*(?:on|am|le|el|em|il|op)\s.{0,300}\d.{0,200}$/i;
const REPLY_INTRO_END = /^.{0,200}(?:wrote|schrieb|a écrit|escribió|escreveu|ha scritto|schreef)\s*:\s*$/i;

const SEPARATOR =
  /^\s*(?:[-_=*]{2,}\s*)?(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|mensagem original|messaggio originale|oorspronkelijk bericht|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|mensagem encaminhada|begin forwarded message|forwarded by\b)/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;

/** First line of an Outlook header block: "From:", "Von:", "De :", "Da:", "Van:". */
const HEADER_FROM = /^\s*\*?(?:from|von|de|da|van)\s?\*?:\s*\S/i;
/** Other header lines that confirm a block: Sent/Date/To/Subject and their translations. */
const HEADER_OTHER =
  /^\s*\*?(?:sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|objet|à|enviado|enviada(?: em)?|fecha|para|asunto|assunto|data|inviato|oggetto|verzonden|aan|onderwerp)\s?\*?:/i;

const MOBILE_FOOTER =
  /^\s*(?:sent from my \w+|sent from (?:outlook|mail|yahoo|gmail|samsung)\b|get outlook for \w+|envoyé de mon \w+|von meinem \w+ gesendet|enviado desde mi \w+|enviado do meu \w+)/i;

const DISCLAIMER =
  /^\s*(?:confidentiality notice|confidential(?:ity)?\s*:|disclaimer\s*:|this (?:e-?mail|message|communication|transmission)(?: and any (?:attachments?|files)[^.]{0,60})? (?:is|are|contains|may contain|and)\b.{0,80}\b(?:confidential|intended|privileged)|the information (?:contained )?in this (?:e-?mail|message))/i;

const SIGNATURE_DELIMITER = /^--\s?$/;

/** Closing lines: "Best,", "Thanks!", "Kind regards", "Mit freundlichen Grüßen", "-J". */
const SIGN_OFF =
  /^\s*(?:(?:best|warm|kind|warmest|many|with)?\s*(?:regards|wishes|thanks)|thanks (?:&|and) regards|best|cheers|thanks|thank you|thx|ta|sincerely|respectfully|yours(?: truly| sincerely)?|talk soon|speak soon|warmly|cordially|all the best|take care|mit freundlichen grüßen|viele grüße|beste grüße|liebe grüße|cordialement|bien cordialement|bien à vous|saludos(?: cordiales)?|un saludo|atentamente|atenciosamente|abraços|cordiali saluti|met vriendelijke groet)\b[\s,.!]*(?:[-–—]\s*)?(?:[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*)?)?\s*$/i;
const DASH_INITIAL = /^\s*[-–—~]\s?[A-Z][\w.]{0,20}\s*$/;
/** A line of just a name under a closing: "Sam", "Priya Nair", "J.", "María-José Ruiz". */
const NAME_LINE = new RegExp(`^\\s*[${UPPER}][${LETTER}.'’-]*(?:\\s[${UPPER}][${LETTER}.'’-]*){0,3}\\s*$`);
/** A closing that already carries the name: "Thanks, Sam", "Cheers - A". */
const CLOSING_WITH_NAME = /(?:,|\s[-–—])\s*[A-Z][\w.'-]*\s*$/;

/** A name alone on its own paragraph at the end: "Jordan", "Marco Bellini", under the last sentence. */
const MAX_BARE_NAME_WORDS = 3;

/** "Have a great weekend," — a short line that ends in a comma and is followed only by a name. */
const SHORT_COMMA_CLOSER = /^\s*\S+(?:\s\S+){0,4},\s*$/;

const CONTACT_DETAIL =
  /\+?\d[\d\s().-]{6,20}\d|@[\w-]{1,63}\.\w|https?:\/\/|www\.|\s[|·]\s|^\s*(?:tel|phone|mobile|cell|fax|[tmofc])\.?\s?:/i;

/**
 * The greeting as the rep wrote it, to greet the same way in the rewrite: "Hi Dana,", "hey Sam",
 * "Dear Mr. Patil,", "Hi all," — English only (the rewrite is English) — or a bare name with a comma
 * or a dash ("Nicole,", "Carla - I know…", "Dana —"). Group 1 is the greeting, group 2 its mark.
 */
const GREETING_LINE = new RegExp(
  `^\\s*((?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear|[Rr]espected|[Gg]ood (?:morning|afternoon|evening))(?:\\s+(?:[Mm]rs?|[Mm]s|[Dd]r|[Pp]rof)\\.)?(?:\\s+(?:[${UPPER}][${LETTER}'’-]*|all|everyone|team|there|both|ji|sir|madam)){0,3})\\s*([,!:]|\\s[-–—](?=\\s|$)|$)`,
  'u',
);
const BARE_NAME_GREETING = new RegExp(`^\\s*([${UPPER}][${LETTER}'’-]{1,30})(?:(,)\\s*$|\\s*([-–—])(?=\\s|$))`, 'u');
/** Words that open a line the way a name would ("Thanks,", "Sorry -") but greet no one. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  'thanks thank sorry apologies great perfect sure yes no ok okay hi hello hey congrats also so well note update fyi quick welcome done agreed noted received confirmed'.split(
    ' ',
  ),
);

const GREETING_NAME = new RegExp(
  `^\\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|bonjour|hola|olá|ola|ciao)\\s+(?:mr\\.?\\s+|ms\\.?\\s+|mrs\\.?\\s+|dr\\.?\\s+)?([A-ZÀ-Ý][${LETTER}'-]{1,30})`,
  'i',
);

/** Signature lines are short; a long line with a link or a phone number is still a sentence. */
const MAX_SIGNATURE_LINE_WORDS = 12;
const NAME_LINE_WORDS = 8;
/** Lines from the end searched for the sign-off: a company signature can run to a dozen lines. */
const SIGNATURE_SEARCH_LINES = 16;

/** A question ("is offer 2025-0352 still open?") is never a contact line, whatever its digits. */
function isContactLine(line: string): boolean {
  return CONTACT_DETAIL.test(line) && countWords(line) <= MAX_SIGNATURE_LINE_WORDS && !/\?\s*$/.test(line);
}

/** Lines a signature holds: a name, a title, a company, a phone line. */
function looksLikeSignatureLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed || isContactLine(trimmed)) return true;
  return countWords(trimmed) <= NAME_LINE_WORDS && !/[.?!:]$/.test(trimmed);
}

function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (REPLY_INTRO.test(line) || SEPARATOR.test(line) || UNDERSCORE_RULE.test(line)) return i;
    const next = lines[i + 1] ?? '';
    if (REPLY_INTRO_START.test(line) && REPLY_INTRO_END.test(next)) return i;
    if (HEADER_FROM.test(line) && lines.slice(i + 1, i + 6).some((l) => HEADER_OTHER.test(l))) return i;
  }
  return lines.length;
}

/**
 * After an unmistakable sign-off ("Best regards", "Thanks & Regards"), company signatures run longer:
 * an address, a register entry, "Please consider the environment before printing". Still no sentences.
 */
const MAX_COMPANY_SIGNATURE_LINE_WORDS = 16;

/** Words up to which a line ending in a full stop is a company name ("Nirmaya Medisys Pvt. Ltd."). */
const COMPANY_NAME_WORDS = 6;

function looksLikeCompanySignatureLine(line: string): boolean {
  const trimmed = line.trim();
  const words = countWords(trimmed);
  if (looksLikeSignatureLine(line)) return true;
  if (words > MAX_COMPANY_SIGNATURE_LINE_WORDS || /[?!:]$/.test(trimmed)) return false;
  return !trimmed.endsWith('.') || words <= COMPANY_NAME_WORDS;
}

/** Index where the closing block starts: the first sign-off followed only by signature lines. */
function signOffStart(lines: string[]): number {
  const firstTextLine = lines.findIndex((l) => l.trim() !== '');
  for (let i = Math.max(firstTextLine + 1, lines.length - SIGNATURE_SEARCH_LINES); i < lines.length; i++) {
    const line = lines[i] ?? '';
    const signOff = SIGN_OFF.test(line);
    const isCloser = signOff || DASH_INITIAL.test(line) || SHORT_COMMA_CLOSER.test(line) || isBareName(lines, i);
    const signature = signOff ? looksLikeCompanySignatureLine : looksLikeSignatureLine;
    if (isCloser && lines.slice(i + 1).every(signature)) return i;
  }
  return lines.length;
}

/** A name alone in its own paragraph, as reps sign a short email: "…each side.\n\nJordan". */
function isBareName(lines: string[], at: number): boolean {
  const line = lines[at] ?? '';
  return lines[at - 1]?.trim() === '' && NAME_LINE.test(line) && countWords(line) <= MAX_BARE_NAME_WORDS;
}

/** Trailing contact lines (phone, address, web) left without a sign-off above them. */
function trimContactTail(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1]?.trim() === '' || isContactLine(lines[end - 1] ?? ''))) end--;
  return lines.slice(0, end);
}

function cutAt(lines: string[], test: (line: string) => boolean): string[] {
  const at = lines.findIndex(test);
  return at < 0 ? lines : lines.slice(0, at);
}

export interface OwnText {
  text: string;
  /** The rep's closing as written, with the name under it: "Thanks,\nSam", "Best regards,\nPriya Nair", "Cheers - A". */
  signOff?: string;
  /** First name from the draft's greeting ("Hi Dana,"), when there is one. */
  greetingName?: string;
  /** The greeting as written, with its comma or dash: "Hi Dana,", "Dear Mr. Patil,", "Carla -". */
  greeting?: string;
}

function greetingOf(text: string): string | undefined {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const greeting = GREETING_LINE.exec(firstLine);
  // "Hey Sam" with nothing after it reads "Hey Sam," above a paragraph.
  if (greeting) return `${greeting[1]}${greeting[2] || ','}`;
  const bare = BARE_NAME_GREETING.exec(firstLine);
  const name = bare?.[1];
  if (!name || NOT_NAMES.has(name.toLowerCase())) return undefined;
  return bare[2] ? `${name},` : `${name} ${bare[3] ?? '-'}`;
}

export function extractOwnText(body: string): OwnText {
  let lines = body
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n');
  lines = lines.slice(0, quoteStart(lines)).filter((l) => !/^\s*>/.test(l) && !MOBILE_FOOTER.test(l));
  lines = cutAt(lines, (l) => DISCLAIMER.test(l));
  lines = cutAt(lines, (l) => SIGNATURE_DELIMITER.test(l));
  const closingAt = signOffStart(lines);
  const signOff = closingOf(lines.slice(closingAt));
  lines = trimContactTail(lines.slice(0, closingAt));
  const text = lines.join('\n').trim();
  const name = GREETING_NAME.exec(text)?.[1];
  // The greeting word is matched case-insensitively; a name must still start with a capital.
  const greetingName = name && name[0] !== name[0]?.toLowerCase() ? name : undefined;
  const greeting = greetingOf(text);
  return {
    text,
    ...(greetingName ? { greetingName } : {}),
    ...(greeting ? { greeting } : {}),
    ...(signOff ? { signOff } : {}),
  };
}

/** The closing line and the name under it, not the title, company or phone lines that follow. */
function closingOf(block: string[]): string | undefined {
  const closing = block[0]?.trim();
  if (!closing) return undefined;
  if (CLOSING_WITH_NAME.test(closing)) return closing;
  // A bare name signs alone: what follows it is the signature.
  if (!SIGN_OFF.test(closing) && NAME_LINE.test(closing)) return closing;
  const name = block.slice(1).find((line) => line.trim() !== '');
  return name && NAME_LINE.test(name) ? `${closing}\n${name.trim()}` : closing;
}
