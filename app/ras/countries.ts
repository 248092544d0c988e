// Countries as a phonebook entry keeps them: CountryID is a TAPI country id, CountryCode the
// calling code. Several countries share a calling code (+1: the United States, Canada and the
// Caribbean; +7: Russia and Kazakhstan), so Windows tells them apart by the id alone: the first
// country of a code has the code itself as its id, the others have ids of their own.

export interface CountryInfo {
  /** The TAPI country id (RASCTRYINFO.dwCountryID, CountryID= in the phonebook). */
  id: number;
  /** The calling code (dwCountryCode, CountryCode=). */
  code: number;
  /** The name the source gave: the system's (RasGetCountryInfo) or English (the bundled table). */
  name: string;
  /** The ISO 3166 region, when known: the window names the country in its own language. */
  region?: string;
}

/**
 * The TAPI ids that differ from the calling code, for the countries that share a code with
 * another. Source: Windows' TAPI country list (HKLM\...\Telephony\Country List, as written by
 * telephon.inf and returned by RasGetCountryInfo), ids 101–123 for the Caribbean members of
 * the North American plan in alphabetical order, and the ids Windows kept for countries that
 * joined a shared code later (Guam 671, American Samoa 684,
 * Kazakhstan 705, the Vatican 379, the Cocos Islands 6101). A country sharing a code whose id
 * is not known here (or whose old id is now another country's code: the Northern Marianas'
 * 670 is East Timor's) is left out of the bundled table; on Windows the system's list is used.
 */
export const TAPI_IDS: Readonly<Record<string, number>> = {
  AI: 101,
  AG: 102,
  BS: 103,
  BB: 104,
  BM: 105,
  VG: 106,
  CA: 107,
  KY: 108,
  DM: 109,
  DO: 110,
  GD: 111,
  JM: 112,
  MS: 113,
  KN: 115,
  VC: 116,
  TT: 117,
  TC: 118,
  PR: 121,
  LC: 122,
  VI: 123,
  GU: 671,
  AS: 684,
  KZ: 705,
  VA: 379,
  CC: 6101,
};

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** The country's name in `language` (its region's name there), else the name its source gave. */
export function countryName(country: CountryInfo, language: string): string {
  if (!country.region) return country.name;
  let names = displayNames.get(language);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    } catch {
      names = null;
    }
    displayNames.set(language, names);
  }
  return names?.of(country.region) ?? country.name;
}

/** What a phone number's country is shown as: its entry in the list, or its two numbers. */
export function findCountry(
  countries: readonly CountryInfo[],
  id: number,
  code: number,
): CountryInfo | undefined {
  return countries.find((c) => c.id === id && c.code === code);
}
