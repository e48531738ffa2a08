import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/analyze.ts', ...args], { encoding: 'utf8', input });

// Each case starts fresh Node processes that load the analysis, compromise's lexicon included.
describe('analyze CLI', { timeout: 30_000 }, () => {
  it('prints one verdict per line and an error for a malformed line, then goes on', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'callfirst-cli-')), 'drafts.jsonl');
    const lines = [
      JSON.stringify({ id: 'a', subject: 'Proposal', body: 'Just checking in. Any update?' }),
      '{"id": "broken", "body": ',
      JSON.stringify({ id: 'c', body: 42 }),
      JSON.stringify({ id: 'd', body: 'Thanks, got it.', threadMessages: 2 }),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = run([file]);
    expect(result.status).toBe(0);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: 'a', nudge: true, level: 'suggest', reasons: ['checkin'] });
    expect(out[0]?.opener).toMatch(/^The purpose of my call is/);
    expect(out[1]).toHaveProperty('error');
    expect(out[2]?.id).toBe('c');
    expect(typeof out[2]?.error).toBe('string');
    expect(out[3]).toMatchObject({ id: 'd', nudge: false, reasons: [] });
  });

  it('reads standard input and prints a readable verdict for --text', () => {
    expect(run([], `${JSON.stringify({ id: 'x', body: 'Circling back.' })}\n`).stdout).toContain('"id":"x"');
    expect(run(['--text', 'Touching base on the quote.']).stdout).toMatch(
      /Nudge: suggest[\s\S]*Opener: The purpose of my call is/,
    );
  });

  it('fails only when the input cannot be read', () => {
    expect(run(['/nonexistent/drafts.jsonl']).status).not.toBe(0);
  });
});
