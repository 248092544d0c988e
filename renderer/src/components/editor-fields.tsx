// The entry editor's controls: each with a visible label tied to it, and its problem read
// aloud beside it.

import { useId, useLayoutEffect, type ReactNode } from 'react';

export function Row({
  label,
  problem,
  hint,
  children,
}: {
  label: string;
  problem?: string;
  /** A line under the control that describes it (aria-describedby). */
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : null, problem ? problemId : null].filter(Boolean).join(' ');
  // The control is the caller's: its problem is tied to it here, so every field says whether it
  // is invalid and a screen reader reads why with it (aria-invalid, aria-describedby).
  useLayoutEffect(() => {
    const control = document.getElementById(id);
    if (!control) return;
    control.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
    else control.removeAttribute('aria-describedby');
  }, [id, problem, describedBy]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hint ? hintId : undefined)}
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={problemId} className="problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

export function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
      {label}
    </label>
  );
}

/**
 * A select over numeric codes. A code outside `known` (one Windows or another tool wrote) is
 * offered as an extra option, so the entry keeps it until the person picks another.
 */
export function CodeSelect({
  id,
  value,
  original,
  known,
  label,
  otherLabel,
  disabled,
  onChange,
}: {
  id: string;
  value: number;
  /** The code the entry had when the editor opened: it stays on offer. */
  original: number;
  known: readonly number[];
  label: (code: number) => string;
  otherLabel: (code: number) => string;
  disabled?: boolean;
  onChange: (code: number) => void;
}) {
  const others = [...new Set([original, value])].filter((c) => !known.includes(c));
  return (
    <select
      id={id}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {known.map((code) => (
        <option key={code} value={code}>
          {label(code)}
        </option>
      ))}
      {others.map((code) => (
        <option key={code} value={code}>
          {otherLabel(code)}
        </option>
      ))}
    </select>
  );
}
