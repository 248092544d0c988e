// window.ras for browser mode: the contract over the headless host's WebSocket. The token
// comes from the page's URL; calls made before the socket opens wait for it.

import { isEventName, type EventName, type InvokeChannel } from '../../../app/ipc/channels';
import type {
  EventPayload,
  InvokeResult,
  Payload,
  RasApi,
  Result,
} from '../../../app/ipc/contract';
import type { ClientMessage, ServerMessage } from '../../../app/ipc/wire';

export function createWsApi(
  location: Location,
  WebSocketImpl: typeof WebSocket = WebSocket,
): RasApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const socket = new WebSocketImpl(`ws://${location.host}/ras?token=${encodeURIComponent(token)}`);
  const pending = new Map<number, (result: InvokeResult<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () =>
      reject(new Error('The connection to RAS Connect failed.')),
    );
  });
  let nextId = 1;

  const dispatch = (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  // The connections' snapshot is whole and versioned: when states come faster than the page
  // draws them (a burst of dial states, several connections at once), the snapshots that wait
  // together are handed on as the newest one, instead of each drawn in turn while the next
  // queue up behind it. Anything else that arrives hands the waiting snapshot on first, so
  // the order of messages stays as sent.
  let waiting: { payload: unknown } | null = null;
  const handOn = () => {
    const snapshot = waiting;
    waiting = null;
    if (snapshot) dispatch('connection:state', snapshot.payload);
  };
  const later = new MessageChannel();
  later.port1.onmessage = handOn;

  socket.addEventListener('message', (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as ServerMessage;
    if (message.type === 'event' && message.event === 'connection:state') {
      if (!waiting) later.port2.postMessage(null);
      waiting = { payload: message.payload };
      return;
    }
    handOn();
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (isEventName(message.event)) {
      dispatch(message.event, message.payload);
    }
  });
  socket.addEventListener('close', () => {
    handOn();
    for (const resolve of pending.values())
      resolve({
        ok: false,
        error: {
          code: 'INTERNAL',
          name: 'INTERNAL',
          message: 'The connection to RAS Connect closed.',
          key: 'ipc.connectionClosed',
          params: {},
        },
      });
    pending.clear();
  });

  return {
    async invoke<C extends InvokeChannel>(
      channel: C,
      payload: Payload<C>,
    ): Promise<InvokeResult<Result<C>>> {
      await opened;
      const id = nextId++;
      const message: ClientMessage = { type: 'invoke', id, channel, payload };
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: InvokeResult<unknown>) => void);
        socket.send(JSON.stringify(message));
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
