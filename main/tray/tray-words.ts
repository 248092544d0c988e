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
  /** This computer's address on a connected link, in its tooltip line. */
  address: (ip: string) => string;
  quitQuestion: (count: number) => string;
  quitDetail: string;
  quitHangUp: string;
  quitLeave: string;
  cancel: string;
  stillRunning: string;
  stillRunningDetail: string;
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
    address: (ip) => `address ${ip}`,
    quitQuestion: (n) =>
      n === 1 ? 'A connection is still active.' : `${n} connections are still active.`,
    quitDetail:
      'Hang them up before quitting, or leave them connected: RAS Connect finds them again when it starts.',
    quitHangUp: 'Hang up and quit',
    quitLeave: 'Leave connected and quit',
    cancel: 'Cancel',
    stillRunning: 'RAS Connect is still running',
    stillRunningDetail: 'It stays in the tray; choose Quit there to close it.',
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
    address: (ip) => `адрес ${ip}`,
    quitQuestion: (n) => (n === 1 ? 'Подключение ещё активно.' : `Активных подключений: ${n}.`),
    quitDetail:
      'Разъедините их перед выходом или оставьте подключёнными: при запуске RAS Connect найдёт их снова.',
    quitHangUp: 'Разъединить и выйти',
    quitLeave: 'Оставить и выйти',
    cancel: 'Отмена',
    stillRunning: 'RAS Connect продолжает работать',
    stillRunningDetail:
      'Значок остаётся в области уведомлений; чтобы закрыть программу, выберите там «Выход».',
    status: {
      dialing: 'набор номера',
      paused: 'ждёт вашего ответа',
      connected: 'подключено',
      'waiting-to-redial': 'ожидание повторного набора',
      disconnecting: 'разъединение',
    },
  },
};
