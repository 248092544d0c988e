// A modal dialog as every dialog of the window uses it (the paused states, rename and delete,
// import, export, open). It is drawn on document.body over the window, and while it is open
// everything else on the body is inert: not focusable, not clickable, hidden from screen
// readers (a dialog over a dialog makes the lower one inert too). Focus goes to the first
// field (or `initialFocus`), Tab and Shift+Tab cycle inside, Enter submits, Escape from
// anywhere cancels, and on closing focus goes back to the element that opened it, or, when
// that is gone, to the entry list.

import {
  createContext,
  useContext,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentPropsWithRef,
  type ReactNode,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { WireError } from '../../../app/ipc/contract';
import { wireErrorText } from '../format';

/**
 * A refusal of what the dialog asked main for (a rename, a delete, an open): every dialog
 * under it shows it inside itself, so it is read out and seen where the person is, not behind
 * the backdrop. The dialog stays open and keeps the focus.
 */
export const DialogRefusal = createContext<WireError | null>(null);

export interface DialogProps {
  title: string;
  children?: ReactNode;
  /** The buttons besides Cancel; the first submit button answers on Enter. */
  actions: ReactNode;
  onSubmit: () => void;
  onCancel: () => void;
  /**
   * What has focus when the dialog opens: by default the first field, else the first submit
   * button; 'cancel' for a question whose answer destroys something; or an element of its own.
   */
  initialFocus?: 'cancel' | RefObject<HTMLElement | null>;
  /** 'close' for a dialog that only reports (nothing to cancel): the button says Close. */
  cancelLabel?: 'cancel' | 'close';
}

interface OpenDialog {
  backdrop: HTMLElement;
  dialog: HTMLElement;
  cancel: () => void;
}

/** The open dialogs, the topmost last: only it answers, everything else is inert. */
const opened: OpenDialog[] = [];
/** The body's children this module made inert (and only these does it make active again). */
const madeInert = new Set<Element>();
let bodyWatch: MutationObserver | null = null;

const NOT_CONTENT = new Set(['script', 'style', 'template', 'link', 'noscript']);

/** Every child of the body except the topmost dialog's is inert; none when no dialog is open. */
function updateInert(): void {
  const top = opened.at(-1)?.backdrop;
  const behind = new Set<Element>();
  if (top)
    for (const child of document.body.children)
      if (child !== top && !NOT_CONTENT.has(child.localName)) behind.add(child);
  for (const element of [...madeInert])
    if (!behind.has(element)) {
      element.removeAttribute('inert');
      madeInert.delete(element);
    }
  for (const element of behind)
    if (!element.hasAttribute('inert')) {
      element.setAttribute('inert', '');
      madeInert.add(element);
    }
}

const TABBABLE = [
  'a[href]',
  'area[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'iframe',
  'summary',
  '[tabindex]',
  '[contenteditable]:not([contenteditable="false"])',
].join(', ');

function canTakeFocus(element: HTMLElement): boolean {
  return (
    element.isConnected &&
    !element.matches(':disabled') &&
    !element.closest('[inert], [hidden]') &&
    // Chromium knows what is drawn; jsdom has no checkVisibility and no layout.
    (element.checkVisibility?.({ visibilityProperty: true }) ?? true)
  );
}

/** What Tab reaches inside `root`, in order: one button of each radio group. */
function tabbables(root: HTMLElement): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => element.tabIndex >= 0 && canTakeFocus(element),
  );
  return all.filter((element) => {
    if (!(element instanceof HTMLInputElement) || element.type !== 'radio' || !element.name)
      return true;
    const group = all.filter(
      (other) =>
        other instanceof HTMLInputElement &&
        other.type === 'radio' &&
        other.name === element.name &&
        other.form === element.form,
    ) as HTMLInputElement[];
    const checked = group.find((radio) => radio.checked);
    return checked ? checked === element : group[0] === element;
  });
}

/** Moves focus to the next (or previous) element Tab reaches in the dialog, round the ends. */
function cycle(dialog: HTMLElement, back: boolean): void {
  const list = tabbables(dialog);
  if (list.length === 0) return dialog.focus();
  const active = document.activeElement;
  const at = list.indexOf(active as HTMLElement);
  let next: number;
  if (at >= 0) next = at + (back ? -1 : 1);
  else if (active && dialog.contains(active)) {
    // On something Tab does not reach (the dialog itself): on from where it is.
    const after = list.findIndex(
      (element) => !!(active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    next = back ? (after < 0 ? list.length : after) - 1 : after < 0 ? 0 : after;
  } else next = back ? -1 : 0;
  list[(next + list.length) % list.length]!.focus();
}

function firstFocus(dialog: HTMLElement): HTMLElement {
  const list = tabbables(dialog);
  return (
    list.find((element) => element.matches('input, select, textarea')) ??
    list.find((element) => element.matches('button[type="submit"]')) ??
    list[0] ??
    dialog
  );
}

function onKeyDown(event: KeyboardEvent): void {
  const top = opened.at(-1);
  if (!top || event.isComposing) return;
  if (event.key === 'Escape' && !event.defaultPrevented) {
    event.preventDefault();
    top.cancel();
  } else if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
    // Every Tab, not only at the ends: the order is the dialog's whatever has focus.
    event.preventDefault();
    cycle(top.dialog, event.shiftKey);
  }
}

/** Whatever takes focus behind the dialog (a script's focus()) is brought back into it. */
function onFocusIn(event: FocusEvent): void {
  const top = opened.at(-1);
  if (top && event.target instanceof Node && !top.backdrop.contains(event.target))
    firstFocus(top.dialog).focus();
}

function push(entry: OpenDialog): void {
  if (opened.length === 0) {
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    // What is added to the body meanwhile (another portal) is behind the dialog too.
    bodyWatch = new MutationObserver(updateInert);
    bodyWatch.observe(document.body, { childList: true });
  }
  opened.push(entry);
  updateInert();
}

function remove(entry: OpenDialog): void {
  const index = opened.indexOf(entry);
  if (index >= 0) opened.splice(index, 1);
  if (opened.length === 0) {
    document.removeEventListener('keydown', onKeyDown);
    document.removeEventListener('focusin', onFocusIn);
    bodyWatch?.disconnect();
    bodyWatch = null;
  }
  updateInert();
}

/** Where focus goes when the opener is gone: the selected entry, else the entry list. */
function fallbackFocus(): HTMLElement | null {
  const top = opened.at(-1);
  if (top) return firstFocus(top.dialog);
  const candidates = [
    ...document.querySelectorAll<HTMLElement>(
      '[role="listbox"] [aria-selected="true"], [role="grid"] [aria-selected="true"], [role="tree"] [aria-selected="true"]',
    ),
    ...document.querySelectorAll<HTMLElement>('[role="listbox"], [role="grid"], [role="tree"]'),
  ];
  return candidates.find((element) => element.tabIndex >= 0 && canTakeFocus(element)) ?? null;
}

function focusNow(element: HTMLElement): boolean {
  element.focus();
  return document.activeElement === element;
}

const nothingFocused = () =>
  !document.activeElement ||
  document.activeElement === document.body ||
  document.activeElement === document.documentElement;

/**
 * An opener that is still there but cannot take focus yet (Connect is disabled while the
 * dial hangs up): it gets focus as soon as it can, unless focus has gone elsewhere meanwhile.
 * A dialog that opens meanwhile takes it over as its own opener.
 */
let waiting: { element: HTMLElement; stop: () => void } | null = null;
const WAIT_MS = 3000;

function stopWaiting(): HTMLElement | null {
  const element = waiting?.element ?? null;
  waiting?.stop();
  waiting = null;
  return element;
}

function returnFocus(opener: HTMLElement | null): void {
  stopWaiting();
  if (opener && opener.isConnected && focusNow(opener)) return;
  if (!opener || !opener.isConnected || opened.length > 0) {
    fallbackFocus()?.focus();
    return;
  }
  const started = Date.now();
  const timer = setInterval(() => {
    if (!nothingFocused()) return stopWaiting();
    if (opener.isConnected && focusNow(opener)) return stopWaiting();
    if (!opener.isConnected || Date.now() - started > WAIT_MS) {
      stopWaiting();
      fallbackFocus()?.focus();
    }
  }, 40);
  waiting = { element: opener, stop: () => clearInterval(timer) };
}

/** The element that had focus, or null when nothing had (the body). */
function focused(): HTMLElement | null {
  return nothingFocused() ? null : (document.activeElement as HTMLElement | null);
}

export function Dialog({
  title,
  children,
  actions,
  onSubmit,
  onCancel,
  initialFocus,
  cancelLabel = 'cancel',
}: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const backdrop = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const cancel = useRef(onCancel);
  const refusal = useContext(DialogRefusal);
  useLayoutEffect(() => {
    cancel.current = onCancel;
  });
  // What had focus when the dialog was asked for; by the time it mounts, that may be gone.
  const [focusedBefore] = useState(focused);
  useLayoutEffect(() => {
    const entry: OpenDialog = {
      backdrop: backdrop.current!,
      dialog: dialog.current!,
      cancel: () => cancel.current(),
    };
    const inherited = stopWaiting();
    const opener = (focusedBefore?.isConnected ? focusedBefore : null) ?? inherited ?? focused();
    push(entry);
    const wanted =
      initialFocus === 'cancel'
        ? cancelButton.current
        : initialFocus
          ? initialFocus.current
          : firstFocus(entry.dialog);
    (wanted ?? entry.dialog).focus();
    return () => {
      remove(entry);
      returnFocus(opener && !entry.backdrop.contains(opener) ? opener : null);
    };
    // Opened once: a change of props is the same dialog.
  }, []);
  return createPortal(
    <div ref={backdrop} className="backdrop">
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <form
          className="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <h2 id={titleId}>{title}</h2>
          {children}
          {refusal && (
            <p className="problem refusal" role="alert">
              {wireErrorText(t, refusal)}
            </p>
          )}
          <div className="actions">
            {actions}
            <button ref={cancelButton} type="button" onClick={onCancel}>
              {cancelLabel === 'close' ? t('ui.close') : t('dialog.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>,
    document.body,
  );
}

export function Field({ label, ...input }: { label: string } & ComponentPropsWithRef<'input'>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}

/** A problem to read aloud at once, or nothing. */
export function Problem({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p className="problem" role="alert">
      {text}
    </p>
  );
}
