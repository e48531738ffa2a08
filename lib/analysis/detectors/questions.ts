/**
 * questions — open questions counted by meaning: sentences ending in "?" (or "؟", "？"), items of a bulleted or
 * numbered list of asks, and asks without a question mark ("I was wondering if…", "Could you let me
 * know…"). "??", a "?" inside a URL or a number, and parenthetical asides do not inflate the count;
 * "How are you?" is a pleasantry, not a question.
 * Source: docs/research.md — 1–3 questions get more replies than none, more than 3 lowers replies
 * (Boomerang, The Atlantic theatln.tc/1TXLOnL); a 10-minute call answers them at once.
 */
import type { DraftContext, QuestionCount } from '../context';
import { LETTER } from '../letters';
import type { PhraseMatcher } from '../phrase-match';
import { PHRASE_SETS } from '../phrase-sets';
import { countWords } from '../sentences';
import type { Signal } from '../types';

const HAS_LETTER = new RegExp(`[${LETTER}]`);

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const PARENTHETICAL = /\([^()\n]{0,200}\)/g;
const LIST_ITEM = /^\s*(?:[-*•·–]|\d{1,2}[.)]|[a-h][.)])\s+/;
/** A line that introduces a list of asks: "A few questions:", "Could you let me know:", "I need some more information from you:". */
const ASK_LEAD_IN =
  /\b(?:questions?|know|understand|clarif\w*|sense|tell|ask)\b[^:\n]{0,40}:\s*$|\bneed\b[^:\n]{0,20}\b(?:information|details|inputs?|data)\b[^:\n]{0,80}:\s*$/i;
const PLEASANTRY =
  /^(?:\W*\w+[,!]\s*)?(?:how are you|how's it going|how are things|how have you been|how was (?:your|the) (?:weekend|trip|holiday|vacation|break))\b/i;

/** A unit this short right after a question on the same line continues it ("the state?", "or revoked?"). */
const FRAGMENT_WORDS = 2;

/** URLs and parenthetical asides hold question marks that ask nothing. */
const withoutAsides = (line: string) => line.replace(URL, ' ').replace(PARENTHETICAL, ' ');

/**
 * Question marks of any script ("?", Arabic "؟", the full-width "？" of Chinese and Japanese); Greek's
 * ";" is also a semicolon, so it is not one. A full-width mark ends a question with no space after it.
 */
const QUESTION_MARKS = new Set(['?', '\u061F', '\uFF1F']);
const AFTER_QUESTION = /(?<=[?\u061F])\s+|(?<=\uFF1F)\s*/;

/** Closing quotes, brackets and emoticon debris after a question mark. */
const TRAILING = new Set(['"', "'", ')', ']', ':', ';', '-', ' ', '\t']);

/**
 * A unit that ends in "?". In English a space before the mark ("Sept. 24 ?") is mangled text, not a
 * question; French puts that space in every question, so other languages keep it.
 */
function isQuestion(cleaned: string, english: boolean): boolean {
  let end = cleaned.length;
  while (end > 0 && TRAILING.has(cleaned[end - 1] ?? '')) end--;
  if (!QUESTION_MARKS.has(cleaned[end - 1] ?? '')) return false;
  let mark = end - 1;
  while (mark > 0 && QUESTION_MARKS.has(cleaned[mark - 1] ?? '')) mark--;
  if (english && /\s/.test(cleaned[mark - 1] ?? ' ')) return false;
  return HAS_LETTER.test(cleaned) && !PLEASANTRY.test(cleaned.trim());
}

/** An item that asks something open ("whether a brake is needed", "how often they stop"), not a field to fill in. */
const OPEN_ITEM =
  /^\s*(?:[-*•·–]|\d{1,2}[.)]|[a-h][.)])\s+(?:whether|if|how|what|which|who|whom|when|where|why|do|does|did|is|are|can|could|should|would|will|have|has)\b/i;
/**
 * Items of a list that follows an ask lead-in; they ask even without a question mark. A field to fill in
 * ("Preferred data region", "Name of the primary admin") is a simple factual ask (docs/labeling.md: a
 * list of those, answered in a line each, is email), so two fields count as one ask.
 */
function listedAsks(lines: string[]): Set<number> {
  const asks = new Set<number>();
  let inAskList = false;
  let fields = 0;
  lines.forEach((line, i) => {
    if (LIST_ITEM.test(line) && inAskList) {
      if (OPEN_ITEM.test(line) || line.includes('?') || fields++ % 2 === 1) asks.add(i);
    } else if (line.trim()) inAskList = ASK_LEAD_IN.test(line);
  });
  return asks;
}

export function countQuestions(text: string, matcher: PhraseMatcher, english: boolean): QuestionCount {
  const asks: string[] = [];
  const lines = text.split('\n');
  const listed = english ? listedAsks(lines) : new Set<number>();
  lines.forEach((line, i) => {
    if (listed.has(i) && !isQuestion(line, english)) asks.push(line.trim());
    else {
      let previous = false;
      for (const unit of withoutAsides(line).split(AFTER_QUESTION)) {
        const question = isQuestion(unit, english);
        // "What does it do for customers? the state? utilities?" is one question with a list, not three.
        // Chinese and Japanese write no spaces, so there a word count cannot tell a fragment.
        const fragment = previous && !unit.includes('\uFF1F') && countWords(unit) <= FRAGMENT_WORDS;
        if (question && !fragment) asks.push(unit.trim());
        previous = question;
      }
    }
  });
  if (english) {
    const counted = new Set(asks.map((a) => a.toLowerCase()));
    for (const hit of matcher.find(PHRASE_SETS.indirectAsks)) {
      if (hit.sentence.includes('?') || counted.has(hit.sentence.toLowerCase())) continue;
      counted.add(hit.sentence.toLowerCase());
      asks.push(hit.sentence);
    }
  }
  return { count: asks.length, asks };
}

/** Non-English drafts get only the question-mark count, so they need one more question to fire. */
const NON_ENGLISH_EXTRA = 1;
const PER_EXTRA_QUESTION = 0.1;
const MAX_WEIGHT = 1.5;
const NEAR_MISS_WEIGHT = 0.4;

export function detectQuestions(ctx: DraftContext): Signal | undefined {
  const { count, asks } = ctx.questions;
  const threshold = ctx.settings.questionThreshold + (ctx.english ? 0 : NON_ENGLISH_EXTRA);
  const evidence = asks.slice(0, 5);
  if (count >= threshold) {
    const weight = Math.min(MAX_WEIGHT, 1 + (count - threshold) * PER_EXTRA_QUESTION);
    return {
      rule: 'questions',
      weight,
      evidence,
      message: { key: 'reasonQuestions', count, substitutions: [String(count)] },
    };
  }
  if (count === threshold - 1 && count > 1) {
    return {
      rule: 'questions',
      weight: NEAR_MISS_WEIGHT,
      evidence,
      message: { key: 'reasonQuestionsNear', count, substitutions: [String(count)] },
    };
  }
  return undefined;
}
