// The failure doctor's messages in English, joined into the app's message table
// (app/ras/app-messages.ts), so checks and verdicts cross every boundary as keys.
// The Russian ones are in doctor-messages-ru.ts.

export const DOCTOR_EN_MESSAGES = {
  'doctor.check.name': 'Server name',
  'doctor.check.tcp443': 'TCP 443 (SSTP)',
  'doctor.check.tcp1723': 'TCP 1723 (PPTP)',
  'doctor.check.certificate': 'Server certificate',
  'doctor.check.clock': 'Clock',
  'doctor.check.ike': 'UDP 500/4500 (IKE)',
  'doctor.check.machineCertificate': 'Computer certificate',
  'doctor.check.strategy': 'VPN type',
  'doctor.check.signIn': 'Sign-in',
  'doctor.check.networking': 'IP protocols',
  'doctor.check.dnsRouting': 'Names through the tunnel',

  'doctor.notMeasured': 'Not checked: the server’s name did not resolve.',
  'doctor.name.noServer': 'The entry has no server name or address.',
  'doctor.name.address': '{{host}} is an address; there is no name to resolve.',
  'doctor.name.resolved': '{{host}} resolves to {{addresses}} (DNS servers: {{servers}}).',
  'doctor.name.notFound': '{{host}} does not resolve: no such name (DNS servers: {{servers}}).',
  'doctor.name.timeout': 'The DNS servers ({{servers}}) did not answer for {{host}}.',
  'doctor.name.failed': '{{host}} could not be resolved ({{code}}; DNS servers: {{servers}}).',

  'doctor.port.notMeasured': 'Not checked: the server’s name did not resolve.',
  'doctor.port.open': 'TCP {{port}} ({{protocol}}) on {{address}} answers.',
  'doctor.port.unused':
    'TCP {{port}} ({{protocol}}) on {{address}} does not answer; the entry does not use {{protocol}}.',
  'doctor.port.refused':
    'TCP {{port}} ({{protocol}}) on {{address}} refuses connections: nothing listens there.',
  'doctor.port.timeout':
    'TCP {{port}} ({{protocol}}) on {{address}} did not answer within {{seconds}} s: a firewall may drop it.',
  'doctor.port.unreachable':
    'TCP {{port}} ({{protocol}}): {{address}} cannot be reached from this network.',
  'doctor.port.failed': 'TCP {{port}} ({{protocol}}) on {{address}} could not be tried.',

  'doctor.ike.unused': 'The entry does not use IKEv2 or L2TP/IPsec.',
  'doctor.ike.unknown': 'Only Windows can tell whether UDP 500 and 4500 answer; not checked here.',
  'doctor.ike.answers': 'The server answers IKE on UDP 500/4500.',
  'doctor.ike.silent':
    'The server does not answer IKE on UDP 500/4500: a firewall or NAT on the way may block it.',

  'doctor.cert.notMeasured': 'Not checked: TCP 443 does not answer.',
  'doctor.cert.handshakeTimeout': 'TCP 443 answers, but the TLS handshake did not finish.',
  'doctor.cert.noTls': 'TCP 443 answers, but not with TLS: it is not an SSTP server.',
  'doctor.cert.none': 'The server presented no certificate.',
  'doctor.cert.expired':
    'The server’s certificate expired on {{validTo}} (valid from {{validFrom}}).',
  'doctor.cert.notYetValid':
    'The server’s certificate is not valid yet: valid from {{validFrom}} to {{validTo}}.',
  'doctor.cert.localClock':
    'The server’s certificate is valid from {{validFrom}} to {{validTo}}, but this computer’s clock says {{local}}.',
  'doctor.cert.nameMismatch':
    'The server’s certificate is for {{names}}, not for {{host}}, the server the entry dials.',
  'doctor.cert.untrusted':
    'The server’s certificate ({{subject}}, issued by {{issuer}}) does not chain to a root this computer trusts: its root is {{root}}.',
  'doctor.cert.rejected': 'The server’s certificate was refused ({{reason}}).',
  'doctor.cert.ok':
    '{{subject}}, issued by {{issuer}}, valid until {{validTo}}: it names {{host}} and chains to a trusted root.',

  'doctor.clock.noDate': 'Not checked: the server did not tell its time.',
  'doctor.clock.ok': 'This computer’s clock agrees with the server’s.',
  'doctor.clock.ahead':
    'This computer’s clock is {{minutes}} min ahead of the server’s ({{local}}; server: {{server}}).',
  'doctor.clock.behind':
    'This computer’s clock is {{minutes}} min behind the server’s ({{local}}; server: {{server}}).',
  'doctor.clock.aheadBreaksCert':
    'This computer’s clock is {{minutes}} min ahead ({{local}}; server: {{server}}): far enough that the server’s certificate looks invalid here.',
  'doctor.clock.behindBreaksCert':
    'This computer’s clock is {{minutes}} min behind ({{local}}; server: {{server}}): far enough that the server’s certificate looks invalid here.',
  'doctor.clock.beforeCert':
    'This computer’s clock says {{local}}, before the server’s certificate became valid ({{validFrom}}): the clock may be wrong.',

  'doctor.notVpn': 'The entry is not a VPN.',
  'doctor.strategy.ok': 'The entry tries {{tried}}; {{open}} answers.',
  'doctor.strategy.other':
    'The entry tries {{tried}} only, and that does not answer; {{open}} answers.',
  'doctor.strategy.otherMaybe':
    'The entry tries {{tried}} only, which could not be checked here; {{open}} answers.',
  'doctor.strategy.unknown':
    'The entry tries {{tried}}; whether that answers could not be checked here.',
  'doctor.strategy.nothing': 'The entry tries {{tried}}, and no VPN port of the server answers.',

  'doctor.signIn.methods': 'The entry signs in with {{methods}}.',
  'doctor.signIn.papOnly':
    'The entry signs in with PAP only; most servers refuse PAP, which sends the password unprotected.',
  'doctor.signIn.weakOnly':
    'The entry signs in with {{methods}} only; the server’s policy likely asks for MS-CHAP v2 or EAP.',
  'doctor.signIn.policy':
    'The entry signs in with {{methods}}; the server’s policy allows another method (often PEAP or EAP-MSCHAPv2).',
  'doctor.signIn.psk': 'The entry signs in with a pre-shared key: it may differ from the server’s.',
  'doctor.signIn.l2tpCertificate':
    'L2TP/IPsec signs in here with a computer certificate; the server may expect a pre-shared key.',

  'doctor.machineCert.unused': 'The entry does not sign in with a computer certificate.',
  'doctor.machineCert.present': 'The computer’s certificate store has a certificate for IKE.',
  'doctor.machineCert.missing':
    'The computer’s certificate store (Local Computer › Personal) has no certificate for IKE.',
  'doctor.machineCert.unknown': 'Only Windows can read its certificate store; not checked here.',

  'doctor.net.none': 'The entry has both IPv4 and IPv6 turned off: no protocol can be negotiated.',
  'doctor.net.ipv6Only': 'The entry has IPv4 turned off; the server may offer IPv4 only.',
  'doctor.net.ok': 'The entry uses IPv4 or IPv6.',

  'doctor.dns.fullTunnel': 'All traffic, names included, goes through the tunnel.',
  'doctor.dns.metric':
    'Only the office network goes through the tunnel, and its metric ({{metric}}) is above a network adapter’s ({{adapter}}): Windows asks your local DNS servers first, past the tunnel.',
  'doctor.dns.noSuffix':
    'Only the office network goes through the tunnel, and the connection has no DNS suffix: short names are asked of your local DNS servers, past the tunnel.',
  'doctor.dns.split': 'Names in {{suffix}} are asked through the tunnel.',

  'doctor.fix.setServer': 'Enter the server’s name or address in the entry.',
  'doctor.fix.checkServerName': 'Check the server name {{host}} in the entry (a typing mistake?).',
  'doctor.fix.checkDns': 'Check this computer’s network connection and DNS servers.',
  'doctor.fix.renewCert': 'The server’s administrator must renew its certificate.',
  'doctor.fix.useCertName': 'Dial {{name}}, the name on the certificate.',
  'doctor.fix.certName':
    'Dial the server by a name on its certificate, or ask its administrator for one that names {{host}}.',
  'doctor.fix.trustRoot':
    'Install the root certificate {{root}} into Local Computer › Trusted Root Certification Authorities, or ask the administrator for a certificate from a public authority.',
  'doctor.fix.setClock': 'Set this computer’s clock (Settings › Time & language › Sync now).',
  'doctor.fix.strategy': 'Switch the entry’s VPN type to {{protocol}} first.',
  'doctor.fix.firewall':
    'Check that the server is up and that no firewall between you blocks its ports.',
  'doctor.fix.useMschapv2': 'Allow MS-CHAP v2 in the entry’s sign-in methods.',
  'doctor.fix.checkPsk': 'Check the pre-shared key with the server’s administrator.',
  'doctor.fix.l2tpPsk':
    'If the server uses a pre-shared key, enter it in the entry’s Security tab (Advanced settings).',
  'doctor.fix.machineCert':
    'Install a computer certificate from your organization’s authority (certlm.msc › Personal), or ask your administrator.',
  'doctor.fix.enableIpv4': 'Turn IPv4 on in the entry’s Networking tab.',
  'doctor.fix.metric': 'Set the entry’s IPv4 metric to 1, so its DNS servers are asked first.',
  'doctor.fix.suffix': 'Set the connection’s DNS suffix to {{suffix}}, the server’s domain.',
  'doctor.fix.suffixAsk': 'Set the connection’s DNS suffix to the office network’s domain.',

  'doctor.busy': 'The doctor is already looking into "{{entry}}"; wait for it to finish.',
  'doctor.clear': 'Every check passed.',
  'doctor.unexplained.800':
    'No check explains error {{code}}: the server answers as the entry expects. Its VPN service may be stopped or out of ports; ask its administrator.',
  'doctor.unexplained.809':
    'No check explains error {{code}}: the path to the server is open. A NAT between you may break IPsec; try SSTP, or ask the administrator.',
  'doctor.unexplained.868':
    'The name resolves now: error {{code}} was a passing DNS failure. Connect again.',
  'doctor.unexplained.691':
    'The server refused the user name or password (error {{code}}): check them, and the domain (DOMAIN\\user).',
  'doctor.unexplained.720':
    'No check explains error {{code}}: the server could not give an address or agree on a protocol; ask its administrator.',
  'doctor.unexplained.789':
    'No check explains error {{code}}: IPsec failed before sign-in, usually a pre-shared key or certificate the server does not accept.',
  'doctor.unexplained.812':
    'The server’s policy refused this connection (error {{code}}): your account may not be in the group it allows, or it asks for another method; ask its administrator.',
  'doctor.unexplained.13801':
    'IKE refused the credentials (error {{code}}): the server’s certificate must name the entry’s server and be for server authentication; ask its administrator.',
  'doctor.unexplained.13806':
    'IKE found no valid computer certificate (error {{code}}): install one from your organization’s authority.',
  'doctor.unexplained.13868':
    'The server and this computer agree on no IKE proposal (error {{code}}): the administrator must match their IPsec settings.',
  'doctor.unexplained.untrustedRoot':
    'The certificate checks here pass now, but Windows did not trust the server’s root (error {{code}}): import the root into Local Computer › Trusted Root Certification Authorities.',
  'doctor.unexplained.629':
    'The server ended the connection right after it was made (error {{code}}): its policy (allowed groups, session limits, a second session with the same user) refused it; ask its administrator.',
  'doctor.unexplained.629long':
    'The connection dropped after a while (error {{code}}): the server or the network ended it, which no check here can see.',
  'doctor.unexplained.other': 'No check explains error {{code}}.',
} as const;

export type DoctorMessageKey = keyof typeof DOCTOR_EN_MESSAGES;
