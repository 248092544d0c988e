// When the element holding the focus leaves the page (Settings' or History's Close, Escape in
// Settings, Redial now and Cancel redial as the connection's state moves on, an opened
// phonebook's Close), the browser gives the focus to the page itself, and the next Tab starts
// again at the window's top: a keyboard user loses their place. The focus goes instead to the
// link that opened the pane being closed, else to the entry list. Dialogs give the focus back
// themselves (dialogs/dialog.tsx) and are left to it.

import { useEffect, type RefObject } from 'react';
import { focusPhonebookList } from './phonebook-list';

/** The panes a sidebar link opens in place of the entry's page. */
const PANES = '.settings, .history-pane';

export function useFocusKeeper(paneOpener: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let last: Element | null = null;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      last = target instanceof Element && !target.closest('[role="dialog"]') ? target : null;
    };
    // After React's commit: whoever moved the focus on purpose has done so by now.
    const check = () => {
      const lost = last;
      if (!lost || lost.isConnected) return;
      const active = document.activeElement;
      if (active && active !== document.body && active !== document.documentElement) return;
      last = null;
      // A detached element still knows the subtree that was removed with it.
      const opener = paneOpener.current;
      if (lost.closest(PANES) && opener?.isConnected) opener.focus();
      else focusPhonebookList();
    };
    document.addEventListener('focusin', onFocusIn);
    const watch = new MutationObserver(check);
    watch.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      watch.disconnect();
    };
  }, [paneOpener]);
}
