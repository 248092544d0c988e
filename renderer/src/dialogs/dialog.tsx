// A modal dialog as every paused state uses it: labelled for screen readers, focus in the
// first field, Enter submits, Escape cancels (which hangs the dial up).

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogProps {
  title: string;
  children: ReactNode;
  /** The buttons besides Cancel; the first submit button answers on Enter. */
  actions: ReactNode;
  onSubmit: () => void;
  onCancel: () => void;
}

export function Dialog({ title, children, actions, onSubmit, onCancel }: DialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const first = form.current?.querySelector<HTMLElement>(
      'input, textarea, button[type="submit"]',
    );
    first?.focus();
  }, []);
  return (
    <div className="backdrop">
      <form
        ref={form}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="actions">
          {actions}
          <button type="button" onClick={onCancel}>
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

export function Field({
  label,
  ...input
}: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
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
