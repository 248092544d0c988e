// Provisioning in the window: a VPN entry as the PowerShell that recreates it on another
// computer (Copy as PowerShell), and a new entry read from pasted PowerShell or a ProfileXML.
// The reading runs here (the engine in app/provisioning is pure): the entry opens in the editor
// as a new one, so nothing is created until the person saves it there.

import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { WireError } from '../../../app/ipc/contract';
import { englishText, type MessageRef } from '../../../app/ras/app-messages';
import { toErrorInfo } from '../../../app/ras/errors';
import { profileXmlToEntry } from '../../../app/provisioning/profile-xml';
import { powerShellToEntry, type ImportedEntry } from '../../../app/provisioning/vpn-powershell';
import { Dialog, Field, Problem } from '../dialogs/dialog';
import { errorText, wireErrorText } from '../format';
import { copyText } from '../clipboard';
import { rasApi } from '../ras-api';
import { sameEntry, useAppStore, type EntryRef } from '../store/app-store';
import { setPane, type ImportedExtras } from '../store/phonebook-actions';
import '../styles/provisioning.css';

/** A script or a profile is a few kilobytes; a bigger file is the wrong one. */
export const MAX_PROVISION_BYTES = 1024 * 1024;

/** What pasted text is: a ProfileXML starts with '<' (after a byte-order mark and blanks). */
export function provisionKind(text: string): 'xml' | 'powershell' {
  return /^\uFEFF?\s*</.test(text) ? 'xml' : 'powershell';
}

/**
 * A chosen file's text: Windows PowerShell writes UTF-16 (Out-File, ISE) with a byte-order
 * mark; anything else is read as UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** Reads the text into an entry, or the engine's refusal as data (in either language). */
export function readProvisioning(
  text: string,
  name: string,
): { imported: ImportedEntry } | { error: WireError } {
  try {
    const imported =
      provisionKind(text) === 'xml'
        ? profileXmlToEntry(text.replace(/^\uFEFF/, ''), name.trim())
        : powerShellToEntry(text);
    return { imported };
  } catch (error) {
    return { error: toErrorInfo(error) };
  }
}

/** An app message (a note of the engine) in the person's language. */
export function noteText(t: TFunction, note: MessageRef): string {
  return errorText(t, {
    code: 'INVALID_INPUT',
    message: englishText(note),
    key: note.key,
    params: note.params,
  }).message;
}

/** "Copy as PowerShell" on a VPN entry's page; nothing for other entries. */
export function CopyPowerShellButton({ entry }: { entry: EntryRef }) {
  const { t } = useTranslation();
  const type = useAppStore((s) => s.entries.find((e) => sameEntry(e, entry))?.type);
  if (type !== 'vpn') return null;
  return (
    <button type="button" onClick={() => setPane({ kind: 'powershell', ref: entry })}>
      {t('provision.copyAs')}
    </button>
  );
}

function CopyBox({
  label,
  value,
  box,
  rows,
}: {
  label: string;
  value: string;
  box: RefObject<HTMLTextAreaElement | null>;
  rows: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={box}
        id={id}
        className="code-box"
        readOnly
        rows={rows}
        spellCheck={false}
        value={value}
      />
    </div>
  );
}

/** The script and the command line that recreate the entry, each with its Copy button. */
export function PowerShellDialog({ entry }: { entry: EntryRef }) {
  const { t } = useTranslation();
  const [made, setMade] = useState<{ script: string; createLine: string } | null>(null);
  const [refusal, setRefusal] = useState<WireError | null>(null);
  const [copied, setCopied] = useState<'script' | 'line' | null>(null);
  const [selected, setSelected] = useState(false);
  const script = useRef<HTMLTextAreaElement>(null);
  const line = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    let live = true;
    void rasApi()
      .invoke('phonebook:powershell', entry)
      .then((result) => {
        if (!live) return;
        if (result.ok) setMade(result.value);
        else setRefusal(result.error);
      });
    return () => {
      live = false;
    };
  }, [entry.phonebook, entry.name]);
  const copy = (which: 'script' | 'line') => {
    const box = (which === 'script' ? script : line).current;
    if (!box || !made) return;
    void copyText(box.value, { source: box }).then((done) => {
      setCopied(done ? which : null);
      setSelected(!done);
    });
  };
  return (
    <Dialog
      title={t('provision.copyTitle', { name: entry.name })}
      onCancel={() => setPane({ kind: 'entry' })}
      onSubmit={() => copy('script')}
      actions={
        <button type="submit" disabled={!made}>
          {t('provision.copyScript')}
        </button>
      }
    >
      <p>{t('provision.copyText')}</p>
      <CopyBox label={t('provision.script')} value={made?.script ?? ''} box={script} rows={9} />
      <CopyBox
        label={t('provision.createLine')}
        value={made?.createLine ?? ''}
        box={line}
        rows={2}
      />
      <div className="copy-line">
        <button type="button" disabled={!made} onClick={() => copy('line')}>
          {t('provision.copyLine')}
        </button>
        <span role="status" className="copy-status">
          {copied === 'script'
            ? t('provision.copiedScript')
            : copied === 'line'
              ? t('provision.copiedLine')
              : selected
                ? t('provision.selected')
                : ''}
        </span>
      </div>
      <Problem text={refusal && wireErrorText(t, refusal)} />
    </Dialog>
  );
}

/** Paste or choose PowerShell or a ProfileXML; Read opens the entry in the editor. */
export function ProvisionImportDialog({ phonebook }: { phonebook: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const textId = useId();
  const kindId = useId();
  const kind = provisionKind(text);
  const blank = text.trim() === '';

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    if (chosen.size > MAX_PROVISION_BYTES)
      return setProblem(t('provision.tooLarge', { size: '1 MB' }));
    try {
      const read = decodeText(new Uint8Array(await chosen.arrayBuffer()));
      setText(read);
      // A ProfileXML does not name its connection: its file's name is a fair start.
      if (provisionKind(read) === 'xml' && name.trim() === '')
        setName(chosen.name.replace(/\.[^.]*$/, ''));
      setProblem(null);
    } catch {
      setProblem(t('provision.unreadable'));
    }
  };

  const read = () => {
    if (blank) return setProblem(t('provision.empty'));
    const result = readProvisioning(text, name);
    if ('error' in result) return setProblem(wireErrorText(t, result.error));
    const { entry, ...extras } = result.imported;
    const imported: ImportedExtras = extras;
    setPane({
      kind: 'editor',
      mode: 'new',
      phonebook,
      entry,
      originalName: null,
      revision: undefined,
      credentials: null,
      imported,
    });
  };

  return (
    <Dialog
      title={t('provision.importTitle')}
      onCancel={() => setPane({ kind: 'entry' })}
      onSubmit={read}
      actions={<button type="submit">{t('provision.read')}</button>}
    >
      <p>{t('provision.importText')}</p>
      <div className="field">
        <label htmlFor={textId}>{t('provision.text')}</label>
        <textarea
          id={textId}
          className="code-box"
          rows={8}
          spellCheck={false}
          aria-describedby={blank ? undefined : kindId}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
        />
      </div>
      <div className="copy-line">
        <button type="button" onClick={() => file.current?.click()}>
          {t('provision.chooseFile')}
        </button>
        {/* The browser's own file choice: the window reads only the file the person picks. */}
        <input
          ref={file}
          type="file"
          hidden
          tabIndex={-1}
          accept=".ps1,.xml,.txt,text/plain,text/xml,application/xml"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {!blank && (
          <span id={kindId} className="hint">
            {kind === 'xml' ? t('provision.kindXml') : t('provision.kindPowerShell')}
          </span>
        )}
      </div>
      {kind === 'xml' && !blank && (
        <Field
          label={t('provision.name')}
          value={name}
          maxLength={256}
          onChange={(e) => setName(e.target.value)}
        />
      )}
      <Problem text={problem} />
    </Dialog>
  );
}

/** At the top of the editor of an imported entry: what the text said that was not applied. */
export function ImportNotes({ imported }: { imported: ImportedExtras }) {
  const { t } = useTranslation();
  const headingId = useId();
  const lines = imported.notes.map((note) => noteText(t, note));
  if (imported.allUsers) lines.push(t('provision.allUsers'));
  if (lines.length === 0) return null;
  return (
    <section className="import-notes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('provision.notesTitle')}</h2>
      <ul>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
