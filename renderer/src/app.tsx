// The first window: what the app is and what comes next. The connection timeline and the
// paused-state dialogs arrive with the desktop-app work; until then the CLI drives the engine.

import { ALL_STATES } from '../../app/ras/connection-state';

export function App() {
  const paused = ALL_STATES.filter((s) => s.group === 'paused');
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24, maxWidth: 640 }}>
      <h1>RAS Connect</h1>
      <p>A connection manager for Windows Remote Access dial-up, VPN and broadband entries.</p>
      <p>
        Dial from a terminal with <code>ras-connect ENTRY [USER [PASSWORD]]</code>; the window
        follows each connection state as it happens, including the {paused.length} states in which a
        dial waits for you.
      </p>
    </main>
  );
}
