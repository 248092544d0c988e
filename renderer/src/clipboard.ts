// Puts text on the clipboard for the Copy buttons (Details, Find out why, Copy as PowerShell).
// The Clipboard API first (browser mode; Electron grants the page only this plain-text write);
// where it is refused, the copy command over a selection, which needs only the click.

type TextBox = HTMLTextAreaElement | HTMLInputElement;

function copyCommand(): boolean {
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * `source`: a box on screen that holds the text; it is selected and stays so, for Ctrl+C
 * where both ways fail. Otherwise a hidden box is put in `container` for a moment (a modal
 * dialog's own element: everything outside a modal is inert), and focus goes back after.
 */
export async function copyText(
  text: string,
  where: { source?: TextBox; container?: HTMLElement } = {},
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Refused: the copy command below.
  }
  if (where.source) {
    where.source.focus();
    where.source.select();
    return copyCommand();
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'copy-source';
  const focused = document.activeElement as HTMLElement | null;
  (where.container ?? document.body).append(area);
  area.focus();
  area.select();
  try {
    return copyCommand();
  } finally {
    area.remove();
    focused?.focus();
  }
}
