// What a program and the shared simulated RAS service say to each other: one JSON object a
// line over a Unix socket (a named pipe on Windows). Every request the service reads is
// checked here, so a line it cannot use closes that program's link and nothing else.

import { z } from 'zod';
import { pausedAnswerSchema } from '../../../../app/ipc/contract';
import type { ConnectionEvent, RasNotification, TerminalOutput } from '../../backend';
import type { EntryNegotiation } from '../entry-negotiation';

/** Raised when the messages change shape: a program and a service of other versions do not talk. */
export const SERVICE_PROTOCOL = 3;
/** The longest line either side accepts (a dial with its entry is well under 4 KiB). */
export const MAX_LINE_BYTES = 64 * 1024;

const handle = z.string().min(1).max(64);
const text = z.string().max(1024);

const dword = z.number().int().min(0).max(0xffff_ffff);
const address = z.string().max(45);
const negotiationSchema = z
  .object({
    vpnStrategy: dword,
    authRestrictions: dword,
    dataEncryption: dword,
    softwareCompression: z.boolean(),
    ipv4: z.boolean(),
    ipv6: z.boolean(),
    staticIpv4: address.nullable(),
    dnsServers: z.array(address).max(2),
    staticIpv6: z
      .object({ address, prefixLength: z.number().int().min(1).max(128) })
      .strict()
      .nullable(),
    ipv6DnsServers: z.array(address).max(2),
    mobility: z.boolean(),
  })
  .strict() satisfies z.ZodType<EntryNegotiation>;

const dialedEntrySchema = z
  .object({
    name: z.string().min(1).max(256),
    type: z.enum(['phone', 'vpn', 'direct', 'internet', 'broadband']),
    deviceType: text,
    deviceName: text,
    eapTypeId: z.number().int(),
    terminalAfterDial: z.boolean(),
    negotiation: negotiationSchema,
  })
  .strict();

const id = z.number().int().nonnegative();

export const requestSchema = z.discriminatedUnion('op', [
  z.object({ id, op: z.literal('hello'), protocol: z.number().int() }).strict(),
  z
    .object({
      id,
      op: z.literal('dial'),
      dial: z
        .object({
          phonebook: z.string().min(1).max(4096),
          entry: dialedEntrySchema,
          destination: text,
          userName: text,
          password: text,
          callbackNumber: text.optional(),
          pausedStates: z.boolean(),
          speed: z.number().min(0).max(1000),
        })
        .strict(),
    })
    .strict(),
  z.object({ id, op: z.literal('resume'), handle, answer: pausedAnswerSchema }).strict(),
  z
    .object({ id, op: z.literal('terminalSend'), handle, text: z.string().min(1).max(1024) })
    .strict(),
  z.object({ id, op: z.literal('status'), handle }).strict(),
  z.object({ id, op: z.literal('statistics'), handle }).strict(),
  z.object({ id, op: z.literal('details'), handle }).strict(),
  z.object({ id, op: z.literal('hangUp'), handle }).strict(),
  z.object({ id, op: z.literal('enum') }).strict(),
  z.object({ id, op: z.literal('active') }).strict(),
  z.object({ id, op: z.literal('watch') }).strict(),
]);

export type ServiceRequest = z.infer<typeof requestSchema>;
export type ServiceOp = ServiceRequest['op'];

/**
 * From the service: an answer to request `id`, a dial's notification, a connection event, or
 * what the remote side of a dial paused in Interactive printed (to the program that dialed).
 */
export type ServiceMessage =
  | { id: number; ok: unknown }
  | { id: number; error: { code: number; message: string } }
  | { notify: RasNotification }
  | { event: ConnectionEvent }
  | { terminal: TerminalOutput };

/**
 * Calls `onLine` with each complete line of a stream; a line longer than `maxBytes` calls
 * `onOverflow` instead, and nothing more is read.
 */
export function readLines(
  stream: NodeJS.ReadableStream,
  onLine: (line: string) => void,
  onOverflow: () => void,
  maxBytes = MAX_LINE_BYTES,
): void {
  let buffered = '';
  let over = false;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    if (over) return;
    buffered += chunk;
    let at: number;
    while ((at = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      if (Buffer.byteLength(line) > maxBytes) break;
      onLine(line);
    }
    if (Buffer.byteLength(buffered) > maxBytes) {
      over = true;
      onOverflow();
    }
  });
}
