// RasGetCountryInfo through the Win32 backend over the C test double: the chain of
// dwNextCountryID walked to its end, names read from their offset, and countries that share a
// calling code kept apart by their TAPI ids.

import { afterEach, describe, expect, it } from 'vitest';
import { countryName } from '../../app/ras/countries';
import { win32World } from '../contract/win32-world';
import type { ContractWorld } from '../contract/backend-contract';
import { buildRasapi32Double } from './build-double';

const library = buildRasapi32Double();
let world: ContractWorld | null = null;

afterEach(async () => {
  await world?.cleanup();
  world = null;
});

describe('Win32 country list (RasGetCountryInfo)', () => {
  it('walks the whole list, each country with its id, code and the system’s name', async () => {
    world = await win32World(library);
    const countries = await world.backend.listCountries();
    expect(countries.map((c) => [c.id, c.code, c.name])).toEqual([
      [1, 1, 'United States'],
      [7, 7, 'Russia'],
      [44, 44, 'United Kingdom'],
      [49, 49, 'Germany'],
      [107, 1, 'Canada'],
      [705, 7, 'Kazakhstan'],
    ]);
  });

  it('knows the region of each, so the window names it in its own language', async () => {
    world = await win32World(library);
    const countries = await world.backend.listCountries();
    const canada = countries.find((c) => c.id === 107)!;
    const kazakhstan = countries.find((c) => c.id === 705)!;
    expect(canada.region).toBe('CA');
    expect(kazakhstan.region).toBe('KZ');
    expect(countryName(kazakhstan, 'ru')).toBe('Казахстан');
    expect(countryName(canada, 'en')).toBe('Canada');
  });
});
