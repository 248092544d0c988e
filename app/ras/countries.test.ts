import { describe, expect, it } from 'vitest';
import { countryName, findCountry } from './countries';
import { bundledCountries, regionOf } from './countries-table';

describe('the bundled country list', () => {
  const countries = bundledCountries();

  it('gives each country one TAPI id, so a select can tell them apart', () => {
    const ids = countries.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(countries.length).toBeGreaterThan(200);
  });

  it('keeps the countries that share a calling code apart by their Windows ids', () => {
    const of = (region: string) => countries.find((c) => c.region === region);
    expect(of('US')).toMatchObject({ id: 1, code: 1, name: 'United States' });
    expect(of('CA')).toMatchObject({ id: 107, code: 1, name: 'Canada' });
    expect(of('RU')).toMatchObject({ id: 7, code: 7 });
    expect(of('KZ')).toMatchObject({ id: 705, code: 7 });
    expect(of('DE')).toMatchObject({ id: 49, code: 49 });
    expect(regionOf(107, 1)).toBe('CA');
    expect(regionOf(107, 7)).toBeUndefined();
  });

  it('names a country in the window’s language, and a region-less one as its source did', () => {
    expect(countryName(findCountry(countries, 705, 7)!, 'ru')).toBe('Казахстан');
    expect(countryName(findCountry(countries, 705, 7)!, 'en')).toBe('Kazakhstan');
    expect(countryName({ id: 9999, code: 998, name: 'Somewhere' }, 'ru')).toBe('Somewhere');
    expect(findCountry(countries, 9999, 998)).toBeUndefined();
  });
});
