// Sizes, speeds and durations in the person's language, for every side that shows them:
// the window, the tray's tooltip and the notifications.

/** "3 KB", "1,2 МБ": binary multiples, one decimal past bytes. */
export function bytes(n: number, language: string): string {
  const units = language === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(language, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** "49.3 kbit/s": decimal multiples, as modems and links are rated. */
export function bitsPerSecond(bps: number, language: string): string {
  const ru = language === 'ru';
  if (bps >= 1_000_000)
    return `${(bps / 1_000_000).toLocaleString(language, { maximumFractionDigits: 1 })} ${ru ? 'Мбит/с' : 'Mbit/s'}`;
  if (bps >= 1000)
    return `${(bps / 1000).toLocaleString(language, { maximumFractionDigits: 1 })} ${ru ? 'кбит/с' : 'kbit/s'}`;
  return `${bps} ${ru ? 'бит/с' : 'bit/s'}`;
}

/** "1:02:03": hours, minutes and seconds. */
export function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
