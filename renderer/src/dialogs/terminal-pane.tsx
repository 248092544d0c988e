// The terminal window of a dial paused in Interactive, as rasphone's: what the remote computer
// prints, a line to type into (masked while it asks for a password), and Continue. Where the
// backend has no way to talk to the port (Windows), it says so and offers Continue as before.

import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rasApi } from '../ras-api';
import { terminalSend, useAppStore } from '../store/app-store';
import { Dialog, Field } from './dialog';
import type { PausedDialogProps } from './paused-dialogs';
import '../styles/terminal-pane.css';

/** The longest line the remote side reads (terminal-script.ts). */
const MAX_LINE = 256;

export function InteractiveDialog(props: PausedDialogProps) {
  const hasTerminal = useAppStore((s) => s.info?.backend === 'simulated');
  return hasTerminal ? <TerminalPane {...props} /> : <NoTerminal {...props} />;
}

function NoTerminal({ entryName, onAnswer, onCancel }: PausedDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={`${t('dialog.interactive.title')} — ${entryName}`}
      onSubmit={() => onAnswer({ kind: 'interactive' })}
      onCancel={onCancel}
      actions={<button type="submit">{t('dialog.continue')}</button>}
    >
      <p>{t('dialog.interactive.text')}</p>
    </Dialog>
  );
}

/** A terminal shows CR LF as one line end and has no use for a lone CR. */
function shown(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function TerminalPane({ connectionId, entryName, onAnswer, onCancel }: PausedDialogProps) {
  const { t } = useTranslation();
  const screen = useAppStore((s) => s.terminals[connectionId]);
  const [line, setLine] = useState('');
  const log = useRef<HTMLPreElement>(null);
  const continueButton = useRef<HTMLButtonElement>(null);
  const ready = screen?.ready ?? false;
  const hidden = screen?.hideInput ?? false;
  const closed = screen?.closed ?? false;
  const text = shown(screen?.text ?? '');

  useLayoutEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [text]);
  // Once the remote side has started PPP, Enter on the focused button is all that is left.
  useLayoutEffect(() => {
    if (ready) continueButton.current?.focus();
  }, [ready]);

  const send = (): void => {
    if (closed) return;
    void terminalSend(rasApi(), connectionId, line);
    setLine('');
  };
  return (
    <Dialog
      title={`${t('dialog.interactive.title')} — ${entryName}`}
      onSubmit={send}
      onCancel={onCancel}
      actions={
        <>
          <button type="submit" className={ready ? 'quiet' : undefined}>
            {t('terminal.send')}
          </button>
          <button
            ref={continueButton}
            type="button"
            className={ready ? 'primary' : undefined}
            aria-describedby="terminal-progress"
            onClick={() => onAnswer({ kind: 'interactive' })}
          >
            {ready ? t('terminal.continue') : t('terminal.continueAnyway')}
          </button>
        </>
      }
    >
      <pre
        ref={log}
        className="terminal-screen"
        role="log"
        aria-live="polite"
        aria-label={t('terminal.screen')}
        // Scrollable, so it must be reachable to scroll from the keyboard.
        tabIndex={0}
      >
        {text}
      </pre>
      <Field
        label={hidden ? t('terminal.inputHidden') : t('terminal.input')}
        className="terminal-input"
        type={hidden ? 'password' : 'text'}
        value={line}
        maxLength={MAX_LINE}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        onChange={(e) => setLine(e.target.value)}
      />
      <p id="terminal-progress" role="status" className="terminal-progress">
        {closed ? t('terminal.closed') : ready ? t('terminal.ready') : t('terminal.waiting')}
      </p>
    </Dialog>
  );
}
