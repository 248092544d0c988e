// A fault injector in front of any RasBackend, for tests only: any call can fail with any
// error number, notifications can come twice, late or out of order, and a hung-up port can
// stay busy for longer than the hang-up wait allows. Everything it delays runs on the clock,
// so a test can see that nothing it started is left behind.

import { RasState } from '../../../app/ras/connection-state';
import { RasError } from '../../../app/ras/errors';
import type { Cancel, Clock } from '../../clock';
import type { ConnectStatus, NotifyFn, RasBackend, RasHandle, RasNotification } from '../backend';

type Method = {
  [K in keyof RasBackend]-?: RasBackend[K] extends (...args: never[]) => unknown ? K : never;
}[keyof RasBackend];

export interface CallFault {
  call: Method;
  /** The error number the call fails with (RasError). */
  code: number;
  /** Which call fails, counted from when the fault is set: 1 = the next one. */
  nth?: number;
  /** How many calls fail from the nth on (default 1; Infinity = all). */
  times?: number;
}

export type NotificationFault =
  | { kind: 'none' }
  /** Each notification is delivered twice in a row. */
  | { kind: 'twice' }
  /** Each notification arrives `ms` late (in order). */
  | { kind: 'late'; ms: number }
  /** Each pair of notifications arrives swapped; one without a partner comes `ms` late. */
  | { kind: 'out-of-order'; ms: number };

interface ArmedFault extends Required<CallFault> {
  seen: number;
}

export class FaultInjector {
  readonly backend: RasBackend;
  /** Every call made through the injector, with the number it failed with, if it did. */
  readonly calls: { call: Method; failedWith: number | null }[] = [];
  private faults: ArmedFault[] = [];
  private notificationFault: NotificationFault = { kind: 'none' };
  private portHoldMs = 0;
  private readonly held = new Map<RasHandle, number>();
  private readonly deliveries = new Set<Cancel>();
  private readonly taps = new Set<(notification: RasNotification) => void>();

  constructor(
    private readonly inner: RasBackend,
    private readonly clock: Clock,
  ) {
    const overrides: Partial<Record<Method, (...args: never[]) => unknown>> = {
      dial: (request: Parameters<RasBackend['dial']>[0], onNotify: NotifyFn) =>
        inner.dial(request, this.deliver(onNotify)),
      hangUp: async (handle: RasHandle) => {
        await inner.hangUp(handle);
        if (this.portHoldMs > 0) this.held.set(handle, this.clock.now() + this.portHoldMs);
      },
      getConnectStatus: (handle: RasHandle) => this.status(handle),
    };
    this.backend = new Proxy(inner, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const method = property as Method;
        const real = overrides[method] ?? (value as (...args: unknown[]) => unknown).bind(target);
        return (...args: never[]) => {
          const code = this.failure(method);
          this.calls.push({ call: method, failedWith: code });
          if (code !== null) {
            const error = new RasError(code);
            // Synchronous members (errorMessage, dispose, watchConnections) throw; calls reject.
            if (method === 'errorMessage' || method === 'dispose' || method === 'watchConnections')
              throw error;
            return Promise.reject(error);
          }
          return real(...args);
        };
      },
    });
  }

  /** Makes a call fail with `code`. */
  failCall(fault: CallFault): void {
    this.faults.push({ nth: 1, times: 1, ...fault, seen: 0 });
  }

  setNotificationFault(fault: NotificationFault): void {
    this.notificationFault = fault;
  }

  /** After each hang-up, the status call still answers for `ms` as if the port were busy. */
  holdPorts(ms: number): void {
    this.portHoldMs = ms;
  }

  /** Clears every fault (delayed notifications already under way still arrive). */
  reset(): void {
    this.faults = [];
    this.notificationFault = { kind: 'none' };
    this.portHoldMs = 0;
  }

  /** Hears every notification the server sends, before any fault (tests count them). */
  tapNotifications(listener: (notification: RasNotification) => void): () => void {
    this.taps.add(listener);
    return () => this.taps.delete(listener);
  }

  /** Notifications still to be delivered. */
  get pendingDeliveries(): number {
    return this.deliveries.size;
  }

  private failure(method: Method): number | null {
    for (const fault of this.faults) {
      if (fault.call !== method) continue;
      fault.seen++;
      if (fault.seen >= fault.nth && fault.seen < fault.nth + fault.times) return fault.code;
    }
    return null;
  }

  private async status(handle: RasHandle): Promise<ConnectStatus> {
    const until = this.held.get(handle);
    if (until !== undefined && this.clock.now() < until) {
      // The port is still busy: the handle answers, with the line already down.
      try {
        return await this.inner.getConnectStatus(handle);
      } catch {
        return {
          state: RasState.Disconnected,
          error: 0,
          deviceType: '',
          deviceName: '',
          phoneNumber: '',
        };
      }
    }
    this.held.delete(handle);
    return this.inner.getConnectStatus(handle);
  }

  /** Runs `work` after `ms` on the clock, counted as pending until then; returns its cancel. */
  private later(ms: number, work: () => void): Cancel {
    const cancel = this.clock.setTimeout(() => {
      this.deliveries.delete(cancel);
      work();
    }, ms);
    this.deliveries.add(cancel);
    return () => {
      cancel();
      this.deliveries.delete(cancel);
    };
  }

  /** The notifier the backend sees, with the notification fault of the moment applied. */
  private deliver(onNotify: NotifyFn): NotifyFn {
    let waiting: { notification: RasNotification; cancel: Cancel } | null = null;
    return (notification) => {
      for (const tap of this.taps) tap(notification);
      const fault = this.notificationFault;
      switch (fault.kind) {
        case 'none':
          return onNotify(notification);
        case 'twice':
          onNotify(notification);
          return onNotify({ ...notification });
        case 'late':
          this.later(fault.ms, () => onNotify(notification));
          return;
        case 'out-of-order': {
          if (!waiting) {
            const cancel = this.later(fault.ms, () => {
              waiting = null;
              onNotify(notification);
            });
            waiting = { notification, cancel };
            return;
          }
          const earlier = waiting;
          waiting = null;
          earlier.cancel();
          onNotify(notification);
          return onNotify(earlier.notification);
        }
      }
    };
  }
}
