// The entry editor, with rasphone's tabs: General, Options, Security, Networking. Every
// field is checked as the person types (app/phonebook/entry-rules.ts); Save is disabled
// while anything is invalid; every way out with unsaved changes asks first (the store's
// leaveEditor). A code the editor does not offer (a VPN strategy, an encryption level, a
// device or country this computer lacks) is shown as it is and kept. Options that only a
// dial-up line has are not shown for other types; their stored values stay as they are.

import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultDevice,
  phoneNumber,
  primaryDestination,
  type PhoneNumber,
  type RasEntry,
} from '../../../app/phonebook/entry';
import {
  AUTH_PROTOCOLS,
  DATA_ENCRYPTION,
  ENCRYPTION_LEVELS,
  VPN_STRATEGIES,
  encryptionLevel,
  vpnStrategyName,
} from '../../../app/phonebook/entry-settings';
import {
  MAX_REDIAL_ATTEMPTS,
  MAX_REDIAL_SECONDS,
  validateEntry,
  type FieldProblem,
} from '../../../app/phonebook/entry-rules';
import { PWLEN } from '../../../app/ras/limits';
import { Dialog } from '../dialogs/dialog';
import { rasApi } from '../ras-api';
import { useAppStore } from '../store/app-store';
import { saveEntry, setPane, type Pane } from '../store/phonebook-actions';
import { Check, CodeSelect, Row } from './editor-fields';
import {
  CountrySelect,
  DeviceSelect,
  devicesFor,
  useRasChoices,
  type Device,
} from './entry-choices';
import { PhoneNumbers } from './phone-numbers';
import { KeepOption, isKept, saveKeepOption } from './keep-connected';
import { ImportNotes } from './provisioning-dialogs';

type Tab = 'general' | 'options' | 'security' | 'networking';
const TABS: Tab[] = ['general', 'options', 'security', 'networking'];

/** The tab a key moves to from tab number `from` (the ARIA tabs pattern), or null. */
function tabFor(key: string, from: number): Tab | null {
  const n = TABS.length;
  const moves: Record<string, number> = {
    ArrowLeft: from + n - 1,
    ArrowRight: from + 1,
    Home: 0,
    End: n - 1,
  };
  const to = moves[key];
  return from < 0 || to === undefined ? null : TABS[to % n]!;
}

const STRATEGY_CODES: readonly number[] = Object.values(VPN_STRATEGIES);
const ENCRYPTION_CODES: readonly number[] = ENCRYPTION_LEVELS.map((l) => DATA_ENCRYPTION[l]);
/** The network outage times Windows offers in its IKEv2 settings, in seconds. */
const OUTAGE_SECONDS: readonly number[] = [300, 1800, 3600, 7200, 14400, 28800];
/** The interface metrics Windows accepts when the metric is not automatic. */
const MAX_METRIC = 9999;

type MetricField = 'ipv4Metric' | 'ipv6Metric';
/** A metric as typed: the text, and whether "Automatic metric" is off. */
type MetricInput = { manual: boolean; text: string };

const metricInput = (value: number): MetricInput =>
  value === 0 ? { manual: false, text: '' } : { manual: true, text: String(value) };

/** The number a typed metric stands for; NaN (a problem) for anything but digits. */
const metricValue = (input: MetricInput): number =>
  !input.manual ? 0 : /^\d+$/.test(input.text.trim()) ? Number(input.text.trim()) : Number.NaN;

function problemFor(problems: FieldProblem[], field: string): FieldProblem | undefined {
  return problems.find((p) => p.field === field);
}

type WholeField = 'redialAttempts' | 'redialSeconds' | 'idleDisconnectSeconds';
const WHOLE_FIELDS: WholeField[] = ['redialAttempts', 'redialSeconds', 'idleDisconnectSeconds'];
/** IdleDisconnectSeconds: 0 is Windows' own setting, 0xFFFFFFFF never (RASIDS_Disabled). */
const IDLE_NEVER = 0xffffffff;
const MAX_IDLE_SECONDS = 0xfffffffe;

/** The number a typed whole number stands for: NaN (a problem) for anything but digits. */
const wholeValue = (text: string): number =>
  /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;

/** Which tab holds a field, so a problem elsewhere can say where it is. */
function tabOf(field: string): Tab {
  if (/^(redial|idle|callback|show|prompt|include)/.test(field)) return 'options';
  if (/^(vpnStrategy|encryption|auth|eap|useWindowsLogon|usePreSharedKey|preSharedKey)/.test(field))
    return 'security';
  if (
    /^(ipv|dns|registerInDns|useRemoteGateway|disableClassBasedRoute|ikev2|networkOutage)/.test(
      field,
    )
  )
    return 'networking';
  return 'general';
}

/** Each number box's range and the words for it (the rules' own, for the model's checks). */
const WHOLE_RANGES: Record<WholeField, { rule: string; max: number }> = {
  redialAttempts: { rule: 'out-of-range', max: MAX_REDIAL_ATTEMPTS },
  redialSeconds: { rule: 'seconds-range', max: MAX_REDIAL_SECONDS },
  idleDisconnectSeconds: { rule: 'seconds-range', max: MAX_IDLE_SECONDS },
};

/** A typed whole number that is not one (an emptied box), or idle seconds out of range. */
function wholeProblems(texts: Record<WholeField, string>, entry: RasEntry): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of WHOLE_FIELDS) {
    if (field === 'idleDisconnectSeconds' && entry.idleDisconnectSeconds === IDLE_NEVER) continue;
    const { rule, max } = WHOLE_RANGES[field];
    if (!(wholeValue(texts[field]) <= max))
      problems.push({ field, rule, message: `A whole number from 0 to ${max}.`, min: 0, max });
  }
  return problems;
}

/**
 * The metric as Windows' dialog takes it, 1–9999, when "Automatic metric" is off; a metric
 * the file already had is kept as it is, even one beyond that.
 */
function metricProblems(
  entry: RasEntry,
  original: RasEntry,
  metrics: Record<MetricField, MetricInput>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['ipv4Metric', 'ipv6Metric'] as const) {
    const value = entry[field];
    const kept = value !== 0 && value === original[field];
    if (
      metrics[field].manual &&
      !kept &&
      !(Number.isInteger(value) && value >= 1 && value <= MAX_METRIC)
    )
      problems.push({
        field,
        rule: 'metric-range',
        message: `A whole number from 1 to ${MAX_METRIC}.`,
      });
  }
  return problems;
}

export function EntryEditor({ pane }: { pane: Extract<Pane, { kind: 'editor' }> }) {
  const { t } = useTranslation();
  const entries = useAppStore((s) => s.entries);
  const [draft, setDraft] = useState<RasEntry>(pane.entry);
  const [tab, setTab] = useState<Tab>('general');
  // "Keep connected" lives in the settings; it is saved with the entry.
  const [keptBefore] = useState(() =>
    isKept(useAppStore.getState().settings, {
      phonebook: pane.phonebook,
      name: pane.originalName ?? pane.entry.name,
    }),
  );
  // An imported Always On profile starts with Keep connected on.
  const [keep, setKeep] = useState(keptBefore || !!pane.imported?.keepConnected);
  const { devices, countries } = useRasChoices();
  const leave = useAppStore((s) => s.editorLeave);
  const others = useMemo(
    () =>
      entries
        .map((e) => e.name)
        .filter((n) => n.toLowerCase() !== (pane.originalName ?? '').toLowerCase()),
    [entries, pane.originalName],
  );
  const [metrics, setMetrics] = useState<Record<MetricField, MetricInput>>(() => ({
    ipv4Metric: metricInput(pane.entry.ipv4Metric),
    ipv6Metric: metricInput(pane.entry.ipv6Metric),
  }));
  // Filled in only from an imported text: a key is sent only when one was typed or imported.
  const [preSharedKey, setPreSharedKey] = useState(pane.imported?.preSharedKey ?? '');
  // Numbers as typed: an emptied box stays empty (not 0), and 300 stays 300.
  const [wholes, setWholes] = useState<Record<WholeField, string>>(() => ({
    redialAttempts: String(pane.entry.redialAttempts),
    redialSeconds: String(pane.entry.redialSeconds),
    idleDisconnectSeconds:
      pane.entry.idleDisconnectSeconds === IDLE_NEVER
        ? ''
        : String(pane.entry.idleDisconnectSeconds),
  }));
  // A problem shows once its field was changed or a save was tried, never on a fresh entry.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  // The editor's metric message comes first: it names the range the box takes.
  const problems = [
    ...wholeProblems(wholes, draft),
    ...metricProblems(draft, pane.entry, metrics),
    ...validateEntry(draft, others, {
      destinationRequired: pane.mode === 'new' || primaryDestination(pane.entry).trim() !== '',
    }),
  ];
  const keyToSend =
    draft.type === 'vpn' && draft.usePreSharedKey && preSharedKey !== '' ? preSharedKey : undefined;
  const dirty =
    JSON.stringify(draft) !== JSON.stringify(pane.entry) ||
    keyToSend !== undefined ||
    keep !== keptBefore;
  useEffect(() => useAppStore.setState({ editorDirty: dirty }), [dirty]);
  useEffect(() => () => useAppStore.setState({ editorDirty: false, editorLeave: null }), []);
  const set = (change: Partial<RasEntry>) => {
    setTouched((t) => new Set([...t, ...Object.keys(change)]));
    setDraft((d) => ({ ...d, ...change }));
  };
  const setWhole = (field: WholeField, text: string) => {
    setWholes((w) => ({ ...w, [field]: text }));
    set({ [field]: wholeValue(text) });
  };
  const setMetric = (field: MetricField, input: MetricInput) => {
    setMetrics((m) => ({ ...m, [field]: input }));
    set({ [field]: metricValue(input) });
  };
  const shown = (field: string) => attempted || touched.has(field.split('.')[0]!);
  const message = (field: string) => {
    const p = problemFor(problems, field);
    if (!p || !shown(p.field)) return undefined;
    return t(`rule.${p.rule}`, { defaultValue: p.message, min: p.min, max: p.max });
  };
  const numbers = draft.phoneNumbers.length > 0 ? draft.phoneNumbers : [phoneNumber('')];
  const setPrimary = (change: Partial<PhoneNumber>) =>
    set({ phoneNumbers: numbers.map((n, k) => (k === 0 ? { ...n, ...change } : n)) });
  const phone = draft.type === 'phone';
  /** A new type takes the first device of its kind this computer has (else Windows' usual one). */
  const deviceOf = (type: RasEntry['type']): Partial<RasEntry> => {
    const first: Device | undefined = devices ? devicesFor(type, devices)[0] : undefined;
    return first
      ? { ...defaultDevice(type), deviceType: first.type, deviceName: first.name }
      : defaultDevice(type);
  };
  const offered = devices ? devicesFor(draft.type, devices) : null;

  const general = (
    <>
      <Row label={t('editor.name')} problem={message('name')}>
        {(id) => (
          <input
            id={id}
            value={draft.name}
            maxLength={256}
            onChange={(e) => set({ name: e.target.value })}
          />
        )}
      </Row>
      <Row label={t('editor.type')}>
        {(id) => (
          <select
            id={id}
            value={draft.type}
            onChange={(e) => {
              const type = e.target.value as RasEntry['type'];
              set({ type, ...deviceOf(type) });
            }}
          >
            {(['phone', 'vpn', 'broadband', 'direct'] as const).map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </select>
        )}
      </Row>
      <Row
        label={t('editor.device')}
        hint={offered?.length === 0 ? t('entryOptions.noDevices') : undefined}
      >
        {(id) => (
          <DeviceSelect
            id={id}
            entry={draft}
            original={pane.entry}
            devices={devices}
            onChange={(d) => set({ deviceType: d.type, deviceName: d.name })}
          />
        )}
      </Row>
      {draft.type === 'vpn' && (
        <Row label={t('editor.vpnType')}>
          {(id) => (
            <CodeSelect
              id={id}
              value={draft.vpnStrategy}
              original={pane.entry.vpnStrategy}
              known={STRATEGY_CODES}
              label={(code) => t(`vpn.${vpnStrategyName(code)}`)}
              otherLabel={(value) => t('vpn.other', { value })}
              onChange={(vpnStrategy) => set({ vpnStrategy })}
            />
          )}
        </Row>
      )}
      <PhoneNumbers
        type={draft.type}
        numbers={numbers}
        problem={(i) => message(`phoneNumbers.${i}.number`)}
        onChange={(phoneNumbers) => set({ phoneNumbers })}
      />
      {phone && (
        <>
          <Check
            label={t('editor.dialingRules')}
            checked={numbers[0]!.useDialingRules}
            onChange={(useDialingRules) => setPrimary({ useDialingRules })}
          />
          {/* Windows uses them only with its dialing rules (RASEO_UseCountryAndAreaCodes). */}
          <div className="editor-line">
            <Row label={t('editor.areaCode')} problem={message('phoneNumbers.0.areaCode')}>
              {(id) => (
                <input
                  id={id}
                  disabled={!numbers[0]!.useDialingRules}
                  value={numbers[0]!.areaCode}
                  maxLength={10}
                  size={8}
                  onChange={(e) => setPrimary({ areaCode: e.target.value })}
                />
              )}
            </Row>
            <Row label={t('entryOptions.country')}>
              {(id) => (
                <CountrySelect
                  id={id}
                  disabled={!numbers[0]!.useDialingRules}
                  number={numbers[0]!}
                  countries={countries}
                  onChange={setPrimary}
                />
              )}
            </Row>
          </div>
          <Check
            label={t('editor.tryNext')}
            checked={draft.tryNextAlternateOnFail}
            onChange={(v) => set({ tryNextAlternateOnFail: v })}
          />
          <Check
            label={t('editor.promote')}
            checked={draft.promoteAlternates}
            onChange={(v) => set({ promoteAlternates: v })}
          />
        </>
      )}
    </>
  );

  const wholeNumber = (field: WholeField, disabled = false) => (
    <Row label={t(`editor.${field}`)} problem={message(field)}>
      {(id) => (
        <input
          id={id}
          // Text with a numeric keyboard, not type=number: the box shows exactly what was typed.
          inputMode="numeric"
          disabled={disabled}
          value={disabled ? '' : wholes[field]}
          onChange={(e) => setWhole(field, e.target.value)}
        />
      )}
    </Row>
  );
  const idleNever = draft.idleDisconnectSeconds === IDLE_NEVER;

  const options = (
    <>
      <Check
        label={t('editor.showProgress')}
        checked={draft.showProgress}
        onChange={(v) => set({ showProgress: v })}
      />
      <Check
        label={t('editor.promptCredentials')}
        checked={draft.promptCredentials}
        onChange={(v) => set({ promptCredentials: v })}
      />
      <Check
        label={t('editor.includeDomain')}
        checked={draft.includeLogonDomain}
        onChange={(v) => set({ includeLogonDomain: v })}
      />
      {phone && (
        <Check
          label={t('editor.promptNumber')}
          checked={draft.promptPhoneNumber}
          onChange={(v) => set({ promptPhoneNumber: v })}
        />
      )}
      {wholeNumber('redialAttempts')}
      {wholeNumber('redialSeconds')}
      {wholeNumber('idleDisconnectSeconds', idleNever)}
      <Check
        label={t('editor.idleNever')}
        checked={idleNever}
        onChange={(never) =>
          set({
            idleDisconnectSeconds: never
              ? IDLE_NEVER
              : wholeValue(wholes.idleDisconnectSeconds || '0'),
          })
        }
      />
      <Check
        label={t('editor.redialOnDrop')}
        checked={draft.redialOnLinkFailure}
        onChange={(v) => set({ redialOnLinkFailure: v })}
      />
      <KeepOption checked={keep} onChange={setKeep} />
      {phone && (
        <Row label={t('editor.callback')}>
          {(id) => (
            <select
              id={id}
              value={draft.callbackMode}
              onChange={(e) => set({ callbackMode: e.target.value as RasEntry['callbackMode'] })}
            >
              {(['none', 'caller', 'preset'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`callback.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Row>
      )}
    </>
  );

  const security = (
    <>
      <Row label={t('editor.encryption')}>
        {(id) => (
          <CodeSelect
            id={id}
            value={draft.encryption}
            original={pane.entry.encryption}
            known={ENCRYPTION_CODES}
            label={(code) => t(`encryption.${encryptionLevel(code)}`)}
            otherLabel={(value) => t('encryption.other', { value })}
            onChange={(encryption) => set({ encryption })}
          />
        )}
      </Row>
      {draft.eapTypeId === 0 && (
        <fieldset className="checklist">
          <legend>{t('editor.authProtocols')}</legend>
          {AUTH_PROTOCOLS.map((p) => (
            <Check
              key={p}
              label={t(`auth.${p}`)}
              checked={draft.authProtocols.includes(p)}
              onChange={(v) =>
                set({
                  authProtocols: v
                    ? [...draft.authProtocols, p]
                    : draft.authProtocols.filter((x) => x !== p),
                })
              }
            />
          ))}
        </fieldset>
      )}
      <Check
        label={t('editor.useWindowsLogon')}
        checked={draft.useWindowsLogon}
        onChange={(v) => set({ useWindowsLogon: v })}
      />
      <Check
        label={t('editor.useEap')}
        checked={draft.eapTypeId !== 0}
        onChange={(v) => set({ eapTypeId: v ? 25 : 0 })}
      />
      {draft.eapTypeId !== 0 && (
        <Row label={t('editor.eapMethod')}>
          {(id) => (
            <select
              id={id}
              value={draft.eapTypeId}
              onChange={(e) => set({ eapTypeId: Number(e.target.value) })}
            >
              <option value={25}>PEAP</option>
              <option value={13}>EAP-TLS</option>
              <option value={26}>EAP-MSCHAPv2</option>
            </select>
          )}
        </Row>
      )}
      {draft.type === 'vpn' && (
        <fieldset className="group">
          <legend>{t('editor.pskGroup')}</legend>
          <Check
            label={t('editor.usePreSharedKey')}
            checked={draft.usePreSharedKey}
            onChange={(v) => set({ usePreSharedKey: v })}
          />
          {draft.usePreSharedKey && (
            <Row
              label={t('editor.preSharedKey')}
              hint={
                pane.imported?.preSharedKey
                  ? t('provision.pskImported')
                  : pane.credentials?.hasPreSharedKey
                    ? t('editor.pskSaved')
                    : t('editor.pskNone')
              }
            >
              {(id, describedBy) => (
                <input
                  id={id}
                  type="password"
                  autoComplete="new-password"
                  maxLength={PWLEN}
                  value={preSharedKey}
                  aria-describedby={describedBy}
                  onChange={(e) => setPreSharedKey(e.target.value)}
                />
              )}
            </Row>
          )}
        </fieldset>
      )}
      {draft.type === 'vpn' && (
        <fieldset className="group">
          <legend>{t('editor.ikev2Group')}</legend>
          <Check
            label={t('editor.ikev2Mobility')}
            checked={draft.ikev2Mobility}
            onChange={(v) => set({ ikev2Mobility: v })}
          />
          <Row label={t('editor.networkOutage')}>
            {(id) => (
              <CodeSelect
                id={id}
                value={draft.networkOutageSeconds}
                original={pane.entry.networkOutageSeconds}
                known={OUTAGE_SECONDS}
                label={(seconds) => t(`outage.${seconds}`)}
                otherLabel={(seconds) => t('outage.other', { seconds })}
                disabled={!draft.ikev2Mobility}
                onChange={(networkOutageSeconds) => set({ networkOutageSeconds })}
              />
            )}
          </Row>
        </fieldset>
      )}
      {/* A terminal talks to a modem or a cable's far end: a tunnel has none. */}
      {(phone || draft.type === 'direct') && (
        <Check
          label={t('editor.terminal')}
          checked={draft.terminalAfterDial}
          onChange={(v) => set({ terminalAfterDial: v })}
        />
      )}
    </>
  );

  const metric = (field: MetricField) => (
    <fieldset className="group">
      <legend>{t(`editor.${field}`)}</legend>
      <Check
        label={t('editor.automaticMetric')}
        checked={!metrics[field].manual}
        onChange={(automatic) => setMetric(field, { ...metrics[field], manual: !automatic })}
      />
      <Row label={t('editor.metric')} problem={message(field)}>
        {(id) => (
          <input
            id={id}
            type="number"
            min={1}
            max={MAX_METRIC}
            step={1}
            size={6}
            disabled={!metrics[field].manual}
            value={metrics[field].manual ? metrics[field].text : ''}
            onChange={(e) => setMetric(field, { manual: true, text: e.target.value })}
          />
        )}
      </Row>
    </fieldset>
  );

  const networking = (
    <>
      <Check label="IPv4" checked={draft.ipv4} onChange={(v) => set({ ipv4: v })} />
      <Check label="IPv6" checked={draft.ipv6} onChange={(v) => set({ ipv6: v })} />
      <Row label={t('editor.dns')}>
        {(id) => (
          <input
            id={id}
            value={draft.dnsServers.join(', ')}
            placeholder={t('editor.dnsAssigned')}
            onChange={(e) =>
              set({
                dnsServers: e.target.value
                  .split(/[\s,]+/)
                  .filter(Boolean)
                  .slice(0, 2),
              })
            }
          />
        )}
      </Row>
      <Row label={t('editor.dnsSuffix')} problem={message('dnsSuffix')}>
        {(id) => (
          <input
            id={id}
            value={draft.dnsSuffix}
            onChange={(e) => set({ dnsSuffix: e.target.value })}
          />
        )}
      </Row>
      <Check
        label={t('editor.registerInDns')}
        checked={draft.registerInDns}
        onChange={(v) => set({ registerInDns: v })}
      />
      <Check
        label={t('editor.remoteGateway')}
        checked={draft.useRemoteGateway}
        onChange={(v) => set({ useRemoteGateway: v })}
      />
      <Check
        label={t('editor.disableClassBasedRoute')}
        checked={draft.disableClassBasedRoute}
        onChange={(v) => set({ disableClassBasedRoute: v })}
      />
      <div className="editor-line metrics">
        {metric('ipv4Metric')}
        {metric('ipv6Metric')}
      </div>
    </>
  );

  const panels: Record<Tab, ReactNode> = { general, options, security, networking };
  const badDns = draft.dnsServers.some(
    (a) => !/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(a),
  );
  const invalid = problems.length > 0 || badDns;
  // The tabs, other than this one, with a problem the person has been shown.
  const elsewhere = TABS.filter(
    (name) =>
      name !== tab &&
      (problems.some((p) => shown(p.field) && tabOf(p.field) === name) ||
        (name === 'networking' && badDns)),
  );

  return (
    <>
      <form
        className="editor"
        aria-labelledby="editor-title"
        // The editor checks every field itself, including a kept value beyond an input's range.
        noValidate
        // Escape is Cancel: with unsaved changes, setPane asks first.
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || e.defaultPrevented || e.nativeEvent.isComposing) return;
          e.preventDefault();
          setPane({ kind: 'entry' });
        }}
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) {
            void saveEntry(rasApi(), pane, { ...draft, phoneNumbers: numbers }, keyToSend).then(
              (ok) => {
                // Saved, even when a key was refused: the editor closed.
                const saved = ok || useAppStore.getState().pane.kind !== 'editor';
                if (saved && keep !== keptBefore)
                  void saveKeepOption(
                    rasApi(),
                    { phonebook: pane.phonebook, name: draft.name },
                    pane.originalName,
                    keep,
                  );
              },
            );
            return;
          }
          // Show every problem, on the tab of the first one.
          setAttempted(true);
          const first = problems[0];
          setTab(first ? tabOf(first.field) : 'networking');
        }}
      >
        <h1 id="editor-title">
          {pane.mode === 'new'
            ? t('editor.newTitle')
            : t('editor.title', { name: pane.originalName })}
        </h1>
        {pane.imported && <ImportNotes imported={pane.imported} />}
        <div
          role="tablist"
          className="tabs"
          onKeyDown={(e) => {
            const from = TABS.findIndex((name) => (e.target as Element).id === `tab-${name}`);
            const next = tabFor(e.key, from);
            if (!next) return;
            e.preventDefault();
            setTab(next);
            document.getElementById(`tab-${next}`)?.focus();
          }}
        >
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              onClick={() => setTab(name)}
            >
              {t(`editor.tab.${name}`)}
            </button>
          ))}
        </div>
        <div
          role="tabpanel"
          id={`panel-${tab}`}
          aria-labelledby={`tab-${tab}`}
          className="tab-panel"
        >
          {panels[tab]}
          {tab === 'networking' && badDns && (
            <span className="problem" role="alert">
              {t('rule.bad-address')}
            </span>
          )}
        </div>
        {elsewhere.length > 0 && (
          <p className="problem" role="status">
            {t('editor.otherTabsHaveProblems', {
              tabs: elsewhere.map((name) => t(`editor.tab.${name}`)).join(', '),
            })}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            // Enabled with problems: pressing it shows them, on their tab.
            disabled={!dirty && pane.mode === 'edit'}
          >
            {t('editor.save')}
          </button>
          {/* With unsaved changes, setPane asks first (the question below). */}
          <button type="button" onClick={() => setPane({ kind: 'entry' })}>
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
      {/* Outside the form: the dialog's own submit must not bubble into the editor's Save. */}
      {leave && (
        <Dialog
          title={t('editor.discard')}
          initialFocus="cancel"
          onCancel={() => useAppStore.setState({ editorLeave: null })}
          onSubmit={() => {
            useAppStore.setState({ editorLeave: null, editorDirty: false });
            leave();
          }}
          actions={
            <button type="submit" className="danger">
              {t('editor.discardYes')}
            </button>
          }
        >
          <p>{t('entryOptions.leaveText')}</p>
        </Dialog>
      )}
    </>
  );
}
