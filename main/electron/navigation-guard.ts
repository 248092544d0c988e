// The window never leaves the app: no navigation of the page or of any frame, no window of its
// own, no <webview>. An https link the page asks to open goes to the system browser; every
// other scheme (file:, smb:, javascript:, custom handlers that start programs) is dropped.

/** The part of Electron's WebContents the guard needs (Chromium stands in for it in tests). */
export interface GuardedContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

export function guardNavigation(
  contents: GuardedContents,
  openExternal: (url: string) => void,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
