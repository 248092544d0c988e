// Browser mode's WebSocket messages: the same contract as Electron's IPC, framed as JSON.

import { z } from 'zod';
import type { EventName } from './channels';
import type { InvokeResult } from './contract';

export const clientMessageSchema = z
  .object({
    type: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(64),
    payload: z.unknown(),
  })
  .strict();

export type ClientMessage = z.output<typeof clientMessageSchema>;

export type ServerMessage =
  | { type: 'result'; id: number; result: InvokeResult<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };
