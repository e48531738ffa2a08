/**
 * Status-chasing phrases: a follow-up whose only content is "where are we?". Weight 1 phrases are
 * check-ins by themselves; weight 0.5 phrases ("let me know if you have any questions") are filler
 * that only counts when the draft holds nothing else.
 */
import type { PhraseRule } from '../phrase-match';
import { SOURCES } from './sources';

const { checkinNoPurpose, statusChasing, followUpChain, contactNotConnect } = SOURCES;

export const CHECKIN_PHRASES: readonly PhraseRule[] = [
  {
    pattern: '(just|quickly|quick|wanted to|want to|to|am|was) (check|checking) in',
    source: checkinNoPurpose,
    weight: 1,
  },
  { pattern: '^(check|checking) in (on|about|regarding|with|to|again|here)', source: checkinNoPurpose, weight: 1 },
  { pattern: '(touching|touch) base', source: checkinNoPurpose, weight: 1 },
  { pattern: '(circling|circle|coming) back (on|to|around|about|regarding)', source: checkinNoPurpose, weight: 1 },
  { pattern: '^(circling|circle) back', source: checkinNoPurpose, weight: 1 },
  {
    pattern:
      '(bumping|bump|resurfacing|resurface|floating|float|nudging) (this|this one|this thread|this email|my note|up)',
    source: followUpChain,
    weight: 1,
  },
  { pattern: '(back|this) (on|onto|to) (your|the) radar', source: followUpChain, weight: 1 },
  { pattern: 'top of your inbox', source: followUpChain, weight: 1 },
  {
    pattern:
      'any (update|updates|news|word|progress|movement|feedback|thoughts) .? (on|from|about|regarding|re|with|yet|internally)',
    source: statusChasing,
    weight: 1,
  },
  { pattern: '^any (update|updates|news|word|progress)$', source: statusChasing, weight: 1 },
  {
    pattern:
      '(did|have|has|had) (you|u|he|she|they|the team|your team|legal|finance|procurement)? (get|got|gotten|had|have|has) (a|the|any) (chance|moment|minute|sec|second|opportunity) to',
    source: statusChasing,
    weight: 1,
  },
  {
    pattern:
      '(wondering|wondered|see|seeing|checking|curious) (if|whether) .{1,3} (got|had|have|has|get) (a|the) (chance|moment|minute|sec) to',
    source: statusChasing,
    weight: 1,
  },
  {
    pattern:
      'any chance (you|you have|you have had|u) .{0,2} (a chance|a moment|a minute|time) to (review|look|read|go|check)',
    source: statusChasing,
    weight: 1,
  },
  { pattern: 'where (do|did|does) (we|things|this|it) (stand|land)', source: statusChasing, weight: 1 },
  { pattern: 'where (things|we) (stand|landed|are at)', source: statusChasing, weight: 1 },
  { pattern: 'where (are|is) (we|things|this|it) (at|on|with)', source: statusChasing, weight: 1 },
  {
    pattern: '(tried|trying|attempted) (to)? (reach|reaching|contact|contacting|get hold of|connect with) you',
    source: followUpChain,
    weight: 1,
  },
  {
    pattern: 'someone else .{0,3} (i|we) should (be)? (talking|speaking|reaching out|talk|speak) (to|with)',
    source: contactNotConnect,
    weight: 1,
  },
  {
    pattern: '(have|has) (you|he|she|they|anyone|the team) heard (anything|back|from)',
    source: statusChasing,
    weight: 1,
  },
  { pattern: '(have|has|had) not heard (back|anything)', source: followUpChain, weight: 1 },
  {
    pattern:
      '(following|follow|followed) up on (my|our|the) (last|previous|earlier|prior)? (email|message|note|voicemail|call|emails|messages)',
    source: followUpChain,
    weight: 1,
  },
  { pattern: '(following|follow|followed) up on the (voicemail|message) i left', source: followUpChain, weight: 1 },
  {
    pattern: '(wanted|want|just wanted|just want) to (follow|following) up (to see|and see|on|regarding)',
    source: followUpChain,
    weight: 1,
  },
  { pattern: '^just (following|follow) up', source: followUpChain, weight: 1 },
  { pattern: '(as|per) my (last|previous|earlier) (email|message|note)', source: followUpChain, weight: 1 },
  {
    pattern: 'reminder (regarding|about|re) my (last|previous|earlier) (email|message|note)',
    source: followUpChain,
    weight: 1,
  },
  { pattern: '(reaching|reach) out again', source: followUpChain, weight: 1 },
  { pattern: 'please advise (on|of|re)? (the)? status', source: statusChasing, weight: 1 },
  {
    pattern: '(wanted|want|just wanted) to see if you (had|have) (any|some) (questions|thoughts|feedback)',
    source: checkinNoPurpose,
    weight: 1,
  },
  {
    pattern: 'any (thoughts|feedback|questions) on the (below|proposal|quote|deck|email|note)',
    source: statusChasing,
    weight: 1,
  },
  {
    pattern: 'is (this|that|it) still (a priority|on the table|happening|on your radar|of interest|something)',
    source: contactNotConnect,
    weight: 1,
  },
  {
    pattern: 'is the .{1,4} still (a priority|on the table|happening|on your radar|of interest|something)',
    source: contactNotConnect,
    weight: 1,
  },
  { pattern: 'are you still interested', source: contactNotConnect, weight: 1 },
  { pattern: '^still interested', source: contactNotConnect, weight: 1 },
  {
    pattern: 'curious (where|how|if|whether) (things|we|you|it|this) (stand|are|is|landed)',
    source: statusChasing,
    weight: 1,
  },
  {
    pattern: '(would|will) (love|like) to (catch up|reconnect|hear how things are going)',
    source: contactNotConnect,
    weight: 0.5,
  },
  { pattern: '(reach|reaching) out (and|to) reconnect', source: contactNotConnect, weight: 1 },
  { pattern: 'how things are going', source: contactNotConnect, weight: 0.5 },
  { pattern: 'keep the conversation going', source: checkinNoPurpose, weight: 1 },
  { pattern: 'let me know if (you have|there are) any (questions|thoughts)', source: checkinNoPurpose, weight: 0.5 },
  {
    pattern: "let me know if (there is|there's|you need) anything (else)? (i|we) can (do|help|send)",
    source: checkinNoPurpose,
    weight: 0.5,
  },
  { pattern: 'let me know if there is anything (else)? (we|i) can help with', source: checkinNoPurpose, weight: 0.5 },
  { pattern: 'anything you can share', source: statusChasing, weight: 0.5 },
  { pattern: '(give|call) me a call back', source: followUpChain, weight: 0.5 },
  { pattern: 'how you would like to proceed', source: statusChasing, weight: 0.5 },
  {
    pattern: '(whenever|when) you (come up for air|get a chance|have a moment|get a sec)',
    source: checkinNoPurpose,
    weight: 0.5,
  },
];
