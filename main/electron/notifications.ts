// Desktop notifications, thin: compares each connection with how it was, asks the model what
// deserves a notification, keeps the kinds the person turned on, and shows it. A click opens
// the window (where the dialogs and the Cancel button are); where the system offers buttons
// (macOS), a redial's Cancel hangs it up from the notification itself.

import { Notification } from 'electron';
import type { ConnectionView } from '../../app/connection-view';
import type { Core } from '../app-core';
import { notificationFor, type AppNotification } from '../notify/notification-model';

export interface NotificationHost {
  showWindow(): void;
  language(): 'en' | 'ru';
  log(message: string): void;
}

export function startNotifications(core: Core, host: NotificationHost): () => void {
  if (!Notification.isSupported()) {
    host.log('notifications are not supported here');
    return () => undefined;
  }
  // Kept so each notification stays alive (and clickable) until it is closed.
  const shown = new Set<Notification>();
  let before = new Map<string, ConnectionView>(
    core.manager.list().map((c): [string, ConnectionView] => [c.id, c]),
  );

  const show = (n: AppNotification) => {
    const notification = new Notification({
      title: n.title,
      body: n.body,
      actions: n.action ? [{ type: 'button', text: n.action.label }] : [],
    });
    shown.add(notification);
    notification.on('click', () => host.showWindow());
    notification.on('action', () => {
      void core.manager
        .hangUp(n.connectionId)
        .catch((error: unknown) =>
          host.log(`cancel from a notification: ${(error as Error).message}`),
        );
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  };

  const onChange = async () => {
    const now = core.manager.list();
    const previous = before;
    before = new Map(now.map((c): [string, ConnectionView] => [c.id, c]));
    const enabled = core.settings.get().notifications;
    for (const after of now) {
      const old = previous.get(after.id);
      if (old === after) continue;
      const speedBps =
        after.status === 'connected' && old?.status !== 'connected'
          ? await core.manager.getStatistics(after.id).then(
              (s) => s.bps,
              () => undefined,
            )
          : undefined;
      const n = notificationFor(old, after, {
        language: host.language(),
        now: Date.now(),
        speedBps,
      });
      if (n && enabled[n.kind]) show(n);
    }
  };

  const stop = core.manager.store.subscribe(() => void onChange());
  return () => {
    stop();
    for (const n of shown) n.close();
    shown.clear();
  };
}
