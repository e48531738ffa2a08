/** Asks without a question mark: "I was wondering if…", "Could you let me know…". */
import type { PhraseRule } from '../phrase-match';
import { SOURCES } from './sources';

const source = SOURCES.questionsReplies;

export const INDIRECT_ASKS: readonly PhraseRule[] = [
  { pattern: "(i was|i am|i'm|we were|we are|just) wondering (if|whether|what|how|when|who|why|where)", source },
  {
    pattern:
      '(could|can|would) you (please)? (let me know|tell me|confirm|clarify|share|explain|send me|help me understand)',
    source,
  },
  {
    pattern:
      'please (let me know|confirm|advise|clarify|tell me|explain) (if|whether|what|how|when|which|who|why|where)',
    source,
  },
  {
    pattern:
      "(i would|i'd|we would|we'd) (love|like) to (know|understand|hear|learn|get a sense of) (if|whether|what|how|when|which|who|why|where|more about|your)",
    source,
  },
  {
    pattern: '(curious|keen to know|need to know|want to know) (if|whether|what|how|when|which|who|why|where)',
    source,
  },
  { pattern: 'let me know (if|whether|what|how|when|which|who|why|where) (you|your|the|we|this|that|it)', source },
];
