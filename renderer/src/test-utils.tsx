// Component-test helpers: render inside i18next, and a fake window.ras typed from the
// contract, so a drift between the two is a compile error.

import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { EventName, InvokeChannel } from '../../app/ipc/channels';
import type { EventPayload, InvokeResult, Payload, RasApi, Result } from '../../app/ipc/contract';
import { createI18n } from './i18n/i18n';
import { setRasApi } from './ras-api';

export function renderIn(language: 'en' | 'ru', ui: ReactElement) {
  return render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>);
}

type Answers = {
  [C in InvokeChannel]?: (payload: Payload<C>) => Result<C> | InvokeResult<Result<C>>;
};

export interface FakeApi extends RasApi {
  calls: { channel: InvokeChannel; payload: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function fakeApi(answers: Answers = {}): FakeApi {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api: FakeApi = {
    calls: [],
    invoke: vi.fn(async (channel: InvokeChannel, payload: unknown) => {
      api.calls.push({ channel, payload });
      const answer = answers[channel] as ((p: unknown) => unknown) | undefined;
      const value = answer ? answer(payload) : null;
      if (value && typeof value === 'object' && 'ok' in value) return value as never;
      return { ok: true, value } as never;
    }) as RasApi['invoke'],
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
  };
  setRasApi(api);
  return api;
}
