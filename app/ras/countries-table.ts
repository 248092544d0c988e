// The bundled country list, for the simulated backend and browser mode (Windows has its own,
// RasGetCountryInfo): every region libphonenumber-js knows with its calling code, a TAPI id
// from TAPI_IDS where it shares that code, and its English name. Main imports this; the
// window gets the list over IPC, so the metadata stays out of the renderer's bundle.

import metadata from 'libphonenumber-js/metadata.min.json';
import { TAPI_IDS, type CountryInfo } from './countries';

const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

function build(): CountryInfo[] {
  const out: CountryInfo[] = [];
  const codes = metadata.country_calling_codes as Record<string, string[]>;
  for (const [text, regions] of Object.entries(codes)) {
    const code = Number(text);
    regions.forEach((region, i) => {
      // The first region of a code is its main country: its TAPI id is the code itself.
      const id = i === 0 ? code : TAPI_IDS[region];
      if (id === undefined) return;
      out.push({ id, code, name: english.of(region) ?? region, region });
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

let table: CountryInfo[] | null = null;

export function bundledCountries(): CountryInfo[] {
  table ??= build();
  return table;
}

/** The region of a TAPI id and calling code, for a list the system gave (names it in any language). */
export function regionOf(id: number, code: number): string | undefined {
  return bundledCountries().find((c) => c.id === id && c.code === code)?.region;
}
