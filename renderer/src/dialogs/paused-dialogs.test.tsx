import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PausedRequest } from '../../../app/connection-view';
import { RasState } from '../../../app/ras/connection-state';
import { renderIn } from '../test-utils';
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
    '%s: continue resumes the dial, focus on Continue',
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
