// The arrow keys on a closed list box choose the next or the previous choice, as on Windows.
// The editor's long lists are Chromium's customizable select (appearance: base-select, so a
// long choice wraps instead of being cut at the arrow: styles.css), whose closed button opens
// its list on an arrow key instead; a keyboard user who steps through the choices, as the
// system's own lists and rasphone's let them, would find the list opening under them. Alt+Down,
// Enter and Space still open it; an open list keeps its own keys.

const STEPS: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
  ArrowDown: 'next',
  ArrowRight: 'next',
  ArrowUp: 'previous',
  ArrowLeft: 'previous',
  Home: 'first',
  End: 'last',
};

function isOpen(select: HTMLSelectElement): boolean {
  try {
    return select.matches(':open');
  } catch {
    // A browser without :open has no customizable select either.
    return false;
  }
}

/** The index the key moves to, past disabled choices; null where it cannot move. */
export function nextChoice(
  options: readonly { disabled: boolean }[],
  from: number,
  step: 'next' | 'previous' | 'first' | 'last',
): number | null {
  const forward = step === 'next' || step === 'first';
  let i = step === 'first' ? 0 : step === 'last' ? options.length - 1 : from + (forward ? 1 : -1);
  for (; i >= 0 && i < options.length; i += forward ? 1 : -1)
    if (!options[i]!.disabled) return i === from ? null : i;
  return null;
}

function onKeyDown(event: KeyboardEvent): void {
  const select = event.target;
  const step = STEPS[event.key];
  if (!step || !(select instanceof HTMLSelectElement) || select.multiple) return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (getComputedStyle(select).appearance !== 'base-select' || isOpen(select)) return;
  event.preventDefault();
  const to = nextChoice([...select.options], select.selectedIndex, step);
  if (to === null) return;
  select.selectedIndex = to;
  // React hears a list box's change through the native event, as a choice made by hand.
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Listens on the document, before the list box itself; returns the function that stops. */
export function keepSelectArrowKeys(target: Document = document): () => void {
  target.addEventListener('keydown', onKeyDown, true);
  return () => target.removeEventListener('keydown', onKeyDown, true);
}
