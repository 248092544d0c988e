// The failure doctor's checks, verdict and report as they cross IPC (contract `doctor:run` and
// the `doctor:check` event): the same data as doctor-result.ts, with message keys checked
// against the app's message table.

import { z } from 'zod';
import { isMessageKey, type MessageKey, type MessageRef } from '../ras/app-messages';
import { CHECK_IDS, type DoctorCheck, type DoctorVerdict, type EntryChange } from './doctor-result';
import type { Failure } from './measurements';

const messageRefSchema = z.object({
  key: z.custom<MessageKey>((value) => isMessageKey(value)),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
}) satisfies z.ZodType<MessageRef>;

const entryChangeSchema = z.object({
  vpnStrategy: z.number().optional(),
  authProtocols: z.array(z.enum(['pap', 'chap', 'mschapv2'])).optional(),
  ipv4: z.boolean().optional(),
  ipv6: z.boolean().optional(),
  dnsSuffix: z.string().optional(),
  ipv4Metric: z.number().optional(),
  server: z.string().optional(),
}) satisfies z.ZodType<EntryChange>;

const fixSchema = z.object({ action: messageRefSchema, change: entryChangeSchema.optional() });

export const doctorCheckSchema = z.object({
  id: z.enum(CHECK_IDS),
  status: z.enum(['ok', 'warn', 'fail', 'skip']),
  summary: messageRefSchema,
  fix: fixSchema.optional(),
}) satisfies z.ZodType<DoctorCheck>;

export const doctorVerdictSchema = z.object({
  code: z.number().nullable(),
  cause: z.enum(CHECK_IDS).nullable(),
  status: z.enum(['explained', 'suspected', 'unexplained', 'clear']),
  summary: messageRefSchema,
  fix: fixSchema.optional(),
}) satisfies z.ZodType<DoctorVerdict>;

export const doctorReportSchema = z.object({
  failure: z.object({
    code: z.number().nullable(),
    connectedSeconds: z.number().nullable(),
  }) satisfies z.ZodType<Failure>,
  checks: z.array(doctorCheckSchema),
  verdict: doctorVerdictSchema,
});
