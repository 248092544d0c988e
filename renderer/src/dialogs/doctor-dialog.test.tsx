import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DoctorCheck, DoctorVerdict } from '../../../app/doctor/doctor-result';
import type { HistoryRecord, InvokeResult, Payload, RasApi } from '../../../app/ipc/contract';
import { makeEntry } from '../../../app/phonebook/entry';
import { VPN_STRATEGIES } from '../../../app/phonebook/entry-settings';
import { messageRef } from '../../../app/ras/app-messages';
import { describeError } from '../../../app/ras/errors';
import { HistoryList } from '../components/history-list';
import { FailureBox } from '../components/redial-controls';
import { useAppStore } from '../store/app-store';
import { closeDoctor, type DoctorReport } from '../store/doctor-store';
import { fakeApi, renderIn, type FakeApi } from '../test-utils';
import { DoctorDialog } from './doctor-dialog';

const APP = '/data/rasphone.pbk';
const ref = { phonebook: APP, name: 'Office VPN' };
const office = makeEntry('Office VPN', 'vpn', ['vpn.example.com'], {
  vpnStrategy: VPN_STRATEGIES.pptpOnly,
});

const name: DoctorCheck = {
  id: 'name',
  status: 'ok',
  summary: messageRef('doctor.name.resolved', {
    host: 'vpn.example.com',
    addresses: '192.0.2.10',
    servers: '192.0.2.53',
  }),
};
const pptp: DoctorCheck = {
  id: 'tcp1723',
  status: 'fail',
  summary: messageRef('doctor.port.refused', {
    port: 1723,
    protocol: 'PPTP',
    address: '192.0.2.10',
  }),
};
const strategy: DoctorCheck = {
  id: 'strategy',
  status: 'fail',
  summary: messageRef('doctor.strategy.other', { tried: 'PPTP', open: 'SSTP' }),
  fix: {
    action: messageRef('doctor.fix.strategy', { protocol: 'SSTP' }),
    change: { vpnStrategy: VPN_STRATEGIES.sstpFirst },
  },
};
const verdict: DoctorVerdict = {
  code: 809,
  cause: 'strategy',
  status: 'explained',
  summary: strategy.summary,
  fix: strategy.fix,
};

afterEach(() => {
  act(() => closeDoctor());
});

interface Run {
  payload: Payload<'doctor:run'>;
  finish(result?: InvokeResult<DoctorReport>): void;
}

/** A fake API whose doctor:run waits until the test finishes it, as main's does. */
function withDoctor(): { api: FakeApi; runs: Run[] } {
  const api = fakeApi({
    'phonebook:get': () => ({
      entry: office,
      credentials: { userName: '', domain: '', hasPassword: false, hasPreSharedKey: false },
      revision: 'rev-7',
      otherSettings: [],
    }),
    'phonebook:update': () => null,
  });
  const runs: Run[] = [];
  const invoke = api.invoke;
  api.invoke = ((channel: Parameters<RasApi['invoke']>[0], payload: unknown) => {
    if (channel !== 'doctor:run') return invoke(channel, payload as never);
    api.calls.push({ channel, payload });
    return new Promise<InvokeResult<DoctorReport>>((resolve) =>
      runs.push({
        payload: payload as Payload<'doctor:run'>,
        finish: (result) =>
          resolve(
            result ?? {
              ok: true,
              value: {
                failure: { code: 809, connectedSeconds: null },
                checks: [name, pptp, strategy],
                verdict,
              },
            },
          ),
      }),
    );
  }) as unknown as RasApi['invoke'];
  return { api, runs };
}

function show(language: 'en' | 'ru', code: number | string, history: HistoryRecord[] = []) {
  useAppStore.setState({ history });
  const error = typeof code === 'number' ? describeError(code) : { code, message: code };
  return renderIn(
    language,
    <>
      <FailureBox error={error} onRedial={() => undefined} entry={ref} />
      <DoctorDialog />
    </>,
  );
}

function drop(connectedFor: number): HistoryRecord {
  return {
    id: 'h1',
    entryName: ref.name,
    phonebook: APP,
    startedAt: 1000,
    endedAt: 1000 + connectedFor,
    outcome: 'connected',
    connectedFor,
    error: null,
    timeline: { startedAt: null, rows: [] },
    ended: 'dropped',
    endCode: 629,
  };
}

describe('Find out why', () => {
  it('is offered for an error the doctor explains, and not for one it does not', () => {
    withDoctor();
    const { unmount } = show('en', 809);
    expect(screen.getByRole('button', { name: 'Find out why' })).toBeTruthy();
    unmount();
    show('en', 676);
    expect(screen.queryByRole('button', { name: 'Find out why' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Redial' })).toBeTruthy();
  });

  it('is offered for 629 only after a short connection, by the entry’s history', () => {
    withDoctor();
    const short = show('en', 629, [drop(20_000)]);
    expect(screen.queryByRole('button', { name: 'Find out why' })).not.toBeNull();
    short.unmount();
    show('en', 629, [drop(3_600_000)]);
    expect(screen.queryByRole('button', { name: 'Find out why' })).toBeNull();
  });

  it('shows each check as it arrives, then the verdict, and applies the fix with one click', async () => {
    const { api, runs } = withDoctor();
    show('en', 809);
    const user = userEvent.setup();
    expect(api.calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Find out why' }));
    const dialog = await screen.findByRole('dialog', { name: 'Find out why “Office VPN” failed' });
    expect(runs).toHaveLength(1);
    const { runId } = runs[0]!.payload;
    expect(runs[0]!.payload).toEqual({ phonebook: APP, name: 'Office VPN', code: 809, runId });
    expect(within(dialog).getByText(/^The failure: Error 809:/)).toBeTruthy();
    expect(dialog.querySelector('.doctor-verdict')!.textContent).toBe('Checking…');

    act(() => {
      api.emit('doctor:check', { runId, check: name });
      api.emit('doctor:check', { runId: 'someone-else', check: pptp });
    });
    const list = within(dialog).getByRole('list', { name: 'Checks' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Server name passedvpn.example.com resolves to 192.0.2.10 (DNS servers: 192.0.2.53).',
    ]);
    expect(within(dialog).queryByRole('button', { name: /^Apply/ })).toBeNull();

    act(() => api.emit('doctor:check', { runId, check: pptp }));
    expect(within(list).getAllByRole('listitem')[1]!.textContent).toBe(
      'TCP 1723 (PPTP) failedTCP 1723 (PPTP) on 192.0.2.10 refuses connections: nothing listens there.',
    );
    await act(async () => runs[0]!.finish());
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    const verdictBox = dialog.querySelector<HTMLElement>('.doctor-verdict')!;
    expect(within(verdictBox).getByRole('heading', { name: 'Verdict' })).toBeTruthy();
    expect(verdictBox.textContent).toContain(
      'What to do: Switch the entry’s VPN type to SSTP first.',
    );

    await user.click(
      within(dialog).getByRole('button', {
        name: 'Apply: Switch the entry’s VPN type to SSTP first.',
      }),
    );
    await waitFor(() =>
      expect(within(dialog).getByText('Saved in the entry. Connect again to try it.')).toBeTruthy(),
    );
    const update = api.calls.find((c) => c.channel === 'phonebook:update');
    expect(update?.payload).toEqual({
      phonebook: APP,
      originalName: 'Office VPN',
      entry: { ...office, vpnStrategy: VPN_STRATEGIES.sstpFirst },
      revision: 'rev-7',
    });
    expect(within(dialog).queryByRole('button', { name: /^Apply/ })).toBeNull();
  });

  it('says the checks and the verdict in Russian', async () => {
    const { runs } = withDoctor();
    show('ru', 809);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Выяснить причину' }));
    const dialog = await screen.findByRole('dialog');
    await act(async () => runs[0]!.finish());
    const items = within(dialog).getAllByRole('listitem');
    expect(items[0]!.textContent).toMatch(/^Имя сервера пройдена/);
    expect(items[1]!.textContent).toMatch(/^Порт TCP 1723 \(PPTP\) не пройдена/);
    expect(within(dialog).getByRole('heading', { name: 'Вывод' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: /^Применить: / })).toBeTruthy();
  });

  it('copies the report as text', async () => {
    const { runs } = withDoctor();
    show('en', 809);
    // user-event puts a clipboard of its own in place, which the test reads back.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Find out why' }));
    await act(async () => runs[0]!.finish());
    await user.click(screen.getByRole('button', { name: 'Copy report' }));
    const text = await navigator.clipboard.readText();
    expect(text.split('\n')).toEqual([
      'Find out why “Office VPN” failed',
      expect.stringMatching(/^The failure: Error 809: /),
      '',
      '[passed] Server name: vpn.example.com resolves to 192.0.2.10 (DNS servers: 192.0.2.53).',
      '[failed] TCP 1723 (PPTP): TCP 1723 (PPTP) on 192.0.2.10 refuses connections: nothing listens there.',
      '[failed] VPN type: The entry tries PPTP only, and that does not answer; SSTP answers.',
      '',
      'Verdict: The entry tries PPTP only, and that does not answer; SSTP answers.',
      'What to do: Switch the entry’s VPN type to SSTP first.',
    ]);
    expect(await screen.findByText('The report is on the clipboard.')).toBeTruthy();
  });

  it('shows a refused run in the dialog, in the person’s language', async () => {
    const { runs } = withDoctor();
    show('en', 809);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Find out why' }));
    const dialog = await screen.findByRole('dialog');
    await act(async () =>
      runs[0]!.finish({
        ok: false,
        error: {
          code: 'ALREADY_ACTIVE',
          name: 'ALREADY_ACTIVE',
          message: 'busy',
          key: 'doctor.busy',
          params: { entry: 'Office VPN' },
        },
      }),
    );
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'The doctor is already looking into "Office VPN"; wait for it to finish.',
    );
    expect(within(dialog).queryByText('Checking…')).toBeNull();
  });

  it('is offered under a failed attempt of the entry’s history, for that attempt’s error', async () => {
    const { runs } = withDoctor();
    const failed: HistoryRecord = {
      ...drop(0),
      id: 'failed',
      outcome: 'failed',
      connectedFor: null,
      error: describeError(868),
      ended: null,
      endCode: null,
    };
    const busy: HistoryRecord = {
      ...failed,
      id: 'busy',
      startedAt: 500,
      error: describeError(676),
    };
    renderIn(
      'en',
      <>
        <HistoryList records={[failed, busy]} showEntry={false} />
        <DoctorDialog />
      </>,
    );
    const user = userEvent.setup();
    const [first, second] = screen.getAllByRole('button', { expanded: false });
    await user.click(second!);
    expect(screen.queryByRole('button', { name: 'Find out why' })).toBeNull();
    await user.click(first!);
    await user.click(screen.getByRole('button', { name: 'Find out why' }));
    await screen.findByRole('dialog');
    expect(runs[0]!.payload).toMatchObject({ phonebook: APP, name: 'Office VPN', code: 868 });
  });
});
