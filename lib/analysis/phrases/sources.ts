/**
 * Sources the phrase lists cite. Each names the line of docs/research.md (a published figure, a
 * coaching point, or the definition of when a draft is better as a call) that the phrases put into practice.
 */
export const SOURCES = {
  checkinNoPurpose:
    'docs/research.md: "Checking in" / "touching base" have no purpose and waste the client\'s time (blog.jbarrows.com; smallbizclub.com)',
  statusChasing:
    'docs/research.md: status-update requests that wait on an email reply are a symptom of email failing (coaching articles)',
  followUpChain:
    'docs/research.md: 70% of unanswered chains stop after the first email; a second email has a 21% reply chance (Yesware)',
  contactNotConnect:
    'docs/research.md: contacting is not connecting; one who spoke with the customer connected (coaching articles)',
  questionsReplies:
    'docs/research.md: more than 3 questions lowers replies (Boomerang, The Atlantic theatln.tc/1TXLOnL)',
  conflictByPhone:
    'docs/research.md, when a draft is better as a call (conflict): bad news, apologies for problems, complaints, escalations and pricing pushback go better by phone',
  statedPurpose:
    'docs/research.md: stating the reason for a call roughly doubles its success (Gong); open with "The purpose of my call is …"',
  emailFailsIncomplete:
    'docs/research.md: email fails when it is left unanswered, incomplete or only partly answered (coaching articles)',
} as const;
