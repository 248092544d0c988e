// The names of every IPC channel and event, without their schemas, so the preload can list
// them without bundling zod. app/ipc/contract.ts gives each one its schema.

export const INVOKE_CHANNELS = [
  'app:info',
  'ras:devices',
  'ras:countries',
  'phonebook:list',
  'phonebook:get',
  'phonebook:create',
  'phonebook:update',
  'phonebook:rename',
  'phonebook:copy',
  'phonebook:delete',
  'phonebook:books',
  'phonebook:open',
  'phonebook:close',
  'phonebook:set-credentials',
  'phonebook:preview',
  'phonebook:import',
  'phonebook:export',
  'phonebook:powershell',
  'file:choose',
  'connection:list',
  'connection:dial',
  'connection:resume',
  'connection:hang-up',
  'connection:terminal-send',
  'connection:redial-now',
  'connection:statistics',
  'connection:watch-statistics',
  'history:list',
  'doctor:run',
  'diagnostics:export',
  'settings:get',
  'settings:set',
] as const;

export const EVENT_NAMES = [
  'connection:state',
  'connection:paused',
  'connection:statistics',
  'connection:terminal-output',
  'phonebook:changed',
  'settings:changed',
  'history:added',
  'doctor:check',
] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
