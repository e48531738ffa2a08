import { describe, expect, it } from 'vitest';
import { valueIfSettled } from '../../../components/popup/handoff';

describe('valueIfSettled', () => {
  it('gives the value of a promise that has settled, and undefined for one still pending', async () => {
    const done = Promise.resolve(7);
    await done;
    expect(await valueIfSettled(done)).toBe(7);
    let finish = (_: number) => {};
    const pending = new Promise<number>((resolve) => (finish = resolve));
    expect(await valueIfSettled(pending)).toBeUndefined();
    finish(8);
    expect(await valueIfSettled(pending)).toBe(8);
    expect(await valueIfSettled(undefined)).toBeUndefined();
  });
});
