import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Payload } from '../../../app/ipc/contract';
import { useAppStore } from '../store/app-store';
import { fakeApi, renderIn } from '../test-utils';
import { ExportDialog } from './transfer-dialogs';

const BOOK = '/home/p/rasphone.pbk';

function exportCalls(api: ReturnType<typeof fakeApi>) {
  return api.calls
    .filter((c) => c.channel === 'phonebook:export')
    .map((c) => c.payload as Payload<'phonebook:export'>);
}

function showEntries() {
  useAppStore.setState({
    entries: [{ name: 'Office VPN', phonebook: BOOK, type: 'vpn', destination: 'vpn.example.com' }],
    selected: { phonebook: BOOK, name: 'Office VPN' },
  });
}

describe('the Export dialog and a file that exists', () => {
  it('asks before replacing a typed path, and replaces only when told', async () => {
    const api = fakeApi({
      'file:choose': () => ({ typed: true }),
      'phonebook:export': ({ overwrite }) =>
        overwrite
          ? { count: 1, file: '/tmp/out.pbk' }
          : {
              ok: false,
              error: { code: 'FILE_EXISTS', name: 'FILE_EXISTS', message: 'exists' },
            },
    });
    showEntries();
    renderIn('en', <ExportDialog phonebook={BOOK} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose the file…' }));
    fireEvent.change(await screen.findByLabelText('Path of the .pbk file'), {
      target: { value: '/tmp/out.pbk' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    expect((await screen.findByRole('alert')).textContent).toContain('/tmp/out.pbk exists already');
    expect(exportCalls(api)).toEqual([
      { phonebook: BOOK, file: '/tmp/out.pbk', names: ['Office VPN'], overwrite: false },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
    await expect.poll(() => exportCalls(api).length).toBe(2);
    expect(exportCalls(api)[1]!.overwrite).toBe(true);
  });

  it('replaces a file the system dialog chose (it asked already)', async () => {
    const api = fakeApi({
      'file:choose': () => ({ file: '/tmp/chosen.pbk' }),
      'phonebook:export': () => ({ count: 1, file: '/tmp/chosen.pbk' }),
    });
    showEntries();
    renderIn('en', <ExportDialog phonebook={BOOK} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose the file…' }));
    await expect.poll(() => exportCalls(api).length).toBe(1);
    expect(exportCalls(api)[0]!.overwrite).toBe(true);
  });
});
