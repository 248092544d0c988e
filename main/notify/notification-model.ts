// Which notification a change of a connection deserves, as a pure function of the view before
// and after: connected (with the speed), disconnected by the remote side or an error (with what
// to do), redialing (attempt n of m, seconds left, Cancel; a kept connection's loop only as it
// starts, not at each of its uncapped attempts), and a paused state waiting for the
// person (click to answer). A hang-up the person asked for deserves none.

import type { ConnectionView } from '../../app/connection-view';
import { errorInLanguage } from '../../app/ras/errors-ru';
import type { PausedKind } from '../../app/ras/connection-state';
import { bitsPerSecond } from '../../app/units';

export type NotificationKind = 'connected' | 'disconnected' | 'redialing' | 'paused';

export interface AppNotification {
  kind: NotificationKind;
  connectionId: string;
  title: string;
  body: string;
  /** Offered as a button where the system has them; a click opens the window everywhere. */
  action: { kind: 'cancel'; label: string } | null;
}

interface Words {
  connected: (entry: string) => string;
  speed: (speed: string) => string;
  disconnected: (entry: string) => string;
  whatToDo: (remedy: string) => string;
  redialing: (entry: string) => string;
  redialIn: (attempt: number, attempts: number, seconds: number) => string;
  /** A kept connection's loop: no cap, and perhaps no time (it waits for the network). */
  keptRedialIn: (attempt: number, seconds: number) => string;
  keptWaitsForNetwork: string;
  stop: string;
  cancel: string;
  waiting: (entry: string) => string;
  paused: Record<PausedKind, string>;
}

const WORDS: Record<'en' | 'ru', Words> = {
  en: {
    connected: (e) => `Connected: ${e}`,
    speed: (s) => `Speed ${s}`,
    disconnected: (e) => `Disconnected: ${e}`,
    whatToDo: (r) => `What to do: ${r}`,
    redialing: (e) => `Redialing ${e}`,
    redialIn: (a, n, s) => `Attempt ${a} of ${n} in ${s} s`,
    keptRedialIn: (a, s) => `Kept connected: attempt ${a} in ${s} s`,
    keptWaitsForNetwork: 'Kept connected: redials once the network is back',
    stop: 'Stop',
    cancel: 'Cancel',
    waiting: (e) => `${e} is waiting for you`,
    paused: {
      callback: 'Give the number the server should call back.',
      'retry-authentication': 'The sign-in was refused: enter other credentials.',
      'new-password': 'The password has expired: choose a new one.',
      eap: 'Finish the EAP sign-in.',
      interactive: 'Finish the terminal step.',
    },
  },
  ru: {
    connected: (e) => `Подключено: ${e}`,
    speed: (s) => `Скорость ${s}`,
    disconnected: (e) => `Отключено: ${e}`,
    whatToDo: (r) => `Что делать: ${r}`,
    redialing: (e) => `Повторный набор: ${e}`,
    redialIn: (a, n, s) => `Попытка ${a} из ${n} через ${s} с`,
    keptRedialIn: (a, s) => `Подключение поддерживается: попытка ${a} через ${s} с`,
    keptWaitsForNetwork: 'Подключение поддерживается: набор, когда появится сеть',
    stop: 'Остановить',
    cancel: 'Отмена',
    waiting: (e) => `${e} ждёт вашего ответа`,
    paused: {
      callback: 'Укажите номер, по которому сервер перезвонит.',
      'retry-authentication': 'Вход отклонён: введите другие учётные данные.',
      'new-password': 'Срок действия пароля истёк: задайте новый.',
      eap: 'Завершите вход EAP.',
      interactive: 'Завершите шаг в окне терминала.',
    },
  },
};

export interface NotifyContext {
  language: 'en' | 'ru';
  now: number;
  /** The link speed of a connection that just connected, when the backend knows it. */
  speedBps?: number;
}

export function notificationFor(
  before: ConnectionView | undefined,
  after: ConnectionView,
  context: NotifyContext,
): AppNotification | null {
  const w = WORDS[context.language];
  const base = { connectionId: after.id, action: null };
  const was = before?.status;
  if (after.status === 'connected' && was !== 'connected' && !after.attached)
    return {
      ...base,
      kind: 'connected',
      title: w.connected(after.entryName),
      body: context.speedBps
        ? w.speed(bitsPerSecond(context.speedBps, context.language))
        : after.destination,
    };
  if (
    after.status === 'disconnected' &&
    was !== undefined &&
    was !== 'disconnected' &&
    after.error
  ) {
    const text = errorInLanguage(after.error, context.language);
    const code = typeof after.error.code === 'number' ? `${after.error.code}: ` : '';
    return {
      ...base,
      kind: 'disconnected',
      title: w.disconnected(after.entryName),
      body: `${code}${text.message}\n${w.whatToDo(text.remedy)}`,
    };
  }
  const kept = after.attempts === 0;
  // A kept loop tells once, as it starts; its later attempts would come every few minutes.
  if (
    after.status === 'waiting-to-redial' &&
    was !== 'waiting-to-redial' &&
    (!kept || after.attempt <= 1)
  ) {
    const seconds = Math.max(0, Math.ceil(((after.redialAt ?? context.now) - context.now) / 1000));
    const body = !kept
      ? w.redialIn(after.attempt + 1, after.attempts, seconds)
      : after.redialAt === null
        ? w.keptWaitsForNetwork
        : w.keptRedialIn(after.attempt + 1, seconds);
    return {
      ...base,
      kind: 'redialing',
      title: w.redialing(after.entryName),
      body,
      action: { kind: 'cancel', label: kept ? w.stop : w.cancel },
    };
  }
  if (
    after.status === 'paused' &&
    after.paused &&
    (was !== 'paused' || before?.paused?.kind !== after.paused.kind)
  )
    return {
      ...base,
      kind: 'paused',
      title: w.waiting(after.entryName),
      body: w.paused[after.paused.kind],
    };
  return null;
}
