import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PaneDialogs } from '../components/app';
import { DeleteDialog, RenameDialog } from '../components/entry-questions';
import { useAppStore } from '../store/app-store';
import { fakeApi, renderIn } from '../test-utils';
import { Dialog, Field } from './dialog';

const BOOK = '/home/p/rasphone.pbk';

/** A window in small: a list and a button behind, and the dialog the button opens. */
function Window({
  onCancel = () => undefined,
  keepOpener = true,
}: {
  onCancel?: () => void;
  keepOpener?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <div role="listbox" tabIndex={0} aria-label="Phonebook" />
      <button type="button">New</button>
      {(keepOpener || !open) && (
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
      )}
      {open && (
        <Dialog
          title="Question"
          onSubmit={close}
          onCancel={() => {
            onCancel();
            close();
          }}
          actions={<button type="submit">OK</button>}
        >
          <Field label="First" defaultValue="" />
          <Field label="Second" defaultValue="" />
        </Dialog>
      )}
    </>
  );
}

function openWindow(props: Parameters<typeof Window>[0] = {}) {
  const view = renderIn('en', <Window {...props} />);
  const user = userEvent.setup();
  return { ...view, user };
}

const insideDialog = () => !!document.activeElement?.closest('[role="dialog"]');

describe('the modal dialog', () => {
  it('is a labelled div with aria-modal around the form, not a form with a role', async () => {
    const { user } = openWindow();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Question' });
    expect(dialog.tagName).toBe('DIV');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.querySelector('form')).not.toBeNull();
    expect(document.querySelector('form[role]')).toBeNull();
    // Rendered on the body, beside the window rather than inside it.
    expect(dialog.parentElement?.parentElement).toBe(document.body);
  });

  it('Tab and Shift+Tab cycle inside the dialog', async () => {
    const { user } = openWindow();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const first = screen.getByLabelText('First');
    expect(document.activeElement).toBe(first);
    const order = [];
    for (let i = 0; i < 12; i++) {
      await user.tab();
      expect(insideDialog()).toBe(true);
      order.push(document.activeElement);
    }
    expect(order.slice(0, 4)).toEqual([
      screen.getByLabelText('Second'),
      screen.getByRole('button', { name: 'OK' }),
      screen.getByRole('button', { name: 'Cancel' }),
      first,
    ]);
    first.focus();
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    for (let i = 0; i < 12; i++) {
      await user.tab({ shift: true });
      expect(insideDialog()).toBe(true);
    }
  });

  it('makes the window behind inert while it is open, and only then', async () => {
    const { user, container } = openWindow();
    expect(container.hasAttribute('inert')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(container.hasAttribute('inert')).toBe(true);
    expect(screen.getByRole('dialog').closest('[inert]')).toBeNull();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(container.hasAttribute('inert')).toBe(false);
  });

  it('counts dialogs over dialogs: the window stays inert until the last one closes', () => {
    function Two() {
      const [count, setCount] = useState(2);
      return (
        <>
          <button type="button" onClick={() => setCount((c) => c - 1)}>
            Behind
          </button>
          {count >= 1 && (
            <Dialog
              title="Lower"
              onSubmit={() => undefined}
              onCancel={() => setCount(0)}
              actions={null}
            >
              <Field label="Lower field" />
            </Dialog>
          )}
          {count >= 2 && (
            <Dialog
              title="Upper"
              onSubmit={() => undefined}
              onCancel={() => setCount(1)}
              actions={null}
            >
              <Field label="Upper field" />
            </Dialog>
          )}
        </>
      );
    }
    const { container } = renderIn('en', <Two />);
    const lower = () => screen.getByRole('dialog', { name: 'Lower' });
    expect(container.hasAttribute('inert')).toBe(true);
    // Only the upper dialog answers: the lower one is behind it.
    expect(lower().closest('[inert]')).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Upper field'));
    fireEvent.keyDown(screen.getByLabelText('Upper field'), { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Upper' })).toBeNull();
    expect(container.hasAttribute('inert')).toBe(true);
    expect(lower().closest('[inert]')).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Lower field'));
    fireEvent.keyDown(screen.getByLabelText('Lower field'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(container.hasAttribute('inert')).toBe(false);
  });

  it('Escape from a field inside cancels, once', async () => {
    const onCancel = vi.fn();
    const { user } = openWindow({ onCancel });
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.type(screen.getByLabelText('Second'), 'abc');
    await user.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('gives focus back to the element that opened it, after Cancel, Escape or submit', async () => {
    const { user } = openWindow();
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    await user.keyboard('{Enter}');
    expect(insideDialog()).toBe(true);
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(opener);
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(opener);
    await user.keyboard('{Enter}');
    await user.keyboard('{Enter}'); // submits from the first field
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('gives focus to the entry list when the element that opened it is gone', async () => {
    const { user } = openWindow({ keepOpener: false });
    screen.getByRole('button', { name: 'Open' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('button', { name: 'Open' })).toBeNull();
    await user.keyboard('{Escape}');
    expect(document.activeElement).toBe(screen.getByRole('listbox'));
  });

  it('waits for an opener that cannot take focus yet (a button disabled while hanging up)', async () => {
    function Hanging() {
      const [state, setState] = useState<'idle' | 'asking' | 'hanging-up'>('idle');
      return (
        <>
          <button
            type="button"
            disabled={state === 'hanging-up'}
            onClick={() => setState('asking')}
          >
            Connect
          </button>
          {state === 'asking' && (
            <Dialog
              title="Paused"
              onSubmit={() => undefined}
              onCancel={() => {
                setState('hanging-up');
                setTimeout(() => setState('idle'), 120);
              }}
              actions={null}
            />
          )}
        </>
      );
    }
    renderIn('en', <Hanging />);
    const user = userEvent.setup();
    const connect = screen.getByRole('button', { name: 'Connect' });
    connect.focus();
    await user.keyboard('{Enter}');
    expect(insideDialog()).toBe(true);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(document.activeElement).toBe(connect));
  });
});

describe('rename and delete', () => {
  const entries = [
    { name: 'Office VPN', phonebook: BOOK, type: 'vpn' as const, destination: 'vpn.example.com' },
    { name: 'Dial-up', phonebook: BOOK, type: 'phone' as const, destination: '555' },
  ];
  const ref = { phonebook: BOOK, name: 'Office VPN' };

  /** The window's way: the pane says which question is asked. */
  function Questions() {
    const pane = useAppStore((s) => s.pane);
    return (
      <>
        <div role="listbox" tabIndex={0} aria-label="Phonebook" />
        {pane.kind === 'rename' && <RenameDialog entry={pane.ref} />}
        {pane.kind === 'delete' && <DeleteDialog entry={pane.ref} />}
      </>
    );
  }

  it('Delete asks with the focus on Cancel, not on the destructive button', async () => {
    fakeApi();
    useAppStore.setState({ entries, selected: ref });
    renderIn('en', <Questions />);
    screen.getByRole('listbox').focus();
    act(() => useAppStore.setState({ pane: { kind: 'delete', ref } }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.setup().keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('listbox'));
  });

  it('Rename starts with the name selected; typing replaces it; focus comes back after', async () => {
    const api = fakeApi({ 'phonebook:rename': () => null });
    useAppStore.setState({ entries, selected: ref });
    renderIn('en', <Questions />);
    screen.getByRole('listbox').focus();
    act(() => useAppStore.setState({ pane: { kind: 'rename', ref } }));
    const input = screen.getByLabelText('Entry name') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'Office VPN'.length]);
    const user = userEvent.setup();
    await user.keyboard('Branch VPN{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.calls.find((c) => c.channel === 'phonebook:rename')?.payload).toEqual({
      ...ref,
      newName: 'Branch VPN',
    });
    expect(document.activeElement).toBe(screen.getByRole('listbox'));
  });

  it('shows a refused delete inside the Delete dialog, which stays open with the focus in it', async () => {
    const api = fakeApi({
      'phonebook:delete': () => ({
        ok: false,
        error: {
          code: 'ALREADY_ACTIVE',
          name: 'ALREADY_ACTIVE',
          message: 'Hang up "Office VPN" before deleting it.',
        },
      }),
    });
    useAppStore.setState({ entries, selected: ref });
    renderIn('en', <PaneDialogs />);
    act(() => useAppStore.setState({ pane: { kind: 'delete', ref } }));
    const dialog = screen.getByRole('dialog');
    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/\S/);
    expect(screen.getAllByRole('alert')).toEqual([alert]);
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(useAppStore.getState().failure).toBeNull();
    expect(api.calls.filter((c) => c.channel === 'phonebook:delete')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
