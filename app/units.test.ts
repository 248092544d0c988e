import { describe, expect, it } from 'vitest';
import { bitsPerSecond, bytes, duration } from './units';

describe('units', () => {
  it('writes sizes in binary multiples with the language’s separator and unit names', () => {
    expect(bytes(0, 'en')).toBe('0 B');
    expect(bytes(1023, 'en')).toBe('1,023 B');
    expect(bytes(1229, 'en')).toBe('1.2 KB');
    expect(bytes(1229, 'ru')).toBe('1,2 КБ');
    expect(bytes(5 * 1024 ** 4, 'en')).toBe('5,120 GB');
  });

  it('writes speeds in decimal multiples', () => {
    expect(bitsPerSecond(999, 'en')).toBe('999 bit/s');
    expect(bitsPerSecond(49_333, 'en')).toBe('49.3 kbit/s');
    expect(bitsPerSecond(1_500_000, 'ru')).toBe('1,5 Мбит/с');
  });

  it('writes durations as hours, minutes and seconds', () => {
    expect(duration(-5)).toBe('0:00:00');
    expect(duration(65_999)).toBe('0:01:05');
    expect(duration(3_723_000)).toBe('1:02:03');
  });
});
