// The tray's words in each language the window speaks. The tray is drawn by main, which has
// no i18next; these few strings are kept here, next to the menu that uses them.

export interface TrayWords {
  appName: string;
  connect: string;
  hangUp: string;
  hangUpAll: string;
  more: string;
  open: string;
  startAtLogin: string;
  quit: string;
  noEntries: string;
  noConnection: string;
  lastError: string;
  status: Record<
    'dialing' | 'paused' | 'connected' | 'waiting-to-redial' | 'disconnecting',
    string
  >;
}

export const TRAY_WORDS: Record<'en' | 'ru', TrayWords> = {
  en: {
    appName: 'RAS Connect',
    connect: 'Connect',
    hangUp: 'Hang up',
    hangUpAll: 'Hang up all',
    more: 'More',
    open: 'Open RAS Connect',
    startAtLogin: 'Start at login',
    quit: 'Quit',
    noEntries: 'No entries',
    noConnection: 'Not connected',
    lastError: 'Last attempt',
    status: {
      dialing: 'dialing',
      paused: 'waiting for you',
      connected: 'connected',
      'waiting-to-redial': 'waiting to redial',
      disconnecting: 'hanging up',
    },
  },
  ru: {
    appName: 'RAS Connect',
    connect: 'Подключить',
    hangUp: 'Разъединить',
    hangUpAll: 'Разъединить все',
    more: 'Ещё',
    open: 'Открыть RAS Connect',
    startAtLogin: 'Запускать при входе в систему',
    quit: 'Выход',
    noEntries: 'Нет записей',
    noConnection: 'Нет подключений',
    lastError: 'Последняя попытка',
    status: {
      dialing: 'набор номера',
      paused: 'ждёт вашего ответа',
      connected: 'подключено',
      'waiting-to-redial': 'ожидание повторного набора',
      disconnecting: 'разъединение',
    },
  },
};
