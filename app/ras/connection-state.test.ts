import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_STATES, RasState, describeState, groupOf, pausedKindOf } from './connection-state';

// The reference's own table (§1 of the shared RAS reference, copied into the repository; see
// the fixture's header), so that a value or group typed wrong here cannot pass.
function referenceStates(): { value: number; name: string; group: string }[] {
  const text = readFileSync(
    new URL('../../tests/fixtures/ras-reference/rasconnstate.md', import.meta.url),
    'utf8',
  );
  const start = text.indexOf('## 1. RASCONNSTATE');
  const end = text.indexOf('<!-- prettier-ignore-end -->');
  if (start < 0 || end < start) throw new Error('the fixture lacks the §1 table');
  const section = text.slice(start, end);
  return [
    ...section.matchAll(
      /^\| (\d+) \| 0x[0-9A-F]+ \| RASCS_(\w+) \| (running|paused|terminal) \|/gm,
    ),
  ].map((m) => ({
    value: Number(m[1]),
    name: m[2]!,
    group: m[3]!,
  }));
}

describe('connection states', () => {
  const reference = referenceStates();

  it('knows every RASCONNSTATE of the reference with its value, name and group', () => {
    expect(reference).toHaveLength(32);
    for (const r of reference) {
      const info = describeState(r.value);
      expect(info.known, r.name).toBe(true);
      expect(info.name).toBe(r.name);
      expect(info.group).toBe(r.group);
      expect(info.description.length).toBeGreaterThan(3);
    }
    expect(ALL_STATES.map((s) => s.value).sort((a, b) => a - b)).toEqual(
      reference.map((r) => r.value).sort((a, b) => a - b),
    );
  });

  it('keeps the Windows 95 states so SubEntryConnected is 22', () => {
    expect(RasState.SubEntryConnected).toBe(22);
    expect(describeState(19).windows95Only).toBe(true);
    expect(describeState(22).windows95Only).toBe(false);
  });

  it('keeps an unknown value as "State N" in the group its bits say', () => {
    expect(describeState(25)).toMatchObject({ name: 'State 25', group: 'running', known: false });
    expect(describeState(0x1005)).toMatchObject({ name: 'State 4101', group: 'paused' });
    expect(describeState(0x2002).group).toBe('terminal');
    expect(groupOf(0x3000)).toBe('terminal');
  });

  it('names what each paused state asks for', () => {
    expect(pausedKindOf(RasState.Interactive)).toBe('interactive');
    expect(pausedKindOf(RasState.RetryAuthentication)).toBe('retry-authentication');
    expect(pausedKindOf(RasState.CallbackSetByCaller)).toBe('callback');
    expect(pausedKindOf(RasState.PasswordExpired)).toBe('new-password');
    expect(pausedKindOf(RasState.InvokeEapUI)).toBe('eap');
    expect(pausedKindOf(0x1005)).toBeUndefined();
    expect(pausedKindOf(RasState.Connected)).toBeUndefined();
  });
});
