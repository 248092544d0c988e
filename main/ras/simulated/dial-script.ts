// What the simulated RAS server does with one call, as a script of steps (the rules of
// shared/simulated-ras.md). The server runs the script on its clock; a paused step hands
// control back until the dial is resumed, and the answer comes back into the script.

import type { DialedEntry } from './connection-service';
import { RasState as S } from '../../../app/ras/connection-state';
import { RasErrorCode as E } from '../../../app/ras/errors';
import type { PausedAnswer } from '../backend';
import { TerminalScript } from './terminal-script';
import { ERROR_SERVER_POLICY, type TunnelChoice } from './connection-details';

export type Step =
  | { kind: 'state'; state: number; ms: number }
  /** `terminal`: the remote side's login, which talks with the person while paused in Interactive. */
  | { kind: 'pause'; state: number; terminal?: TerminalScript }
  | { kind: 'fail'; state: number; error: number; ms: number }
  | { kind: 'connected'; ms: number; dropAfterMs: number | null };

export interface ScriptContext {
  entry: DialedEntry;
  /** The one number (or host) this call dials. */
  destination: string;
  userName: string;
  password: string;
  callbackNumber: string | undefined;
  pausedStates: boolean;
  /** The tunnel of the entry's VPN strategy that answers, or why none does (connection-details.ts). */
  tunnel: TunnelChoice;
  /** Whether the server accepts a sign-in protocol the entry allows. */
  signInAgreed: boolean;
}

export type DialScript = Generator<Step, void, PausedAnswer | undefined>;

const LINK_DROP_AFTER_MS = 30_000;
const CALLBACK_CHARS = /^[0-9TPW()\-@ +]+$/i;
/** ERROR_PPP_TIMEOUT: PPP frames sent to a remote side still at its login prompt get no answer. */
const ERROR_PPP_TIMEOUT = 718;
/** How long RAS keeps trying LCP before it gives up. */
const LCP_GIVE_UP_MS = 3000;
/** How long a tunnel that gets no answer is tried before the strategy's next one. */
export const TUNNEL_TRY_MS = 1000;
/** The simulated EAP method's tries before the server refuses the sign-in. */
export const EAP_MAX_FAILURES = 3;

/**
 * The simulated EAP method ("Simulated token card"): a user name and a six-digit one-time
 * code; 000000 is the code it always refuses.
 */
export function tokenCardAccepts(card: { userName: string; code: string } | undefined): boolean {
  return (
    !!card && card.userName.trim() !== '' && /^\d{6}$/.test(card.code) && card.code !== '000000'
  );
}

export type Line =
  | 'busy'
  | 'no-answer'
  | 'no-dialtone'
  | 'no-carrier'
  | 'drop'
  | 'callback-caller'
  | 'callback-preset'
  | 'normal';

/** The phone-line rule chosen by the last four digits of the number. */
export function lineRule(number: string): Line {
  const digits = number.replace(/\D/g, '');
  switch (digits.slice(-4)) {
    case '0486':
      return 'busy';
    case '0487':
      return 'no-answer';
    case '0488':
      return 'no-dialtone';
    case '0489':
      return 'no-carrier';
    case '0490':
      return 'drop';
    case '0491':
      return 'callback-caller';
    case '0492':
      return 'callback-preset';
    default:
      return 'normal';
  }
}

export type HostRule = 'unresolvable' | 'refused' | 'slow' | 'normal';

export function hostRule(host: string): HostRule {
  const h = host.trim().toLowerCase();
  if (h.endsWith('.invalid')) return 'unresolvable';
  if (h.startsWith('refuse.')) return 'refused';
  if (h.startsWith('slow.')) return 'slow';
  return 'normal';
}

function isLineEntry(entry: DialedEntry): boolean {
  return entry.type === 'phone';
}

export function* dialScript(ctx: ScriptContext): DialScript {
  const line = isLineEntry(ctx.entry);
  const lineCase = line ? lineRule(ctx.destination) : 'normal';
  const hostCase = !line && ctx.entry.type !== 'direct' ? hostRule(ctx.destination) : 'normal';
  const slow = hostCase === 'slow' ? 4 : 1;
  const st = (state: number, ms: number): Step => ({ kind: 'state', state, ms: ms * slow });
  const fail = (state: number, error: number, ms: number): Step => ({
    kind: 'fail',
    state,
    error,
    ms: ms * slow,
  });
  let password = ctx.password;
  let userName = ctx.userName;
  let callbackNumber = ctx.callbackNumber;

  yield st(S.OpenPort, 50);
  yield st(S.PortOpened, 150);
  yield st(S.ConnectDevice, 100);
  if (lineCase === 'busy') {
    yield fail(S.ConnectDevice, E.ERROR_LINE_BUSY, 1500);
    return;
  }
  if (lineCase === 'no-dialtone') {
    yield fail(S.ConnectDevice, E.ERROR_NO_DIALTONE, 1000);
    return;
  }
  if (lineCase === 'no-answer') {
    yield fail(S.ConnectDevice, E.ERROR_NO_ANSWER, 36_000);
    return;
  }
  if (lineCase === 'no-carrier') {
    yield fail(S.ConnectDevice, E.ERROR_NO_CARRIER, 10_000);
    return;
  }
  if (hostCase === 'unresolvable') {
    yield fail(S.ConnectDevice, E.ERROR_DNSNAME_NOT_RESOLVABLE, 400);
    return;
  }
  if (hostCase === 'refused') {
    yield fail(S.ConnectDevice, E.ERROR_AUTOMATIC_VPN_FAILED, 3000);
    return;
  }
  if (!ctx.tunnel.ok) {
    yield fail(S.ConnectDevice, ctx.tunnel.error, TUNNEL_TRY_MS * ctx.tunnel.tried);
    return;
  }
  yield st(S.DeviceConnected, (line ? 1800 : 500) + TUNNEL_TRY_MS * ctx.tunnel.unanswered);
  yield st(S.AllDevicesConnected, 50);

  if (ctx.entry.terminalAfterDial) {
    if (!ctx.pausedStates) {
      yield fail(S.Interactive, E.ERROR_INTERACTIVE_MODE, 0);
      return;
    }
    const terminal = new TerminalScript({ userName: ctx.userName, password: ctx.password });
    yield { kind: 'pause', state: S.Interactive, terminal };
    if (!terminal.ready) {
      yield st(S.Authenticate, 100);
      yield fail(S.Authenticate, ERROR_PPP_TIMEOUT, LCP_GIVE_UP_MS);
      return;
    }
  }

  yield st(S.Authenticate, 100);
  if (!ctx.signInAgreed) {
    yield fail(S.AuthNotify, ERROR_SERVER_POLICY, 600);
    return;
  }
  const eap = ctx.entry.eapTypeId !== 0;
  if (eap) {
    if (!ctx.pausedStates) {
      yield fail(S.InvokeEapUI, E.ERROR_INTERACTIVE_MODE, 0);
      return;
    }
    for (let failures = 0; ;) {
      const answer = yield { kind: 'pause', state: S.InvokeEapUI };
      const card = answer?.kind === 'eap' ? answer.tokenCard : undefined;
      if (tokenCardAccepts(card)) {
        // The token card's identity is the one that signs in.
        userName = card!.userName.trim();
        break;
      }
      failures++;
      if (failures >= EAP_MAX_FAILURES) {
        yield fail(S.AuthNotify, E.ERROR_AUTHENTICATION_FAILURE, 600);
        return;
      }
      // The method asks again, as a token card does for its next code.
      yield st(S.AuthNotify, 600);
    }
  } else {
    let failures = 0;
    let changing = false;
    for (;;) {
      const bad = password === '' || password === 'wrong' || (changing && password === 'expired');
      if (!bad && password === 'expired' && !changing) {
        yield st(S.AuthNotify, 600);
        if (!ctx.pausedStates) {
          yield fail(S.AuthNotify, E.ERROR_PASSWD_EXPIRED, 0);
          return;
        }
        const answer = yield { kind: 'pause', state: S.PasswordExpired };
        if (answer?.kind === 'new-password') password = answer.password;
        changing = true;
        yield st(S.AuthChangePassword, 300);
        continue;
      }
      if (!bad) break;
      failures++;
      if (failures >= 3 || !ctx.pausedStates) {
        yield fail(S.AuthNotify, E.ERROR_AUTHENTICATION_FAILURE, 600);
        return;
      }
      yield st(S.AuthNotify, 600);
      const answer = yield { kind: 'pause', state: S.RetryAuthentication };
      if (answer?.kind === 'retry-authentication') {
        userName = answer.userName;
        password = answer.password;
      }
      changing = false;
      yield st(S.AuthRetry, 100);
    }
  }
  const account = userName.trim().toLowerCase();
  if (account === 'disabled') {
    yield fail(S.AuthNotify, E.ERROR_ACCT_DISABLED, 600);
    return;
  }
  if (account === 'nightshift') {
    yield fail(S.AuthNotify, E.ERROR_RESTRICTED_LOGON_HOURS, 600);
    return;
  }
  if (account === 'nodialin') {
    yield fail(S.AuthNotify, E.ERROR_NO_DIALIN_PERMISSION, 600);
    return;
  }
  yield st(S.AuthNotify, 600);

  let callBack = lineCase === 'callback-preset';
  if (lineCase === 'callback-caller') {
    yield st(S.AuthCallback, 200);
    if (ctx.pausedStates) {
      const answer = yield { kind: 'pause', state: S.CallbackSetByCaller };
      if (answer?.kind === 'callback') callbackNumber = answer.callbackNumber;
    }
    const number = (callbackNumber ?? '').trim();
    if (number !== '' && number !== '*') {
      if (!CALLBACK_CHARS.test(number)) {
        yield fail(S.AuthCallback, E.ERROR_BAD_CALLBACK_NUMBER, 0);
        return;
      }
      callBack = true;
    }
  }
  if (callBack) {
    yield st(S.PrepareForCallback, 300);
    yield st(S.WaitForModemReset, 1000);
    yield st(S.WaitForCallback, 500);
    yield st(S.ReAuthenticate, 4000);
    yield st(S.CallbackComplete, 300);
    yield st(S.AuthNotify, 600);
  }

  yield st(S.AuthProject, 100);
  if (line) yield st(S.AuthLinkSpeed, 300);
  yield st(S.AuthAck, 100);
  yield st(S.Authenticated, 100);
  yield st(S.Projected, 500);
  yield st(S.ApplySettings, 200);
  yield st(S.SubEntryConnected, 100);
  yield {
    kind: 'connected',
    ms: 100 * slow,
    dropAfterMs: lineCase === 'drop' ? LINK_DROP_AFTER_MS : null,
  };
}
