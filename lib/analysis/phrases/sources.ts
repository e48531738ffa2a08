/**
 * Sources the phrase lists cite. Each names the line of ../shared/RESEARCH.md (or the evaluation
 * guide's label definitions) that the phrases put into practice.
 */
export const SOURCES = {
  checkinNoPurpose:
    'RESEARCH.md: "Checking in" / "touching base" have no purpose and waste the client\'s time (blog.jbarrows.com; smallbizclub.com)',
  statusChasing:
    'RESEARCH.md: status-update requests that wait on an email reply are a symptom of email failing (coaching articles)',
  followUpChain:
    'RESEARCH.md: 70% of unanswered chains stop after the first email; a second email has a 21% reply chance (Yesware)',
  contactNotConnect:
    'RESEARCH.md: contacting is not connecting; one who spoke with the customer connected (coaching articles)',
  questionsReplies: 'RESEARCH.md: more than 3 questions lowers replies (Boomerang, The Atlantic theatln.tc/1TXLOnL)',
  conflictByPhone:
    'eval/README.md call/conflict: bad news, apologies for problems, complaints, escalations and pricing pushback go better by phone',
  statedPurpose:
    'RESEARCH.md: stating the reason for a call roughly doubles its success (Gong); open with "The purpose of my call is …"',
  emailFailsIncomplete:
    'RESEARCH.md: email fails when it is left unanswered, incomplete or only partly answered (coaching articles)',
} as const;
