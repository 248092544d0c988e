import { describe, expect, it } from 'vitest';
import { nextChoice } from './select-keys';

const choices = (...disabled: boolean[]) => disabled.map((d) => ({ disabled: d }));

describe('the arrow keys on a closed list box', () => {
  it('step to the next and previous choice, and Home and End to the ends', () => {
    const four = choices(false, false, false, false);
    expect(nextChoice(four, 1, 'next')).toBe(2);
    expect(nextChoice(four, 1, 'previous')).toBe(0);
    expect(nextChoice(four, 2, 'first')).toBe(0);
    expect(nextChoice(four, 1, 'last')).toBe(3);
  });

  it('pass disabled choices, and stay put at the ends', () => {
    const some = choices(true, false, true, false, true);
    expect(nextChoice(some, 1, 'next')).toBe(3);
    expect(nextChoice(some, 3, 'next')).toBeNull();
    expect(nextChoice(some, 1, 'previous')).toBeNull();
    expect(nextChoice(some, 3, 'first')).toBe(1);
    expect(nextChoice(some, 1, 'last')).toBe(3);
    expect(nextChoice(some, 3, 'last')).toBeNull();
  });
});
