import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PausedRequest } from '../../../app/connection-view';
import { RasState } from '../../../app/ras/connection-state';
import { act } from 'react';
import type { Result } from '../../../app/ipc/contract';
import { renderIn, fakeApi } from '../test-utils';
import { useAppStore } from '../store/app-store';
import { PausedDialog } from './paused-dialogs';

const request = (
  kind: PausedRequest['kind'],
  extra: Partial<PausedRequest> = {},
): PausedRequest => ({
  kind,
  state: {
    callback: RasState.CallbackSetByCaller,
    'retry-authentication': RasState.RetryAuthentication,
    'new-password': RasState.PasswordExpired,
    eap: RasState.InvokeEapUI,
    interactive: RasState.Interactive,
  }[kind],
  retry: 1,
  reason: 'reason',
  userName: 'alice',
  domain: 'CORP',
  ...extra,
});

function open(
  kind: PausedRequest['kind'],
  extra: Partial<PausedRequest> = {},
  language: 'en' | 'ru' = 'en',
) {
  const onAnswer = vi.fn();
  const onCancel = vi.fn();
  renderIn(
    language,
    <PausedDialog
      connectionId="c1"
      entryName="Office VPN"
      paused={request(kind, extra)}
      onAnswer={onAnswer}
      onCancel={onCancel}
    />,
  );
  return { onAnswer, onCancel, user: userEvent.setup() };
}

describe('paused-state dialogs', () => {
  it('callback: focus in the number, Enter calls back that number', async () => {
    const { onAnswer, user } = open('callback');
    expect(screen.getByRole('dialog', { name: 'Callback — Office VPN' })).toBeTruthy();
    const number = screen.getByLabelText('Callback number');
    expect(document.activeElement).toBe(number);
    await user.type(number, '555 0142{Enter}');
    expect(onAnswer).toHaveBeenCalledWith({ kind: 'callback', callbackNumber: '555 0142' });
  });

  it('callback: "don’t call me back" continues on this call', async () => {
    const { onAnswer, user } = open('callback');
    expect(
      (screen.getByRole('button', { name: 'Call me back' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Don’t call me back' }));
    expect(onAnswer).toHaveBeenCalledWith({ kind: 'callback', callbackNumber: '' });
  });

  it('retry authentication: shows the attempt and the reason, prefills user and domain', async () => {
    const { onAnswer, user } = open('retry-authentication', { retry: 2 });
    expect(screen.getByText('Attempt 2.')).toBeTruthy();
    expect(screen.getByText(/combination was rejected/)).toBeTruthy();
    expect((screen.getByLabelText('User name') as HTMLInputElement).value).toBe('alice');
    expect((screen.getByLabelText('Domain') as HTMLInputElement).value).toBe('CORP');
    expect(document.activeElement).toBe(screen.getByLabelText('User name'));
    await user.type(screen.getByLabelText('Password'), 'right{Enter}');
    expect(onAnswer).toHaveBeenCalledWith({
      kind: 'retry-authentication',
      userName: 'alice',
      password: 'right',
      domain: 'CORP',
    });
  });

  it('new password: shows a mismatch before submit and submits only matching passwords', async () => {
    const { onAnswer, user } = open('new-password');
    const submit = screen.getByRole('button', { name: 'Change password' }) as HTMLButtonElement;
    await user.type(screen.getByLabelText('New password'), 'one');
    await user.type(screen.getByLabelText('Type the new password again'), 'two');
    expect(screen.getByRole('alert').textContent).toBe('The two passwords differ.');
    expect(submit.disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(onAnswer).not.toHaveBeenCalled();
    await user.clear(screen.getByLabelText('Type the new password again'));
    await user.type(screen.getByLabelText('Type the new password again'), 'one{Enter}');
    expect(onAnswer).toHaveBeenCalledWith({ kind: 'new-password', password: 'one' });
  });

  it.each(['eap', 'interactive'] as const)(
    '%s on Windows: continue resumes the dial, focus on Continue',
    async (kind) => {
      const { onAnswer, user } = open(kind);
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Continue' }));
      await user.keyboard('{Enter}');
      expect(onAnswer).toHaveBeenCalledWith({ kind });
    },
  );

  it.each(['callback', 'retry-authentication', 'new-password', 'eap', 'interactive'] as const)(
    '%s: Escape and Cancel hang up',
    async (kind) => {
      const { onCancel, onAnswer, user } = open(kind);
      fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(onCancel).toHaveBeenCalledTimes(2);
      expect(onAnswer).not.toHaveBeenCalled();
    },
  );

  it('retry authentication: Tab goes round the dialog, Escape from the password hangs up', async () => {
    const { onCancel, onAnswer, user } = open('retry-authentication');
    const order = ['User name', 'Password', 'Domain'].map((label) => screen.getByLabelText(label));
    order.push(
      screen.getByRole('button', { name: 'Sign in' }),
      screen.getByRole('button', { name: 'Cancel' }),
    );
    for (let i = 1; i <= 12; i++) {
      await user.tab();
      expect(document.activeElement).toBe(order[i % order.length]);
    }
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(order[1]);
    await user.keyboard('abc{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('speaks Russian', () => {
    open('new-password', {}, 'ru');
    expect(
      screen.getByRole('dialog', { name: 'Срок действия пароля истёк — Office VPN' }),
    ).toBeTruthy();
    expect(screen.getByLabelText('Новый пароль')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Отмена' })).toBeTruthy();
  });
});

/** The simulated backend: its terminal window and its EAP method have dialogs of their own. */
function simulated(): void {
  useAppStore.setState({ info: { backend: 'simulated' } as Result<'app:info'> });
}

const screenOf = (
  text: string,
  extra: { hideInput?: boolean; ready?: boolean; closed?: boolean } = {},
) =>
  act(() =>
    useAppStore.setState({
      terminals: { c1: { text, hideInput: false, ready: false, closed: false, ...extra } },
    }),
  );

describe('the terminal window of the simulated server', () => {
  it('shows the remote text in a log, sends each typed line with Enter, masks a password prompt', async () => {
    simulated();
    const api = fakeApi();
    await screenOf('Banner\r\nUsername: ');
    const { onAnswer, user } = open('interactive');
    const log = screen.getByRole('log', { name: 'Remote computer' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.textContent).toBe('Banner\nUsername: ');
    const input = screen.getByLabelText('Type to the remote computer') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await user.type(input, 'alice{Enter}');
    expect(api.calls).toEqual([
      { channel: 'connection:terminal-send', payload: { id: 'c1', text: 'alice\r' } },
    ]);
    expect(input.value).toBe('');
    await screenOf('Banner\r\nUsername: alice\r\nPassword: ', { hideInput: true });
    const hidden = screen.getByLabelText('Type to the remote computer (not shown)');
    expect((hidden as HTMLInputElement).type).toBe('password');
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('offers "Continue anyway" until the remote side starts PPP, then focuses Continue', async () => {
    simulated();
    fakeApi();
    await screenOf('Username: ');
    const { onAnswer, user } = open('interactive');
    expect(screen.getByRole('status').textContent).toMatch(
      /continuing earlier makes the dial fail/,
    );
    expect(screen.getByRole('button', { name: 'Continue anyway' })).toBeTruthy();
    await screenOf('Starting PPP...\r\n', { ready: true });
    const go = screen.getByRole('button', { name: 'Continue' });
    expect(document.activeElement).toBe(go);
    expect(screen.getByRole('status').textContent).toMatch(/started PPP/);
    await user.keyboard('{Enter}');
    expect(onAnswer).toHaveBeenCalledWith({ kind: 'interactive' });
  });

  it('says when the remote side hung up, and sends nothing more', async () => {
    simulated();
    const api = fakeApi();
    await screenOf('Username: bye\r\nGoodbye.\r\n', { closed: true });
    const { user } = open('interactive');
    expect(screen.getByRole('status').textContent).toBe('The remote computer hung up.');
    await user.keyboard('x{Enter}');
    expect(api.calls).toEqual([]);
  });

  it('continues anyway when asked to, before the login', async () => {
    simulated();
    fakeApi();
    const { onAnswer, user } = open('interactive');
    await user.click(screen.getByRole('button', { name: 'Continue anyway' }));
    expect(onAnswer).toHaveBeenCalledWith({ kind: 'interactive' });
  });

  it('speaks Russian', () => {
    simulated();
    fakeApi();
    open('interactive', {}, 'ru');
    expect(screen.getByRole('log', { name: 'Удалённый компьютер' })).toBeTruthy();
    expect(screen.getByLabelText('Ввод для удалённого компьютера')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Всё равно продолжить' })).toBeTruthy();
  });
});

describe('the EAP method of the simulated server: a token card', () => {
  it('takes a user name and a six-digit code; Enter signs in only with both', async () => {
    simulated();
    const { onAnswer, user } = open('eap');
    expect(screen.getByText(/Simulated token card/)).toBeTruthy();
    const name = screen.getByLabelText('User name') as HTMLInputElement;
    expect(name.value).toBe('alice');
    expect(document.activeElement).toBe(name);
    const code = screen.getByLabelText('One-time code') as HTMLInputElement;
    const submit = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
    await user.type(code, '12a345');
    expect(code.value).toBe('12345');
    expect(submit.disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(onAnswer).not.toHaveBeenCalled();
    await user.type(code, '6{Enter}');
    expect(onAnswer).toHaveBeenCalledWith({
      kind: 'eap',
      tokenCard: { userName: 'alice', code: '123456' },
    });
  });

  it('says when the code was refused and which attempt this is', () => {
    simulated();
    open('eap', { retry: 2 });
    expect(screen.getByRole('alert').textContent).toBe('The code was not accepted. Attempt 2.');
  });

  it('speaks Russian', () => {
    simulated();
    open('eap', {}, 'ru');
    expect(screen.getByLabelText('Одноразовый код')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Войти' })).toBeTruthy();
  });
});
