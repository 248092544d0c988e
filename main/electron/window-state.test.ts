import { describe, expect, it } from 'vitest';
import { fitToDisplays } from './window-state';

const screen = { x: 0, y: 0, width: 1920, height: 1040 };
const state = (x: number, y: number) => ({
  bounds: { x, y, width: 900, height: 600 },
  maximized: false,
});

describe('window state', () => {
  it('keeps a window that is on a display', () => {
    expect(fitToDisplays(state(100, 100), [screen])).toEqual(state(100, 100));
    expect(fitToDisplays(state(1800, 900), [screen])).toEqual(state(1800, 900));
  });

  it('drops a window whose display is gone or that barely shows', () => {
    expect(fitToDisplays(state(2500, 100), [screen])).toBeNull();
    expect(fitToDisplays(state(1900, 100), [screen])).toBeNull();
    expect(
      fitToDisplays(state(2500, 100), [screen, { x: 1920, y: 0, width: 1280, height: 1024 }]),
    ).toEqual(state(2500, 100));
    expect(fitToDisplays(null, [screen])).toBeNull();
  });
});
