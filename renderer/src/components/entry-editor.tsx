// The entry editor, with rasphone's tabs: General, Options, Security, Networking. Every
// field is checked as the person types (app/phonebook/entry-rules.ts); Save is disabled
// while anything is invalid; Cancel with unsaved changes asks first.

import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultDevice, phoneNumber, type RasEntry } from '../../../app/phonebook/entry';
import { AUTH_PROTOCOLS } from '../../../app/phonebook/entry-settings';
import { validateEntry, type FieldProblem } from '../../../app/phonebook/entry-rules';
import { rasApi } from '../ras-api';
import { useAppStore } from '../store/app-store';
import { saveEntry, setPane, type Pane } from '../store/phonebook-actions';

type Tab = 'general' | 'options' | 'security' | 'networking';
const TABS: Tab[] = ['general', 'options', 'security', 'networking'];

function problemFor(problems: FieldProblem[], field: string): FieldProblem | undefined {
  return problems.find((p) => p.field === field);
}

function Row({
  label,
  problem,
  children,
}: {
  label: string;
  problem?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {problem && (
        <span className="problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
      {label}
    </label>
  );
}

export function EntryEditor({ pane }: { pane: Extract<Pane, { kind: 'editor' }> }) {
  const { t } = useTranslation();
  const entries = useAppStore((s) => s.entries);
  const [draft, setDraft] = useState<RasEntry>(pane.entry);
  const [tab, setTab] = useState<Tab>('general');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const others = useMemo(
    () =>
      entries
        .map((e) => e.name)
        .filter((n) => n.toLowerCase() !== (pane.originalName ?? '').toLowerCase()),
    [entries, pane.originalName],
  );
  const problems = validateEntry(draft, others);
  const dirty = JSON.stringify(draft) !== JSON.stringify(pane.entry);
  const set = (change: Partial<RasEntry>) => setDraft((d) => ({ ...d, ...change }));
  const message = (field: string) => {
    const p = problemFor(problems, field);
    return p ? t(`rule.${p.rule}`, { defaultValue: p.message }) : undefined;
  };
  const numbers = draft.phoneNumbers.length > 0 ? draft.phoneNumbers : [phoneNumber('')];
  const setNumber = (i: number, value: string) =>
    set({ phoneNumbers: numbers.map((n, k) => (k === i ? { ...n, number: value } : n)) });

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
              set({ type, ...defaultDevice(type) });
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
      <Row label={t('editor.device')}>
        {(id) => (
          <input
            id={id}
            value={draft.deviceName}
            maxLength={128}
            onChange={(e) => set({ deviceName: e.target.value })}
          />
        )}
      </Row>
      {draft.type === 'vpn' && (
        <Row label={t('editor.vpnType')}>
          {(id) => (
            <select
              id={id}
              value={draft.vpnType}
              onChange={(e) => set({ vpnType: e.target.value as RasEntry['vpnType'] })}
            >
              {(['automatic', 'pptp', 'l2tp', 'sstp', 'ikev2'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`vpn.${v}`)}
                </option>
              ))}
            </select>
          )}
        </Row>
      )}
      {numbers.map((n, i) => (
        <Row
          key={i}
          label={
            i === 0
              ? t(
                  draft.type === 'vpn'
                    ? 'editor.server'
                    : draft.type === 'broadband'
                      ? 'editor.service'
                      : 'editor.number',
                )
              : t('editor.alternate', { index: i })
          }
          problem={message(`phoneNumbers.${i}.number`)}
        >
          {(id) => (
            <input
              id={id}
              value={n.number}
              maxLength={128}
              onChange={(e) => setNumber(i, e.target.value)}
            />
          )}
        </Row>
      ))}
      {draft.type === 'phone' && (
        <div className="editor-line">
          <Row label={t('editor.areaCode')} problem={message('phoneNumbers.0.areaCode')}>
            {(id) => (
              <input
                id={id}
                value={numbers[0]!.areaCode}
                maxLength={10}
                size={8}
                onChange={(e) =>
                  set({
                    phoneNumbers: numbers.map((n, k) =>
                      k === 0 ? { ...n, areaCode: e.target.value } : n,
                    ),
                  })
                }
              />
            )}
          </Row>
          <Row label={t('editor.countryCode')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                value={numbers[0]!.countryCode}
                onChange={(e) =>
                  set({
                    phoneNumbers: numbers.map((n, k) =>
                      k === 0
                        ? {
                            ...n,
                            countryCode: Number(e.target.value) || 0,
                            countryId: Number(e.target.value) || 0,
                          }
                        : n,
                    ),
                  })
                }
              />
            )}
          </Row>
        </div>
      )}
      {draft.type === 'phone' && (
        <div className="editor-line">
          <button
            type="button"
            onClick={() => set({ phoneNumbers: [...numbers, phoneNumber('')] })}
          >
            {t('editor.addAlternate')}
          </button>
          {numbers.length > 1 && (
            <button type="button" onClick={() => set({ phoneNumbers: numbers.slice(0, -1) })}>
              {t('editor.removeAlternate')}
            </button>
          )}
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
          <Check
            label={t('editor.dialingRules')}
            checked={numbers[0]!.useDialingRules}
            onChange={(v) =>
              set({
                phoneNumbers: numbers.map((n, k) => (k === 0 ? { ...n, useDialingRules: v } : n)),
              })
            }
          />
        </div>
      )}
    </>
  );

  const wholeNumber = (field: 'redialAttempts' | 'redialSeconds' | 'idleDisconnectSeconds') => (
    <Row label={t(`editor.${field}`)} problem={message(field)}>
      {(id) => (
        <input
          id={id}
          type="number"
          min={0}
          value={draft[field]}
          onChange={(e) => set({ [field]: e.target.value === '' ? 0 : Number(e.target.value) })}
        />
      )}
    </Row>
  );

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
      <Check
        label={t('editor.promptNumber')}
        checked={draft.promptPhoneNumber}
        onChange={(v) => set({ promptPhoneNumber: v })}
      />
      {wholeNumber('redialAttempts')}
      {wholeNumber('redialSeconds')}
      {wholeNumber('idleDisconnectSeconds')}
      <Check
        label={t('editor.redialOnDrop')}
        checked={draft.redialOnLinkFailure}
        onChange={(v) => set({ redialOnLinkFailure: v })}
      />
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
    </>
  );

  const security = (
    <>
      <Row label={t('editor.encryption')}>
        {(id) => (
          <select
            id={id}
            value={draft.encryption}
            onChange={(e) => set({ encryption: e.target.value as RasEntry['encryption'] })}
          >
            {(['required', 'maximum', 'optional', 'none'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`encryption.${v}`)}
              </option>
            ))}
          </select>
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
      <Check
        label={t('editor.terminal')}
        checked={draft.terminalAfterDial}
        onChange={(v) => set({ terminalAfterDial: v })}
      />
    </>
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
      <Check
        label={t('editor.remoteGateway')}
        checked={draft.useRemoteGateway}
        onChange={(v) => set({ useRemoteGateway: v })}
      />
    </>
  );

  const panels: Record<Tab, ReactNode> = { general, options, security, networking };
  const badDns = draft.dnsServers.some(
    (a) => !/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(a),
  );
  const invalid = problems.length > 0 || badDns;

  return (
    <form
      className="editor"
      aria-labelledby="editor-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) void saveEntry(rasApi(), pane, { ...draft, phoneNumbers: numbers });
      }}
    >
      <h1 id="editor-title">
        {pane.mode === 'new'
          ? t('editor.newTitle')
          : t('editor.title', { name: pane.originalName })}
      </h1>
      <div role="tablist" className="tabs">
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
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {panels[tab]}
        {tab === 'networking' && badDns && (
          <span className="problem" role="alert">
            {t('rule.bad-address')}
          </span>
        )}
      </div>
      {invalid &&
        tab !== 'general' &&
        problems.some((p) => p.field === 'name' || p.field.startsWith('phoneNumbers')) && (
          <p className="problem">{t('editor.generalHasProblems')}</p>
        )}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={invalid || (!dirty && pane.mode === 'edit')}
        >
          {t('editor.save')}
        </button>
        <button
          type="button"
          onClick={() => (dirty ? setConfirmDiscard(true) : setPane({ kind: 'entry' }))}
        >
          {t('dialog.cancel')}
        </button>
      </div>
      {confirmDiscard && (
        <div className="confirm" role="alertdialog" aria-labelledby="discard-title">
          <p id="discard-title">{t('editor.discard')}</p>
          <button type="button" className="danger" onClick={() => setPane({ kind: 'entry' })}>
            {t('editor.discardYes')}
          </button>
          <button type="button" onClick={() => setConfirmDiscard(false)}>
            {t('editor.keepEditing')}
          </button>
        </div>
      )}
    </form>
  );
}
