/**
 * Draft analysis from the command line.
 *   npm run --silent analyze -- FILE.jsonl      one JSON line out per line in: {id, nudge, level, score, reasons, opener}
 *   npm run --silent analyze -- < FILE.jsonl    the same from standard input
 *   npm run --silent analyze -- --text "…"      a readable verdict for one draft
 * Input lines are {id, subject?, body, threadMessages?}. A malformed line yields {id?, error} and the
 * rest go on; the exit status is non-zero only when the input cannot be read at all.
 */
import { readFileSync } from 'node:fs';
import { analyzeDraft, type Analysis } from '../lib/analysis';
import { englishMessage, sayEnglish } from './english-messages';

function verdictLine(line: string): string {
  let id: unknown;
  try {
    const item: unknown = JSON.parse(line);
    if (typeof item !== 'object' || item === null) throw new Error('not a JSON object');
    const { body, subject, threadMessages } = item as Record<string, unknown>;
    id = (item as Record<string, unknown>).id;
    if (typeof body !== 'string') throw new Error('"body" must be a string');
    const result = analyzeDraft(
      {
        body,
        subject: typeof subject === 'string' ? subject : undefined,
        threadMessages: typeof threadMessages === 'number' ? threadMessages : undefined,
      },
      englishMessage,
    );
    const { nudge, level, score, findings, opener } = result;
    return JSON.stringify({ id, nudge, level, score, reasons: findings.map((f) => f.rule), opener });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return JSON.stringify(id === undefined ? { error } : { id, error });
  }
}

function describe(result: Analysis): string {
  const head = result.nudge ? `Nudge: ${result.level} (score ${result.score})` : `No nudge (score ${result.score})`;
  const findings = result.findings.map(
    (f) =>
      `  - ${f.rule}: ${sayEnglish(f.message)}${f.evidence?.length ? `\n      evidence: ${f.evidence.map((e) => `"${e}"`).join(', ')}` : ''}`,
  );
  return [
    head,
    `Language ${result.language}, ${result.words} words of your own, ${result.questions} questions.`,
    ...(findings.length ? ['Why:', ...findings] : []),
    `Opener: ${result.opener}`,
    'Call request:',
    result.callRequest.replace(/^/gm, '  | '),
  ].join('\n');
}

function readInput(file: string | undefined): string {
  return readFileSync(file ?? 0, 'utf8');
}

function main(args: string[]): number {
  const textAt = args.indexOf('--text');
  if (textAt >= 0) {
    const body = args[textAt + 1];
    if (body === undefined) {
      console.error('usage: analyze --text "draft text"');
      return 2;
    }
    console.log(describe(analyzeDraft({ body }, englishMessage)));
    return 0;
  }
  let input: string;
  try {
    input = readInput(args[0]);
  } catch (err) {
    console.error(`cannot read input: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const out: string[] = [];
  for (const line of input.split('\n')) if (line.trim()) out.push(verdictLine(line));
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
