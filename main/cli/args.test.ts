import { describe, expect, it } from 'vitest';
import { parseAnswer, parseArgs, parseEncoding, UsageError } from './args';

describe('ras-connect arguments (rasdial syntax)', () => {
  it('lists connections with no arguments', () => {
    expect(parseArgs([])).toMatchObject({ kind: 'list', json: false });
    expect(parseArgs(['--json', '/PHONEBOOK:x.pbk'])).toMatchObject({
      kind: 'list',
      json: true,
      phonebook: 'x.pbk',
    });
  });

  it('dials ENTRY USER PASSWORD with every switch, in any case and abbreviated', () => {
    expect(
      parseArgs([
        'Office VPN',
        'alice',
        's3cret',
        '/domain:CORP',
        '/Phone:555-0199',
        '/CALLBACK:555 0142',
        '/phonebook:C:\\pbk\\my.pbk',
        '/pre',
      ]),
    ).toEqual({
      kind: 'dial',
      entry: 'Office VPN',
      userName: 'alice',
      password: 's3cret',
      domain: 'CORP',
      phoneNumber: '555-0199',
      callbackNumber: '555 0142',
      phonebook: 'C:\\pbk\\my.pbk',
      usePrefixSuffix: true,
      answers: [],
      terminalLines: [],
      holdSeconds: undefined,
      json: false,
      backend: undefined,
    });
    expect(parseArgs(['E', '/DOM:x', '/CALL:1', '/PHONEB:p'])).toMatchObject({
      domain: 'x',
      callbackNumber: '1',
      phonebook: 'p',
    });
  });

  it('reads --encoding as a Windows code page by number or name, and refuses others', () => {
    expect(parseArgs(['E', '/PHONEBOOK:old.pbk', '--encoding', '1251'])).toMatchObject({
      kind: 'dial',
      phonebook: 'old.pbk',
      encoding: 'windows-1251',
    });
    expect(parseArgs(['E', '--encoding=GBK'])).toMatchObject({ encoding: 'gbk' });
    expect(parseArgs(['E', '--encoding', 'auto'])).toMatchObject({ encoding: 'automatic' });
    for (const value of ['cp1251', 'windows-1251', 'Win1251'])
      expect(parseEncoding(value)).toBe('windows-1251');
    expect(parseEncoding('936')).toBe('gbk');
    expect(() => parseArgs(['E', '--encoding', 'bogus'])).toThrow(UsageError);
    expect(() => parseEncoding('bogus')).toThrow(
      /"bogus" is not a Windows code page: use one such as 1251, cp1251/,
    );
    expect(() => parseEncoding('utf-8')).toThrow(/UTF-8 is recognized by itself/);
  });

  it('takes * as "ask for the password"', () => {
    expect(parseArgs(['E', 'bob', '*'])).toMatchObject({ userName: 'bob', password: '*' });
  });

  it('hangs up with /DISCONNECT or any prefix of it', () => {
    for (const d of ['/DISCONNECT', '/d', '/Dis'])
      expect(parseArgs(['Office', d])).toMatchObject({ kind: 'disconnect', entry: 'Office' });
    expect(parseArgs(['/D'])).toMatchObject({ kind: 'disconnect', entry: undefined });
  });

  it('reads status [ENTRY] with --json and --backend, the word in any case', () => {
    expect(parseArgs(['status'])).toEqual({
      kind: 'status',
      entry: undefined,
      json: false,
      backend: undefined,
      phonebook: undefined,
      encoding: undefined,
    });
    expect(parseArgs(['STATUS', 'Office VPN', '--json', '--backend', 'win32'])).toMatchObject({
      kind: 'status',
      entry: 'Office VPN',
      json: true,
      backend: 'win32',
    });
    expect(parseArgs(['status', '--help'])).toMatchObject({ kind: 'help' });
    // Only as the first word: after an option it is an entry to dial.
    expect(parseArgs(['--backend', 'simulated', 'status'])).toMatchObject({
      kind: 'dial',
      entry: 'status',
    });
    expect(() => parseArgs(['status', 'A', 'B'])).toThrow('status takes at most the entry name.');
    expect(() => parseArgs(['status', ''])).toThrow('The entry name is empty.');
    for (const extra of [['/D'], ['/PHONEBOOK:x.pbk'], ['--hold', '1'], ['--password-env', 'P']])
      expect(() => parseArgs(['status', 'A', ...extra])).toThrow(
        'status takes the entry name, --json and --backend only.',
      );
  });

  it('reads --answer, --json, --backend and --hold', () => {
    const c = parseArgs([
      'E',
      '--answer',
      'callback=',
      '--answer=credentials=u:p:D',
      '--answer',
      'new-password=n',
      '--answer',
      'eap=done',
      '--answer',
      'interactive=DONE',
      '--json',
      '--backend',
      'simulated',
      '--hold=2.5',
    ]);
    expect(c).toMatchObject({
      kind: 'dial',
      json: true,
      backend: 'simulated',
      holdSeconds: 2.5,
      answers: [
        { kind: 'callback', callbackNumber: '' },
        { kind: 'retry-authentication', userName: 'u', password: 'p', domain: 'D' },
        { kind: 'new-password', password: 'n' },
        { kind: 'eap' },
        { kind: 'interactive' },
      ],
    });
  });

  describe('credentials for a RetryAuthentication pause', () => {
    it('keeps a password with colons whole in the user=, password=, domain= form', () => {
      const c = parseArgs([
        'E',
        '--answer',
        'user=alice',
        '--answer',
        'password=pa:ss:word',
        '--answer',
        'domain=CORP',
      ]);
      expect(c).toMatchObject({
        answers: [
          {
            kind: 'retry-authentication',
            userName: 'alice',
            password: 'pa:ss:word',
            domain: 'CORP',
          },
        ],
      });
    });

    it('groups the pieces in order: a piece given again starts the next answer', () => {
      const c = parseArgs([
        'E',
        '--answer=password=first',
        '--answer=callback=',
        '--answer=password=:second:',
        '--answer=user=bob',
      ]);
      expect(c).toMatchObject({
        answers: [
          { kind: 'retry-authentication', password: 'first' },
          { kind: 'callback', callbackNumber: '' },
          { kind: 'retry-authentication', userName: 'bob', password: ':second:' },
        ],
      });
      // The user and domain not given are the ones the pause reports (filled in when used).
      const first = (c as { answers: Record<string, unknown>[] }).answers[0]!;
      expect(first.userName).toBeUndefined();
      expect(first.domain).toBeUndefined();
    });

    it('reads credentials=USER:PASSWORD and USER:PASSWORD:DOMAIN as before', () => {
      expect(parseAnswer('credentials=u:p')).toEqual({
        kind: 'retry-authentication',
        userName: 'u',
        password: 'p',
        domain: '',
      });
      expect(parseAnswer('credentials=DOM\\u:p:D')).toEqual({
        kind: 'retry-authentication',
        userName: 'DOM\\u',
        password: 'p',
        domain: 'D',
      });
    });

    it.each([
      'credentials=u:p:with:colons',
      'credentials=u:pa:ss:CORP',
      'credentials=onlyuser',
      'credentials=:p',
      'credentials=u:',
      'credentials=u::D',
      'credentials=u:p:',
      'credentials=',
    ])('refuses the ambiguous %j, pointing to user=, password=, domain=', (spec) => {
      expect(() => parseAnswer(spec)).toThrowError(UsageError);
      expect(() => parseAnswer(spec)).toThrowError(/user=NAME --answer password=PW/);
    });

    it('never repeats the refused value, which holds a password', () => {
      expect(() => parseAnswer('credentials=u:top:se:cret')).not.toThrowError(/top|cret/);
    });

    it.each([
      [['E', '--answer', 'user=bob'], /needs a password=/],
      [['E', '--answer', 'domain=CORP', '--answer', 'user=bob'], /needs a password=/],
      [
        ['E', '--answer', 'password=a', '--answer', 'domain=D', '--answer', 'domain=E'],
        /needs a password=/,
      ],
      [['E', '--answer', 'user='], /user= needs a name/],
    ])('refuses %j', (argv, message) => {
      expect(() => parseArgs(argv)).toThrowError(UsageError);
      expect(() => parseArgs(argv)).toThrowError(message);
    });
  });

  describe('passwords kept out of argv', () => {
    it('takes the password from standard input or a named environment variable', () => {
      expect(parseArgs(['E', 'alice', '--password-stdin'])).toMatchObject({
        kind: 'dial',
        userName: 'alice',
        password: undefined,
        passwordFrom: { kind: 'stdin' },
      });
      expect(parseArgs(['E', 'alice', '--password-env', 'VPN_PW'])).toMatchObject({
        passwordFrom: { kind: 'env', name: 'VPN_PW' },
      });
      expect(parseArgs(['E', 'alice', '--password-env=VPN_PW'])).toMatchObject({
        passwordFrom: { kind: 'env', name: 'VPN_PW' },
      });
    });

    it.each([
      [['E', '--password-stdin'], /USER/],
      [['E', 'alice', 'pw', '--password-stdin'], /not both/],
      [['E', 'alice', '*', '--password-env', 'X'], /not both/],
      [['E', 'alice', '--password-stdin', '--password-env', 'X'], /one of/],
      [['E', 'alice', '--password-env', ''], /names an environment variable/],
      [['E', 'alice', '--password-env', 'A=B'], /names an environment variable/],
      [['E', 'alice', '--password-env'], /needs a value/],
      [['--password-stdin'], /Name the entry/],
      [['E', '/D', '--password-stdin'], /dial/],
    ])('refuses %j', (argv, message) => {
      expect(() => parseArgs(argv)).toThrowError(UsageError);
      expect(() => parseArgs(argv)).toThrowError(message);
    });
  });

  it('reads terminal lines in order, apart from the answers, and the token card of eap=USER:CODE', () => {
    expect(
      parseArgs([
        'E',
        '--answer',
        'terminal=alice',
        '--answer=eap=DOM:bob:123456',
        '--answer',
        'terminal=',
        '--answer',
        'TERMINAL=s3cret:x',
      ]),
    ).toMatchObject({
      terminalLines: ['alice', '', 's3cret:x'],
      answers: [{ kind: 'eap', tokenCard: { userName: 'DOM:bob', code: '123456' } }],
    });
    expect(parseAnswer('eap=Done')).toEqual({ kind: 'eap' });
  });

  it('asks for help with /? and --help', () => {
    expect(parseArgs(['/?']).kind).toBe('help');
    expect(parseArgs(['E', '--help']).kind).toBe('help');
  });

  it.each([
    [['/p:1'], /ambiguous/],
    [['E', '/PHONE'], /needs a value/],
    [['E', '/bogus'], /Unknown switch/],
    [['E', '--bogus'], /Unknown option/],
    [['E', '--backend', 'dos'], /simulated or win32/],
    [['E', '--hold', 'soon'], /seconds/],
    [['E', '--answer', 'callback'], /KIND=VALUE/],
    [['E', '--answer', 'eap=yes'], /eap=done/],
    [['E', '--answer', 'eap=:123456'], /eap=USER:CODE/],
    [['E', '--answer', 'interactive=now'], /terminal=LINE/],
    [['E', '--answer', 'terminal=a\nb'], /one line/],
    [['--answer', 'terminal=a'], /Name the entry/],
    [['E', '--answer', 'telepathy=1'], /Unknown --answer/],
    [['E', '--answer', 'new-password='], /needs a password/],
    [['a', 'b', 'c', 'd'], /Too many/],
    [['a', 'b', '/d'], /at most the entry/],
    [['/PHONE:1'], /Name the entry/],
    [['E', '--json', '--hold'], /needs a value/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrowError(UsageError);
    expect(() => parseArgs(argv)).toThrowError(message);
  });
});
