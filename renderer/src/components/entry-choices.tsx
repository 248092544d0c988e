// The lists the entry editor offers instead of free text: the devices RAS reports
// (RasEnumDevices) and the countries of its dialing rules (RasGetCountryInfo). A value the entry
// has that the list lacks stays on offer, marked, so opening and saving an entry loses nothing.

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryType, PhoneNumber, RasEntry } from '../../../app/phonebook/entry';
import type { Result } from '../../../app/ipc/contract';
import { countryName, findCountry } from '../../../app/ras/countries';
import { rasApi } from '../ras-api';

export type Device = Result<'ras:devices'>[number];
export type Country = Result<'ras:countries'>[number];

/**
 * The RASDT_ device types each kind of entry dials through (compared without case): a VPN
 * through its miniports, broadband through PPPoE, a phone entry through a modem or ISDN (or
 * the X.25 and ATM devices of old), a direct one through a cable port.
 */
const DEVICE_TYPES: Record<EntryType, readonly string[] | null> = {
  phone: ['modem', 'isdn', 'x25', 'pad', 'atm', 'framerelay', 'sonet', 'sw56'],
  vpn: ['vpn'],
  broadband: ['pppoe'],
  direct: ['serial', 'parallel', 'irda'],
  // RASET_Internet is of no device family of its own.
  internet: null,
};

export function devicesFor(type: EntryType, devices: readonly Device[]): Device[] {
  const types = DEVICE_TYPES[type];
  return types ? devices.filter((d) => types.includes(d.type.toLowerCase())) : [...devices];
}

/** The machine's devices and countries, asked once per editor; null until known (or unknown). */
export function useRasChoices(): { devices: Device[] | null; countries: Country[] | null } {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [countries, setCountries] = useState<Country[] | null>(null);
  useEffect(() => {
    let current = true;
    const api = rasApi();
    void api.invoke('ras:devices', {}).then((r) => {
      if (current && r.ok && Array.isArray(r.value)) setDevices(r.value);
    });
    void api.invoke('ras:countries', {}).then((r) => {
      if (current && r.ok && Array.isArray(r.value)) setCountries(r.value);
    });
    return () => {
      current = false;
    };
  }, []);
  return { devices, countries };
}

type EntryDevice = Pick<RasEntry, 'type' | 'deviceName' | 'deviceType'>;

export function DeviceSelect({
  id,
  entry,
  original,
  devices,
  onChange,
}: {
  id: string;
  entry: EntryDevice;
  /** The entry as the editor opened it: its device stays on offer, to go back to. */
  original: EntryDevice;
  /** null: not known (yet); the entry's device is shown as it is. */
  devices: Device[] | null;
  onChange: (device: Device) => void;
}) {
  const { t } = useTranslation();
  const offered = devices ? devicesFor(entry.type, devices) : [];
  const missing = [original, entry]
    .filter((e) => e.type === entry.type && e.deviceName !== '')
    .map((e) => ({ type: e.deviceType, name: e.deviceName }))
    .filter((d, i, all) => all.findIndex((o) => o.name === d.name) === i)
    .filter((d) => !offered.some((o) => o.name === d.name));
  return (
    <select
      id={id}
      value={entry.deviceName}
      onChange={(e) => {
        const device = [...offered, ...missing].find((d) => d.name === e.target.value);
        if (device) onChange(device);
      }}
    >
      {entry.deviceName === '' && <option value="">—</option>}
      {offered.map((d) => (
        <option key={`${d.type}:${d.name}`} value={d.name}>
          {d.name}
        </option>
      ))}
      {missing.map((d) => (
        <option key={`missing:${d.name}`} value={d.name}>
          {devices ? t('entryOptions.deviceMissing', { name: d.name }) : d.name}
        </option>
      ))}
    </select>
  );
}

const key = (id: number, code: number) => `${id}:${code}`;

/**
 * The country of a number, chosen by name in the window's language. Names sort as that
 * language sorts, so the native select's type-ahead finds "Kaz…" or "Каз…".
 */
export function CountrySelect({
  id,
  number,
  countries,
  disabled,
  onChange,
}: {
  id: string;
  number: Pick<PhoneNumber, 'countryId' | 'countryCode'>;
  disabled?: boolean;
  countries: Country[] | null;
  onChange: (country: { countryId: number; countryCode: number }) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const sorted = useMemo(
    () =>
      (countries ?? [])
        .map((c) => ({ ...c, label: countryName(c, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    [countries, language],
  );
  const { countryId, countryCode } = number;
  const known = findCountry(countries ?? [], countryId, countryCode);
  return (
    <select
      id={id}
      disabled={disabled}
      value={key(countryId, countryCode)}
      onChange={(e) => {
        const [nextId, nextCode] = e.target.value.split(':').map(Number);
        onChange({ countryId: nextId!, countryCode: nextCode! });
      }}
    >
      {!known &&
        (countryId === 0 && countryCode === 0 ? (
          <option value={key(0, 0)}>{t('entryOptions.countryNone')}</option>
        ) : (
          <option value={key(countryId, countryCode)}>
            {t('entryOptions.countryUnknown', { id: countryId, code: countryCode })}
          </option>
        ))}
      {sorted.map((c) => (
        <option key={key(c.id, c.code)} value={key(c.id, c.code)}>
          {t('entryOptions.countryOption', { name: c.label, code: c.code })}
        </option>
      ))}
    </select>
  );
}
