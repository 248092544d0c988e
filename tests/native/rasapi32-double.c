/*
 * A test double of rasapi32.dll for Linux: the same exported functions with the same
 * struct layouts (ras.h's 4-byte packing, UTF-16 as char16_t), acting as rasapi32 does:
 * dwSize checks (632), the two-call enumeration pattern (603), the notifier called from a
 * thread of its own, paused states only when opted in, resume by re-dialing the paused
 * handle, RasHangUp returning before the port is free, and the phone-line, credential and
 * callback scenarios of shared/simulated-ras.md. The tests build it with `cc`.
 * A connected link's details (RasGetProjectionInfoEx, RASCONNSTATUS's miniport and endpoints,
 * and iphlpapi's GetAdaptersAddresses with the link's DNS servers) follow the simulated server's
 * rules (main/ras/simulated/connection-details.ts), so both backends tell the same story.
 * It refuses what Windows refuses, so the backend's mistakes show: an EAP resume without the
 * data RasInvokeEapUI gave, RasInvokeEapUI for another subentry, a RAS call on the thread that
 * runs JavaScript (recorded), a hang-up of a reference the caller does not hold (a second
 * RasDial of a connected entry adds one), and writes to a read-only All-Users phonebook.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uchar.h>
#include <unistd.h>

typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef char16_t WCHAR;
typedef struct HRASCONN__ *HRASCONN;

#pragma pack(push, 4)
typedef struct { DWORD Data1; uint16_t Data2, Data3; uint8_t Data4[8]; } GUID;
typedef struct { DWORD LowPart; int32_t HighPart; } LUID;
typedef struct { DWORD dwType; uint8_t addr[16]; } RASTUNNELENDPOINT;
typedef struct { DWORD dwSizeofEapInfo; uint8_t *pbEapInfo; } RASEAPINFO;
typedef struct { DWORD dwSize; uint8_t *pbDevSpecificInfo; } RASDEVSPECIFICINFO;
typedef struct {
  DWORD dwSize; HRASCONN hrasconn; WCHAR szEntryName[257]; WCHAR szDeviceType[17];
  WCHAR szDeviceName[129]; WCHAR szPhonebook[260]; DWORD dwSubEntry; GUID guidEntry;
  DWORD dwFlags; LUID luid; GUID guidCorrelationId;
} RASCONNW;
typedef struct {
  DWORD dwSize; int32_t rasconnstate; DWORD dwError; WCHAR szDeviceType[17]; WCHAR szDeviceName[129];
  WCHAR szPhoneNumber[129]; RASTUNNELENDPOINT localEndPoint, remoteEndPoint; int32_t rasconnsubstate;
} RASCONNSTATUSW;
typedef struct {
  DWORD dwSize; WCHAR szEntryName[257]; WCHAR szPhoneNumber[129]; WCHAR szCallbackNumber[129];
  WCHAR szUserName[257]; WCHAR szPassword[257]; WCHAR szDomain[16]; DWORD dwSubEntry;
  uintptr_t dwCallbackId; DWORD dwIfIndex;
} RASDIALPARAMSW;
typedef struct {
  DWORD dwSize; DWORD dwfOptions; void *hwndParent; uintptr_t reserved; uintptr_t reserved1;
  RASEAPINFO RasEapInfo; BOOL fSkipPppAuth; RASDEVSPECIFICINFO RasDevSpecificInfo;
} RASDIALEXTENSIONS;
typedef struct { DWORD dwSize; WCHAR szEntryName[257]; DWORD dwFlags; WCHAR szPhonebookPath[261]; } RASENTRYNAMEW;
typedef struct { DWORD dwSize; DWORD dwMask; WCHAR szUserName[257]; WCHAR szPassword[257]; WCHAR szDomain[16]; } RASCREDENTIALSW;
typedef struct { DWORD dwSize; WCHAR szDeviceType[17]; WCHAR szDeviceName[129]; } RASDEVINFOW;
typedef struct { DWORD f[15]; } RAS_STATS;
typedef struct {
  DWORD dwSize, dwfOptions, dwCountryID, dwCountryCode; WCHAR szAreaCode[11]; WCHAR szLocalPhoneNumber[129];
  DWORD dwAlternateOffset; uint8_t ip[5][4]; DWORD dwFrameSize, dwfNetProtocols, dwFramingProtocol;
  WCHAR szScript[260], szAutodialDll[260], szAutodialFunc[260]; WCHAR szDeviceType[17]; WCHAR szDeviceName[129];
  WCHAR szX25PadType[33], szX25Address[201], szX25Facilities[201], szX25UserData[201];
  DWORD dwChannels, dwReserved1, dwReserved2, dwSubEntries, dwDialMode, dwDialExtraPercent,
      dwDialExtraSampleSeconds, dwHangUpExtraPercent, dwHangUpExtraSampleSeconds, dwIdleDisconnectSeconds,
      dwType, dwEncryptionType, dwCustomAuthKey;
  GUID guidId; WCHAR szCustomDialDll[260]; DWORD dwVpnStrategy, dwfOptions2, dwfOptions3; WCHAR szDnsSuffix[256];
  DWORD dwTcpWindowSize; WCHAR szPrerequisitePbk[260]; WCHAR szPrerequisiteEntry[257]; DWORD dwRedialCount, dwRedialPause;
  uint8_t ipv6addrDns[16], ipv6addrDnsAlt[16]; DWORD dwIPv4InterfaceMetric, dwIPv6InterfaceMetric;
  uint8_t ipv6addr[16]; DWORD dwIPv6PrefixLength, dwNetworkOutageTime;
  /* Windows 10 (0xA00). */
  WCHAR szIDi[257], szIDr[257]; BOOL fIsImsConfig; DWORD IdiType, IdrType; BOOL fDisableIKEv2Fragmentation;
} RASENTRYW;
/* RasGetProjectionInfoEx's structs as the Windows SDK's ras.h declares them (WINVER 0x601; mingw's
   ras.h lacks them): RASIPV4ADDR is in_addr (4 bytes, 4-aligned), RASIPV6ADDR in6_addr (16, 2). */
typedef union { uint8_t b[4]; uint32_t s_addr; } RASIPV4ADDR;
typedef union { uint8_t b[16]; uint16_t w[8]; } RASIPV6ADDR;
typedef struct {
  DWORD dwIPv4NegotiationError; RASIPV4ADDR ipv4Address, ipv4ServerAddress; DWORD dwIPv4Options, dwIPv4ServerOptions;
  DWORD dwIPv6NegotiationError; uint8_t bInterfaceIdentifier[8], bServerInterfaceIdentifier[8];
  BOOL fBundled, fMultilink; DWORD dwAuthenticationProtocol, dwAuthenticationData, dwServerAuthenticationProtocol,
      dwServerAuthenticationData, dwEapTypeId, dwServerEapTypeId, dwLcpOptions, dwLcpServerOptions;
  DWORD dwCcpError, dwCcpCompressionAlgorithm, dwCcpServerCompressionAlgorithm, dwCcpOptions, dwCcpServerOptions;
} RASPPP_PROJECTION_INFO;
typedef struct {
  DWORD dwIPv4NegotiationError; RASIPV4ADDR ipv4Address, ipv4ServerAddress;
  DWORD dwIPv6NegotiationError; RASIPV6ADDR ipv6Address, ipv6ServerAddress; DWORD dwPrefixLength;
  DWORD dwAuthenticationProtocol, dwEapTypeId, dwFlags, dwEncryptionMethod;
  DWORD numIPv4ServerAddresses; RASIPV4ADDR *ipv4ServerAddresses;
  DWORD numIPv6ServerAddresses; RASIPV6ADDR *ipv6ServerAddresses;
} RASIKEV2_PROJECTION_INFO;
typedef struct {
  int32_t version; int32_t type;
  union { RASPPP_PROJECTION_INFO ppp; RASIKEV2_PROJECTION_INFO ikev2; } projection;
} RAS_PROJECTION_INFO;
#pragma pack(pop)

_Static_assert(sizeof(RASPPP_PROJECTION_INFO) == 100, "RASPPP_PROJECTION_INFO");
_Static_assert(offsetof(RASPPP_PROJECTION_INFO, bInterfaceIdentifier) == 24, "PPP bInterfaceIdentifier");
_Static_assert(offsetof(RASPPP_PROJECTION_INFO, dwCcpOptions) == 92, "PPP dwCcpOptions");
_Static_assert(offsetof(RASIKEV2_PROJECTION_INFO, dwPrefixLength) == 48, "IKEv2 dwPrefixLength");
_Static_assert(offsetof(RASIKEV2_PROJECTION_INFO, dwEncryptionMethod) == 64, "IKEv2 dwEncryptionMethod");
_Static_assert(offsetof(RASIKEV2_PROJECTION_INFO, ipv4ServerAddresses) == 72, "IKEv2 ipv4ServerAddresses");
_Static_assert(offsetof(RAS_PROJECTION_INFO, projection) == 8, "RAS_PROJECTION_INFO union");
#if defined(_WIN64) || defined(__x86_64__) || defined(__aarch64__)
_Static_assert(sizeof(RASIKEV2_PROJECTION_INFO) == 92, "RASIKEV2_PROJECTION_INFO x64");
_Static_assert(offsetof(RASIKEV2_PROJECTION_INFO, ipv6ServerAddresses) == 84, "IKEv2 ipv6ServerAddresses x64");
#else
_Static_assert(sizeof(RASIKEV2_PROJECTION_INFO) == 84, "RASIKEV2_PROJECTION_INFO x86");
#endif
_Static_assert(sizeof(RAS_PROJECTION_INFO) == 108, "RAS_PROJECTION_INFO");

_Static_assert(sizeof(RASCONNW) == 1388, "RASCONNW");
_Static_assert(sizeof(RASCONNSTATUSW) == 608, "RASCONNSTATUSW");
_Static_assert(sizeof(RASDIALPARAMSW) == 2112, "RASDIALPARAMSW");
_Static_assert(sizeof(RASDIALEXTENSIONS) == 60, "RASDIALEXTENSIONS");
_Static_assert(sizeof(RASENTRYNAMEW) == 1048, "RASENTRYNAMEW");
_Static_assert(sizeof(RASCREDENTIALSW) == 1068, "RASCREDENTIALSW");
_Static_assert(sizeof(RASDEVINFOW) == 296, "RASDEVINFOW");
_Static_assert(sizeof(RAS_STATS) == 60, "RAS_STATS");
_Static_assert(sizeof(RASENTRYW) == 6724, "RASENTRYW");

/* The dwSizes Windows takes, by version (shared/ras-reference.md §5.4): Windows 10 knows them all,
   Windows 7 neither RASENTRYW's 0xA00 layout nor RASDIALPARAMSW's szEncPassword. */
static int windowsVersion = 10;
static int entry_size_ok(DWORD size) {
  return (size == 6724 && windowsVersion >= 10) || size == 5680 || size == 5656 || size == 5616;
}
#if defined(_WIN64) || defined(__x86_64__) || defined(__aarch64__)
static int params_size_ok(DWORD size) {
  return (size == 2120 && windowsVersion >= 8) || size == 2112 || size == 2108 || size == 2096;
}
#else
static int params_size_ok(DWORD size) {
  return (size == 2112 && windowsVersion >= 8) || size == 2108 || size == 2104 || size == 2096;
}
#endif

typedef struct { WCHAR szUserName[257]; DWORD dwSizeofEapInfo; uint8_t pbEapInfo[16]; } RASEAPUSERIDENTITYW;

typedef DWORD (*RasDialFunc2)(uintptr_t, DWORD, HRASCONN, unsigned, int32_t, DWORD, DWORD);

enum {
  OpenPort = 0, PortOpened = 1, ConnectDevice = 2, DeviceConnected = 3, AllDevicesConnected = 4,
  Authenticate = 5, AuthNotify = 6, AuthRetry = 7, AuthCallback = 8, AuthChangePassword = 9,
  AuthProject = 10, AuthLinkSpeed = 11, AuthAck = 12, ReAuthenticate = 13, Authenticated = 14,
  PrepareForCallback = 15, WaitForModemReset = 16, WaitForCallback = 17, Projected = 18,
  CallbackComplete = 20, SubEntryConnected = 22, ApplySettings = 24,
  Interactive = 0x1000, RetryAuthentication = 0x1001, CallbackSetByCaller = 0x1002, PasswordExpired = 0x1003,
  InvokeEapUI = 0x1004, Connected = 0x2000, Disconnected = 0x2001
};
enum {
  ERROR_INVALID_HANDLE = 6, ERROR_INVALID_PARAMETER = 87, ERROR_INVALID_NAME = 123, ERROR_ALREADY_EXISTS = 183,
  ERROR_BUFFER_TOO_SMALL = 603, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY = 623, ERROR_REMOTE_DISCONNECTION = 629,
  ERROR_INVALID_SIZE = 632, ERROR_PORT_NOT_AVAILABLE = 633, ERROR_RESTRICTED_LOGON_HOURS = 646,
  ERROR_ACCT_DISABLED = 647, ERROR_PASSWD_EXPIRED = 648, ERROR_NO_DIALIN_PERMISSION = 649,
  ERROR_LINE_BUSY = 676, ERROR_NO_ANSWER = 678, ERROR_NO_CARRIER = 679, ERROR_NO_DIALTONE = 680,
  ERROR_AUTHENTICATION_FAILURE = 691, ERROR_INTERACTIVE_MODE = 703, ERROR_BAD_CALLBACK_NUMBER = 704,
  ERROR_DIAL_ALREADY_IN_PROGRESS = 756, ERROR_CANNOT_DELETE = 817, ERROR_INSUFFICIENT_BUFFER = 122,
  ERROR_ACCESS_DENIED = 5, ERROR_INVALID_FUNCTION_FOR_ENTRY = 780
};
#define RASEO_RequireEAP 0x20000
#define RASEO_SpecificNameServers 0x4
#define RASEO_SwCompression 0x200
#define RASEO_RequirePAP 0x40000
#define RASEO_RequireSPAP 0x80000
#define RASEO_RequireCHAP 0x08000000
#define RASEO_RequireMsCHAP 0x10000000
#define RASEO_RequireMsCHAP2 0x20000000
#define RASEO2_DisableMobility 0x200000
#define RASEO2_UsePreSharedKeyForIkev2Initiator 0x800000
#define RASNP_Ip 0x4
#define RASNP_Ipv6 0x8
#define RASET_Vpn 2
#define REN_AllUsers 0x1
#define RDEOPT_PausedStates 0x2
#define PORTS 8
#define MAX_ENTRIES 64

/* ---- small UTF-16 helpers ---- */
static size_t wlen(const WCHAR *s) { size_t n = 0; while (s && s[n]) n++; return n; }
static void wcopy(WCHAR *dst, const WCHAR *src, size_t cap) {
  size_t i = 0; if (src) for (; src[i] && i + 1 < cap; i++) dst[i] = src[i]; dst[i] = 0;
}
static int wequal_nocase(const WCHAR *a, const WCHAR *b) {
  size_t i = 0;
  for (; a[i] && b[i]; i++) {
    WCHAR x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return 0;
  }
  return a[i] == b[i];
}
static int wequal_ascii(const WCHAR *a, const char *b) {
  size_t i = 0; for (; a[i] && b[i]; i++) if (a[i] != (WCHAR)b[i]) return 0; return a[i] == 0 && b[i] == 0;
}
static int wequal_ascii_nocase(const WCHAR *a, const char *b) {
  size_t i = 0;
  for (; a[i] && b[i]; i++) { WCHAR x = a[i]; if (x >= 'A' && x <= 'Z') x += 32; if (x != (WCHAR)b[i]) return 0; }
  return a[i] == 0 && b[i] == 0;
}
/* The last four digits of a number. */
static int last4(const WCHAR *s, char out[5]) {
  char digits[160]; size_t n = 0;
  for (size_t i = 0; s[i] && n < sizeof digits - 1; i++) if (s[i] >= '0' && s[i] <= '9') digits[n++] = (char)s[i];
  if (n < 4) return 0;
  memcpy(out, digits + n - 4, 4); out[4] = 0; return 1;
}

/* ---- the phonebook: entries kept in memory ---- */
typedef struct {
  int used; WCHAR phonebook[261]; WCHAR name[257]; RASENTRYW entry; WCHAR alternates[1024]; size_t alternatesLen;
  int hasCreds; WCHAR user[257], password[257], domain[16];
  /* The L2TP/IKEv2 pre-shared key (RASCM_PreSharedKey): saved, never handed back. */
  WCHAR psk[257];
} Entry;
static Entry entries[MAX_ENTRIES];

/* ---- connections ---- */
typedef struct {
  int used; uintptr_t handle; Entry *entry; WCHAR number[129];
  RASDIALPARAMSW params; int pausedStates; RasDialFunc2 notify;
  int state; DWORD error; int paused; int resumed; int hungUp; int released; int connected;
  int failures; int changing; DWORD connectedAtMs;
  /* RASCS_Projected reached: RasGetProjectionInfoEx answers from then on. */
  int projected;
  /* RasDial of a connected entry adds a reference; RasHangUp ends the connection at none. */
  int references;
  /* The EAP data RasInvokeEapUI put in the caller's RASDIALEXTENSIONS, and whether the
     resume brought it back. */
  uint8_t eapBlob[16]; int eapInvoked; int eapOk;
  /* The notifier said 0: Windows sends it nothing more. */
  int notifyStopped;
  /* RasDial came with the EAP data of an identity RasGetEapUserIdentity gave: no UI needed. */
  int eapFromIdentity;
  /* Which dial owns the slot: a thread of an older dial (or one from before a reset) stops. */
  unsigned gen;
  pthread_t thread; pthread_cond_t wake;
} Conn;
typedef struct { Conn *c; unsigned gen; } Job;
static unsigned generation = 0;
static Conn conns[PORTS + 1];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uintptr_t nextHandle = 0x10000;
static int stepMs = 1, releaseMs = 30, dropMs = 200;
static int notifierThreadsSeen = 0;
static pthread_t lastNotifierThread;
/* The thread that runs JavaScript (the one that calls Reset): a RAS call on it blocks the app. */
static pthread_t jsThread; static int jsThreadKnown = 0;
static int callsOnJsThread = 0; static const char *lastJsCall = "";
/* What the notifier returned for the last notification after which none comes (-1: none yet). */
static int lastFinalReturn = -1;
/* RasEnumConnections calls since Reset: a watcher polls with it. */
static int enumConnectionsCalls = 0;
/* Whether RasGetEapUserIdentity has an identity without UI (a certificate, a saved one), and
   the identities handed out and not yet freed. */
static int eapIdentityAvailable = 0; static RASEAPUSERIDENTITYW *identities[8];
/* The two books RasEnumEntries lists when asked for none, and whether All-Users' is read-only. */
static WCHAR userBook[261], allUsersBook[261]; static int allUsersReadOnly = 0;
#ifdef _WIN32
/* kernel32's, declared here: windows.h would clash with the types above. */
__declspec(dllimport) int __stdcall SetEvent(void *event);
static void *watchEvents[8];
/* A connection came or went: every event registered with RasConnectionNotification is set. */
static void signal_watchers(void) { for (int i = 0; i < 8; i++) if (watchEvents[i]) SetEvent(watchEvents[i]); }
int RasTestDouble_WatchEvents(void) { int n = 0; for (int i = 0; i < 8; i++) if (watchEvents[i]) n++; return n; }
#else
static void signal_watchers(void) {}
int RasTestDouble_WatchEvents(void) { return 0; }
#endif
#define RAS_CALL(name) do { if (jsThreadKnown && pthread_equal(pthread_self(), jsThread)) { callsOnJsThread++; lastJsCall = name; } } while (0)
static int read_only_book(const WCHAR *pbk) { return allUsersReadOnly && pbk && allUsersBook[0] && wequal_nocase(pbk, allUsersBook); }

static DWORD now_ms(void) {
  struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return (DWORD)(t.tv_sec * 1000 + t.tv_nsec / 1000000);
}
static void sleep_ms(int ms) { if (ms > 0) usleep((useconds_t)ms * 1000); }

static Conn *find_conn(HRASCONN h) {
  for (int i = 0; i <= PORTS; i++) if (conns[i].used && conns[i].handle == (uintptr_t)h) return &conns[i];
  return NULL;
}
static Entry *find_entry(const WCHAR *pbk, const WCHAR *name) {
  for (int i = 0; i < MAX_ENTRIES; i++)
    if (entries[i].used && wequal_nocase(entries[i].name, name) && (!pbk || !pbk[0] || wequal_nocase(entries[i].phonebook, pbk)))
      return &entries[i];
  return NULL;
}

/* Sends one notification from this (the dial's own) thread; returns 0 when the dial is over. */
static __thread unsigned myGen;
static int emit_sub(Conn *c, int state, DWORD error, DWORD subEntry) {
  pthread_mutex_lock(&lock);
  if (c->gen != myGen || c->hungUp || !c->used) { pthread_mutex_unlock(&lock); return 0; }
  c->state = state; c->error = error;
  RasDialFunc2 cb = c->notify; uintptr_t id = c->params.dwCallbackId; HRASCONN h = (HRASCONN)c->handle;
  int stopped = c->notifyStopped;
  pthread_mutex_unlock(&lock);
  if (!stopped) {
    lastNotifierThread = pthread_self(); notifierThreadsSeen++;
    DWORD r = cb(id, subEntry, h, 0xCCCD, state, error, 0);
    if (error != 0 || state == Connected || state == Disconnected) lastFinalReturn = (int)r;
    /* A notifier that returns 0 gets nothing more, as on Windows. */
    else if (r == 0) { pthread_mutex_lock(&lock); c->notifyStopped = 1; pthread_mutex_unlock(&lock); }
  }
  sleep_ms(stepMs);
  return error == 0;
}
static int emit(Conn *c, int state, DWORD error) { return emit_sub(c, state, error, 0); }

/* Waits for RasDial's resume (or the hang-up); returns 0 when hung up. */
static int pause_sub(Conn *c, int state, DWORD subEntry) {
  /* Paused before the notification goes out: the answer may come back at once. */
  pthread_mutex_lock(&lock);
  c->paused = 1; c->resumed = 0;
  pthread_mutex_unlock(&lock);
  if (!emit_sub(c, state, 0, subEntry)) return 0;
  pthread_mutex_lock(&lock);
  while (c->gen == myGen && !c->resumed && !c->hungUp) pthread_cond_wait(&c->wake, &lock);
  int ok = c->gen == myGen && !c->hungUp; c->paused = 0;
  pthread_mutex_unlock(&lock);
  return ok;
}
static int pause_for(Conn *c, int state) { return pause_sub(c, state, 0); }

static int bad_password(const WCHAR *p, int changing) {
  return wlen(p) == 0 || wequal_ascii(p, "wrong") || (changing && wequal_ascii(p, "expired"));
}

static void *dial_thread(void *arg) {
  Job job = *(Job *)arg;
  free(arg);
  Conn *c = job.c;
  myGen = job.gen;
  char tail[5] = "";
  int line = last4(c->number, tail);
  int s[] = { OpenPort, PortOpened, ConnectDevice };
  for (int i = 0; i < 3; i++) if (!emit(c, s[i], 0)) return NULL;
  if (line && !strcmp(tail, "0486")) { emit(c, ConnectDevice, ERROR_LINE_BUSY); return NULL; }
  if (line && !strcmp(tail, "0487")) { emit(c, ConnectDevice, ERROR_NO_ANSWER); return NULL; }
  if (line && !strcmp(tail, "0488")) { emit(c, ConnectDevice, ERROR_NO_DIALTONE); return NULL; }
  if (line && !strcmp(tail, "0489")) { emit(c, ConnectDevice, ERROR_NO_CARRIER); return NULL; }
  if (!emit(c, DeviceConnected, 0) || !emit(c, AllDevicesConnected, 0) || !emit(c, Authenticate, 0)) return NULL;
  if (c->entry->entry.dwfOptions & RASEO_RequireEAP) {
    /* The EAP method needs its UI: paused for the link (subentry 1); the resume must carry the
       data RasInvokeEapUI put in the extensions, else the server refuses the sign-in. */
    if (!c->pausedStates) { emit(c, Authenticate, ERROR_INTERACTIVE_MODE); return NULL; }
    if (!c->eapFromIdentity) {
      if (!pause_sub(c, InvokeEapUI, 1)) return NULL;
      if (!c->eapOk) { emit(c, AuthNotify, ERROR_AUTHENTICATION_FAILURE); return NULL; }
    }
  }
  /* With EAP the method signs in (above); the password rules are for PPP's own sign-in. */
  for (; !(c->entry->entry.dwfOptions & RASEO_RequireEAP);) {
    const WCHAR *pw = c->params.szPassword;
    int bad = bad_password(pw, c->changing);
    if (!bad && wequal_ascii(pw, "expired") && !c->changing) {
      if (!emit(c, AuthNotify, 0)) return NULL;
      if (!c->pausedStates) { emit(c, AuthNotify, ERROR_PASSWD_EXPIRED); return NULL; }
      if (!pause_for(c, PasswordExpired)) return NULL;
      c->changing = 1;
      if (!emit(c, AuthChangePassword, 0)) return NULL;
      continue;
    }
    if (!bad) break;
    if (++c->failures >= 3 || !c->pausedStates) { emit(c, AuthNotify, ERROR_AUTHENTICATION_FAILURE); return NULL; }
    if (!emit(c, AuthNotify, 0)) return NULL;
    if (!pause_for(c, RetryAuthentication)) return NULL;
    c->changing = 0;
    if (!emit(c, AuthRetry, 0)) return NULL;
  }
  const WCHAR *user = c->params.szUserName;
  if (wequal_ascii_nocase(user, "disabled")) { emit(c, AuthNotify, ERROR_ACCT_DISABLED); return NULL; }
  if (wequal_ascii_nocase(user, "nightshift")) { emit(c, AuthNotify, ERROR_RESTRICTED_LOGON_HOURS); return NULL; }
  if (wequal_ascii_nocase(user, "nodialin")) { emit(c, AuthNotify, ERROR_NO_DIALIN_PERMISSION); return NULL; }
  if (!emit(c, AuthNotify, 0)) return NULL;
  int callBack = line && !strcmp(tail, "0492");
  if (line && !strcmp(tail, "0491")) {
    if (!emit(c, AuthCallback, 0)) return NULL;
    if (c->pausedStates && !pause_for(c, CallbackSetByCaller)) return NULL;
    const WCHAR *n = c->params.szCallbackNumber;
    if (wlen(n) > 0 && !wequal_ascii(n, "*")) {
      for (size_t i = 0; n[i]; i++) {
        WCHAR ch = n[i];
        int ok = (ch >= '0' && ch <= '9') || ch == 'T' || ch == 'P' || ch == 'W' || ch == 't' || ch == 'p' || ch == 'w' ||
                 ch == '(' || ch == ')' || ch == '-' || ch == '@' || ch == ' ' || ch == '+';
        if (!ok) { emit(c, AuthCallback, ERROR_BAD_CALLBACK_NUMBER); return NULL; }
      }
      callBack = 1;
    }
  }
  if (callBack) {
    int cb[] = { PrepareForCallback, WaitForModemReset, WaitForCallback, ReAuthenticate, CallbackComplete, AuthNotify };
    for (int i = 0; i < 6; i++) if (!emit(c, cb[i], 0)) return NULL;
  }
  int rest[] = { AuthProject, AuthLinkSpeed, AuthAck, Authenticated, Projected, ApplySettings, SubEntryConnected };
  for (int i = 0; i < 7; i++) {
    if (rest[i] == Projected) { pthread_mutex_lock(&lock); c->projected = 1; pthread_mutex_unlock(&lock); }
    if (!emit(c, rest[i], 0)) return NULL;
  }
  pthread_mutex_lock(&lock);
  c->connected = 1; c->connectedAtMs = now_ms();
  pthread_mutex_unlock(&lock);
  signal_watchers();
  if (!emit(c, Connected, 0)) return NULL;
  if (line && !strcmp(tail, "0490")) {
    sleep_ms(dropMs);
    pthread_mutex_lock(&lock);
    if (c->gen == myGen && !c->hungUp) { c->state = Disconnected; c->error = ERROR_REMOTE_DISCONNECTION; c->connected = 0; }
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

/* ---- test hooks ---- */
void RasTestDouble_Reset(void) {
  pthread_mutex_lock(&lock);
  for (int i = 0; i <= PORTS; i++) if (conns[i].used) { conns[i].hungUp = 1; pthread_cond_broadcast(&conns[i].wake); }
  pthread_mutex_unlock(&lock);
  sleep_ms(20);
  pthread_mutex_lock(&lock);
  generation += 1000;
  for (int i = 0; i <= PORTS; i++) conns[i].gen = 0;
  pthread_mutex_unlock(&lock);
  sleep_ms(5);
  pthread_mutex_lock(&lock);
  memset(conns, 0, sizeof conns);
  memset(entries, 0, sizeof entries);
#ifdef _WIN32
  memset(watchEvents, 0, sizeof watchEvents);
#endif
  notifierThreadsSeen = 0;
  jsThread = pthread_self(); jsThreadKnown = 1; callsOnJsThread = 0; lastJsCall = "";
  for (int i = 0; i < 8; i++) { free(identities[i]); identities[i] = NULL; }
  eapIdentityAvailable = 0;
  lastFinalReturn = -1; enumConnectionsCalls = 0; userBook[0] = 0; allUsersBook[0] = 0; allUsersReadOnly = 0; windowsVersion = 10;
  pthread_mutex_unlock(&lock);
}
void RasTestDouble_SetTiming(int step, int release, int drop) { stepMs = step; releaseMs = release; dropMs = drop; }
/* RAS calls made on the JavaScript thread since Reset, and the name of the last one. */
int RasTestDouble_CallsOnJsThread(void) { return callsOnJsThread; }
const char *RasTestDouble_LastJsCall(void) { return lastJsCall; }
int RasTestDouble_LastFinalReturn(void) { return lastFinalReturn; }
int RasTestDouble_EnumConnectionsCalls(void) { return enumConnectionsCalls; }
int RasTestDouble_PortsInUse(void) {
  pthread_mutex_lock(&lock);
  int n = 0;
  for (int i = 0; i <= PORTS; i++) if (conns[i].used) n++;
  pthread_mutex_unlock(&lock);
  return n;
}
int RasTestDouble_References(uintptr_t h) {
  pthread_mutex_lock(&lock);
  int n = 0;
  for (int i = 0; i <= PORTS; i++) if (conns[i].used && conns[i].handle == h && !conns[i].hungUp) n = conns[i].references;
  pthread_mutex_unlock(&lock);
  return n;
}
void RasTestDouble_SetWindows(int version) { windowsVersion = version; }
void RasTestDouble_SetEapIdentity(int available) { eapIdentityAvailable = available; }
int RasTestDouble_EapIdentitiesHeld(void) {
  int n = 0;
  for (int i = 0; i < 8; i++) if (identities[i]) n++;
  return n;
}
void RasTestDouble_SetBooks(const WCHAR *user, const WCHAR *allUsers, int readOnly) {
  wcopy(userBook, user ? user : u"", 261); wcopy(allUsersBook, allUsers ? allUsers : u"", 261);
  allUsersReadOnly = readOnly;
}
/* Whether the last notification came from a thread other than `caller`. */
int RasTestDouble_NotifiedFromOtherThread(void) {
  return notifierThreadsSeen > 0 && !pthread_equal(lastNotifierThread, pthread_self());
}

/* ---- what a connected link negotiated: the simulated server's rules (main/ras/simulated/
   connection-details.ts, the README's table), so the two backends tell the same story ---- */
enum { T_NONE = 0, T_PPTP, T_L2TP, T_SSTP, T_IKEV2, T_GRE };
static const char *const MINIPORTS[] = { "", "WAN Miniport (PPTP)", "WAN Miniport (L2TP)", "WAN Miniport (SSTP)",
                                         "WAN Miniport (IKEv2)", "WAN Miniport (GRE)" };
static int host_starts(const WCHAR *host, const char *prefix) {
  size_t i = 0;
  while (host[i] == ' ') host++;
  for (; prefix[i]; i++) { WCHAR x = host[i]; if (x >= 'A' && x <= 'Z') x += 32; if (x != (WCHAR)prefix[i]) return 0; }
  return 1;
}
/* The first tunnel of the entry's VpnStrategy that the host answers (tcp443.: SSTP only; ipsec.:
   IKEv2 and L2TP). The simulated server fails a dial no tunnel answers; the double does not. */
static int tunnel_of(const Conn *c) {
  static const int orders[16][5] = {
    [0] = { T_IKEV2, T_SSTP, T_PPTP, T_L2TP }, [1] = { T_PPTP }, [2] = { T_PPTP, T_IKEV2, T_SSTP, T_L2TP },
    [3] = { T_L2TP }, [4] = { T_L2TP, T_IKEV2, T_PPTP, T_SSTP }, [5] = { T_SSTP }, [6] = { T_SSTP, T_IKEV2, T_PPTP, T_L2TP },
    [7] = { T_IKEV2 }, [8] = { T_IKEV2, T_PPTP, T_SSTP, T_L2TP }, [9] = { T_GRE }, [12] = { T_PPTP, T_SSTP },
    [13] = { T_L2TP, T_SSTP }, [14] = { T_IKEV2, T_SSTP },
  };
  if (c->entry->entry.dwType != RASET_Vpn) return T_NONE;
  DWORD strategy = c->entry->entry.dwVpnStrategy;
  const int *order = strategy < 16 && orders[strategy][0] ? orders[strategy] : orders[0];
  int sstpOnly = host_starts(c->number, "tcp443."), ipsecOnly = host_starts(c->number, "ipsec.");
  for (int i = 0; i < 5 && order[i]; i++) {
    int t = order[i];
    if ((!sstpOnly || t == T_SSTP) && (!ipsecOnly || t == T_IKEV2 || t == T_L2TP)) return t;
  }
  return order[0];
}
static int port_of(const Conn *c) { return (int)(c - conns) + 1; }
static void set_ipv4(uint8_t *out, int a, int b, int cc, int d) { out[0] = (uint8_t)a; out[1] = (uint8_t)b; out[2] = (uint8_t)cc; out[3] = (uint8_t)d; }
/* fd00:64::<port + 100, its decimal digits read as hex> and fe80::10:64:0:<the same>: the
   simulated server writes these addresses as text from the decimal number. */
static uint16_t host_group(int port) { int n = 100 + port; return (uint16_t)(((n / 100) << 8) | (((n / 10) % 10) << 4) | (n % 10)); }
static void set_ipv6_group(uint8_t *out, int group, uint16_t value) { out[2 * group] = (uint8_t)(value >> 8); out[2 * group + 1] = (uint8_t)value; }
/* The host as an IPv4 literal, if it is one. */
static int host_ipv4(const WCHAR *host, uint8_t out[4]) {
  int part = 0, value = -1;
  for (size_t i = 0;; i++) {
    WCHAR ch = host[i];
    if (ch >= '0' && ch <= '9') { value = (value < 0 ? 0 : value * 10) + (ch - '0'); if (value > 255) return 0; continue; }
    if ((ch == '.' || ch == 0) && value >= 0 && part < 4) { out[part++] = (uint8_t)value; value = -1; if (ch == 0) return part == 4; continue; }
    return 0;
  }
}
/* FNV-1a of the lower-case host: its fixed place in 198.51.100.0/24. */
static int host_hash_octet(const WCHAR *host) {
  uint32_t hash = 0x811c9dc5u;
  for (size_t i = 0; host[i]; i++) { WCHAR ch = host[i]; if (ch >= 'A' && ch <= 'Z') ch += 32; hash ^= ch; hash *= 0x01000193u; }
  return 1 + (int)(hash % 254);
}
static void fill_endpoints(const Conn *c, RASTUNNELENDPOINT *local, RASTUNNELENDPOINT *remote) {
  memset(local, 0, sizeof *local); memset(remote, 0, sizeof *remote);
  if (c->entry->entry.dwType != RASET_Vpn) return;
  local->dwType = 1; remote->dwType = 1;
  set_ipv4(local->addr, 192, 0, 2, 10);
  if (!host_ipv4(c->number, remote->addr)) set_ipv4(remote->addr, 198, 51, 100, host_hash_octet(c->number));
}
static void device_of(const Conn *c, WCHAR *type, WCHAR *name) {
  int t = tunnel_of(c);
  if (t == T_NONE) { wcopy(type, c->entry->entry.szDeviceType, 17); wcopy(name, c->entry->entry.szDeviceName, 129); return; }
  const char *n = MINIPORTS[t];
  type[0] = 'v'; type[1] = 'p'; type[2] = 'n'; type[3] = 0;
  size_t i = 0; for (; n[i]; i++) name[i] = (WCHAR)n[i]; name[i] = 0;
}

static DWORD ppp_auth(const RASENTRYW *e, DWORD *data) {
  DWORD o = e->dwfOptions;
  *data = 0;
  if (o & RASEO_RequireEAP) return 0xC227;
  if (o & RASEO_RequireMsCHAP2 || !(o & (RASEO_RequireMsCHAP | RASEO_RequireCHAP | RASEO_RequireSPAP | RASEO_RequirePAP))) { *data = 0x81; return 0xC223; }
  if (o & RASEO_RequireMsCHAP) { *data = 0x80; return 0xC223; }
  if (o & RASEO_RequireCHAP) { *data = 0x05; return 0xC223; }
  if (o & RASEO_RequireSPAP) return 0xC027;
  return 0xC023;
}

#define ERROR_PROTOCOL_NOT_CONFIGURED 731
#define ERROR_PROJECTION_NOT_COMPLETE 730
DWORD RasGetProjectionInfoEx(HRASCONN h, RAS_PROJECTION_INFO *info, DWORD *lpdwSize) {
  RAS_CALL("RasGetProjectionInfoEx");
  if (!lpdwSize) return ERROR_INVALID_PARAMETER;
  pthread_mutex_lock(&lock);
  Conn *c = find_conn(h);
  if (!c || c->hungUp) { pthread_mutex_unlock(&lock); return ERROR_INVALID_HANDLE; }
  if (!c->projected) { pthread_mutex_unlock(&lock); return ERROR_PROJECTION_NOT_COMPLETE; }
  if (c->state == Disconnected) { pthread_mutex_unlock(&lock); return ERROR_INVALID_HANDLE; }
  const RASENTRYW *e = &c->entry->entry;
  int t = tunnel_of(c), port = port_of(c);
  int v4 = (e->dwfNetProtocols & RASNP_Ip) != 0, v6 = (e->dwfNetProtocols & RASNP_Ipv6) != 0;
  /* IKEv2's server addresses go after the struct, in the caller's buffer (one: the remote endpoint). */
  DWORD need = (DWORD)sizeof(RAS_PROJECTION_INFO) + (t == T_IKEV2 ? (DWORD)sizeof(RASIPV4ADDR) : 0);
  if (!info || *lpdwSize < need) { *lpdwSize = need; pthread_mutex_unlock(&lock); return ERROR_BUFFER_TOO_SMALL; }
  if (info->version != 4) { pthread_mutex_unlock(&lock); return ERROR_INVALID_PARAMETER; }
  memset(&info->projection, 0, sizeof info->projection);
  uint16_t host = host_group(port);
  if (t == T_IKEV2) {
    RASIKEV2_PROJECTION_INFO *k = &info->projection.ikev2;
    info->type = 2;
    k->dwIPv4NegotiationError = v4 ? 0 : ERROR_PROTOCOL_NOT_CONFIGURED;
    if (v4) { set_ipv4(k->ipv4Address.b, 10, 64, 0, 100 + port); set_ipv4(k->ipv4ServerAddress.b, 10, 64, 0, 1); }
    k->dwIPv6NegotiationError = v6 ? 0 : ERROR_PROTOCOL_NOT_CONFIGURED;
    if (v6) {
      if (e->ipv6addr[0] || e->ipv6addr[1]) { memcpy(k->ipv6Address.b, e->ipv6addr, 16); k->dwPrefixLength = e->dwIPv6PrefixLength ? e->dwIPv6PrefixLength : 64; }
      else { set_ipv6_group(k->ipv6Address.b, 0, 0xfd00); set_ipv6_group(k->ipv6Address.b, 1, 0x64); set_ipv6_group(k->ipv6Address.b, 7, host); k->dwPrefixLength = 64; }
      set_ipv6_group(k->ipv6ServerAddress.b, 0, 0xfd00); set_ipv6_group(k->ipv6ServerAddress.b, 1, 0x64); set_ipv6_group(k->ipv6ServerAddress.b, 7, 1);
    }
    if (e->dwfOptions & RASEO_RequireEAP) { k->dwAuthenticationProtocol = 2; k->dwEapTypeId = e->dwCustomAuthKey; }
    else if (e->dwfOptions2 & RASEO2_UsePreSharedKeyForIkev2Initiator) k->dwAuthenticationProtocol = 3;
    else { k->dwAuthenticationProtocol = 2; k->dwEapTypeId = 26; }
    k->dwFlags = (e->dwfOptions2 & RASEO2_DisableMobility) ? 0 : 1;
    k->dwEncryptionMethod = 5; /* IPSEC_CIPHER_TYPE_AES_256 */
    RASTUNNELENDPOINT local, remote;
    fill_endpoints(c, &local, &remote);
    RASIPV4ADDR *servers = (RASIPV4ADDR *)(info + 1);
    memcpy(servers[0].b, remote.addr, 4);
    k->numIPv4ServerAddresses = 1; k->ipv4ServerAddresses = servers;
  } else {
    RASPPP_PROJECTION_INFO *p = &info->projection.ppp;
    info->type = 1;
    p->dwIPv4NegotiationError = v4 ? 0 : ERROR_PROTOCOL_NOT_CONFIGURED;
    if (v4) {
      if (e->ip[0][0]) memcpy(p->ipv4Address.b, e->ip[0], 4); else set_ipv4(p->ipv4Address.b, 10, 64, 0, 100 + port);
      set_ipv4(p->ipv4ServerAddress.b, 10, 64, 0, 1);
    }
    p->dwIPv6NegotiationError = v6 ? 0 : ERROR_PROTOCOL_NOT_CONFIGURED;
    if (v6) {
      uint8_t iid[8] = { 0, 0x10, 0, 0x64, 0, 0, (uint8_t)(host >> 8), (uint8_t)host };
      memcpy(p->bInterfaceIdentifier, iid, 8);
      iid[6] = 0; iid[7] = 1;
      memcpy(p->bServerInterfaceIdentifier, iid, 8);
    }
    if (t != T_GRE) {
      p->dwAuthenticationProtocol = ppp_auth(e, &p->dwAuthenticationData);
      if (p->dwAuthenticationProtocol == 0xC227) p->dwEapTypeId = e->dwCustomAuthKey;
    }
    int encrypted = e->dwEncryptionType != 0 && t != T_GRE && t != T_SSTP;
    if (encrypted && t == T_L2TP) p->dwLcpOptions = 0x40; /* RASLCPO_AES_256: L2TP's IPsec */
    int mppe = encrypted && t != T_L2TP, compress = (e->dwfOptions & RASEO_SwCompression) && t != T_GRE;
    if (mppe || compress) {
      p->dwCcpCompressionAlgorithm = 6; /* RASCCPCA_MPPC carries MPPE too */
      p->dwCcpOptions = (mppe ? 0x40 : 0) | (compress ? 0x1 : 0);
    } else p->dwCcpError = ERROR_PROTOCOL_NOT_CONFIGURED;
  }
  *lpdwSize = need;
  pthread_mutex_unlock(&lock);
  return 0;
}

/* ---- iphlpapi's GetAdaptersAddresses, as far as the DNS reader walks it: one adapter per
   connected entry, named after it, with the DNS servers the link got, behind an "Ethernet" one.
   iptypes.h lays these out naturally (no pack(4)); only the head of each struct is declared. ---- */
typedef struct SOCKADDR_W { uint16_t family; uint8_t data[26]; } SOCKADDR_W;
typedef struct DNS_SERVER { uint64_t alignment; struct DNS_SERVER *Next; SOCKADDR_W *lpSockaddr; int32_t iSockaddrLength; } DNS_SERVER;
typedef struct ADAPTER {
  uint64_t alignment; struct ADAPTER *Next; char *AdapterName; void *FirstUnicastAddress, *FirstAnycastAddress,
      *FirstMulticastAddress; DNS_SERVER *FirstDnsServerAddress; WCHAR *DnsSuffix, *Description, *FriendlyName;
} ADAPTER;
#if defined(_WIN64) || defined(__x86_64__) || defined(__aarch64__)
_Static_assert(offsetof(ADAPTER, FirstDnsServerAddress) == 48 && offsetof(ADAPTER, FriendlyName) == 72, "IP_ADAPTER_ADDRESSES x64");
_Static_assert(offsetof(DNS_SERVER, lpSockaddr) == 16, "IP_ADAPTER_DNS_SERVER_ADDRESS x64");
#endif
typedef struct { ADAPTER a; WCHAR name[257]; DNS_SERVER dns[4]; SOCKADDR_W addr[4]; } AdapterBlock;
#define AF_INET_W 2
#define AF_INET6_W 23
static int add_dns4(AdapterBlock *b, int n, const uint8_t *v4) {
  b->addr[n].family = AF_INET_W; memcpy(b->addr[n].data + 2, v4, 4);
  b->dns[n].lpSockaddr = &b->addr[n]; b->dns[n].iSockaddrLength = 16; return n + 1;
}
static int add_dns6(AdapterBlock *b, int n, const uint8_t *v6) {
  b->addr[n].family = AF_INET6_W; memcpy(b->addr[n].data + 6, v6, 16);
  b->dns[n].lpSockaddr = &b->addr[n]; b->dns[n].iSockaddrLength = 28; return n + 1;
}
static void link_dns(AdapterBlock *b, int n, unsigned flags) {
  /* GAA_FLAG_SKIP_DNS_SERVER (0x8): no DNS servers, as iphlpapi does. */
  if (n == 0 || (flags & 0x8)) return;
  for (int i = 0; i + 1 < n; i++) b->dns[i].Next = &b->dns[i + 1];
  b->a.FirstDnsServerAddress = &b->dns[0];
}
unsigned GetAdaptersAddresses(unsigned family, unsigned flags, void *reserved, void *out, unsigned *size) {
  RAS_CALL("GetAdaptersAddresses");
  if (!size || reserved || (family != 0 && family != AF_INET_W && family != AF_INET6_W)) return ERROR_INVALID_PARAMETER;
  pthread_mutex_lock(&lock);
  int n = 1;
  for (int i = 0; i <= PORTS; i++) if (conns[i].used && conns[i].connected && !conns[i].hungUp) n++;
  unsigned need = (unsigned)(n * sizeof(AdapterBlock));
  if (!out || *size < need) { *size = need; pthread_mutex_unlock(&lock); return 111; /* ERROR_BUFFER_OVERFLOW */ }
  AdapterBlock *blocks = out;
  memset(blocks, 0, need);
  wcopy(blocks[0].name, u"Ethernet", 257);
  blocks[0].a.FriendlyName = blocks[0].name;
  uint8_t lan[4] = { 192, 0, 2, 53 };
  link_dns(&blocks[0], add_dns4(&blocks[0], 0, lan), flags);
  int k = 1;
  for (int i = 0; i <= PORTS; i++) {
    Conn *c = &conns[i];
    if (!(c->used && c->connected && !c->hungUp)) continue;
    AdapterBlock *b = &blocks[k++];
    const RASENTRYW *e = &c->entry->entry;
    wcopy(b->name, c->entry->name, 257);
    b->a.FriendlyName = b->name;
    int d = 0;
    if (e->dwfNetProtocols & RASNP_Ip) {
      if ((e->dwfOptions & RASEO_SpecificNameServers) && e->ip[1][0]) {
        d = add_dns4(b, d, e->ip[1]);
        if (e->ip[2][0]) d = add_dns4(b, d, e->ip[2]);
      } else { uint8_t server[4] = { 10, 64, 0, 1 }; d = add_dns4(b, d, server); }
    }
    if (e->dwfNetProtocols & RASNP_Ipv6) {
      uint8_t zero[16] = { 0 };
      if (memcmp(e->ipv6addrDns, zero, 16) != 0) {
        d = add_dns6(b, d, e->ipv6addrDns);
        if (memcmp(e->ipv6addrDnsAlt, zero, 16) != 0) d = add_dns6(b, d, e->ipv6addrDnsAlt);
      } else { uint8_t server[16] = { 0xfd, 0, 0, 0x64 }; server[15] = 1; d = add_dns6(b, d, server); }
    }
    link_dns(b, d, flags);
  }
  for (int i = 0; i + 1 < n; i++) blocks[i].a.Next = &blocks[i + 1].a;
  *size = need;
  pthread_mutex_unlock(&lock);
  return 0;
}

/* ---- dialing ---- */
typedef struct { RasDialFunc2 cb; uintptr_t id; uintptr_t h; } Told;
static void *tell_connected(void *arg) {
  Told t = *(Told *)arg;
  free(arg);
  sleep_ms(stepMs);
  lastFinalReturn = (int)t.cb(t.id, 0, (HRASCONN)t.h, 0xCCCD, Connected, 0, 0);
  return NULL;
}
DWORD RasDialW(RASDIALEXTENSIONS *ext, const WCHAR *pbk, RASDIALPARAMSW *params, DWORD notifierType, void *notifier, HRASCONN *lph) {
  RAS_CALL("RasDialW");
  if (!params || !lph) return ERROR_INVALID_PARAMETER;
  if (!params_size_ok(params->dwSize)) return ERROR_INVALID_SIZE;
  if (ext && ext->dwSize != 60 && ext->dwSize != 44 && ext->dwSize != 24) return ERROR_INVALID_SIZE;
  if (notifierType != 2 || !notifier) return ERROR_INVALID_PARAMETER;
  pthread_mutex_lock(&lock);
  if (*lph) {
    Conn *c = find_conn(*lph);
    if (!c || c->hungUp) { pthread_mutex_unlock(&lock); return ERROR_INVALID_HANDLE; }
    if (!c->paused) { pthread_mutex_unlock(&lock); return ERROR_DIAL_ALREADY_IN_PROGRESS; }
    /* Resume: the same handle, with the fields the paused state asked for; after InvokeEapUI,
       the extensions RasInvokeEapUI filled. */
    if (c->state == InvokeEapUI)
      c->eapOk = c->eapInvoked && ext && ext->RasEapInfo.pbEapInfo == c->eapBlob &&
                 ext->RasEapInfo.dwSizeofEapInfo == sizeof c->eapBlob;
    memcpy(c->params.szCallbackNumber, params->szCallbackNumber, sizeof params->szCallbackNumber);
    memcpy(c->params.szUserName, params->szUserName, sizeof params->szUserName);
    memcpy(c->params.szPassword, params->szPassword, sizeof params->szPassword);
    memcpy(c->params.szDomain, params->szDomain, sizeof params->szDomain);
    c->resumed = 1;
    pthread_cond_broadcast(&c->wake);
    pthread_mutex_unlock(&lock);
    return 0;
  }
  Entry *e = find_entry(pbk, params->szEntryName);
  if (!e) { pthread_mutex_unlock(&lock); return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; }
  int busyPorts = 0; Conn *slot = NULL;
  for (int i = 0; i <= PORTS; i++) {
    if (conns[i].used) {
      busyPorts++;
      if (!conns[i].hungUp && conns[i].entry == e) {
        Conn *c = &conns[i];
        if (!c->connected) { pthread_mutex_unlock(&lock); return ERROR_DIAL_ALREADY_IN_PROGRESS; }
        /* A connected entry: its handle again, with one more reference, and Connected told. */
        c->references++;
        *lph = (HRASCONN)c->handle;
        Told *told = malloc(sizeof *told);
        told->cb = (RasDialFunc2)notifier; told->id = params->dwCallbackId; told->h = c->handle;
        pthread_t t; pthread_create(&t, NULL, tell_connected, told); pthread_detach(t);
        pthread_mutex_unlock(&lock);
        return 0;
      }
    } else if (!slot) slot = &conns[i];
  }
  if (!slot) { pthread_mutex_unlock(&lock); return ERROR_PORT_NOT_AVAILABLE; }
  memset(slot, 0, sizeof *slot);
  slot->used = 1;
  slot->handle = nextHandle++;
  slot->references = 1;
  slot->entry = e;
  slot->params = *params;
  /* The handle string RasGetCredentials gave stands for the saved password. */
  if (wequal_ascii(params->szPassword, "****************") && e->hasCreds) wcopy(slot->params.szPassword, e->password, 257);
  slot->pausedStates = ext && (ext->dwfOptions & RDEOPT_PausedStates);
  for (int i = 0; i < 8; i++)
    if (ext && identities[i] && ext->RasEapInfo.pbEapInfo == identities[i]->pbEapInfo &&
        ext->RasEapInfo.dwSizeofEapInfo == sizeof identities[i]->pbEapInfo)
      slot->eapFromIdentity = 1;
  slot->notify = (RasDialFunc2)notifier;
  wcopy(slot->number, wlen(params->szPhoneNumber) ? params->szPhoneNumber : e->entry.szLocalPhoneNumber, 129);
  pthread_cond_init(&slot->wake, NULL);
  *lph = (HRASCONN)slot->handle;
  if (busyPorts >= PORTS) {
    slot->state = OpenPort; slot->error = ERROR_PORT_NOT_AVAILABLE;
    pthread_mutex_unlock(&lock);
    return ERROR_PORT_NOT_AVAILABLE;
  }
  slot->gen = ++generation;
  Job *job = malloc(sizeof *job);
  job->c = slot; job->gen = slot->gen;
  pthread_create(&slot->thread, NULL, dial_thread, job);
  pthread_detach(slot->thread);
  pthread_mutex_unlock(&lock);
  return 0;
}

static void *release_thread(void *arg) {
  Job job = *(Job *)arg;
  free(arg);
  sleep_ms(releaseMs);
  pthread_mutex_lock(&lock);
  if (job.c->gen == job.gen) { job.c->released = 1; job.c->used = 0; }
  pthread_mutex_unlock(&lock);
  return NULL;
}

DWORD RasHangUpW(HRASCONN h) {
  RAS_CALL("RasHangUpW");
  pthread_mutex_lock(&lock);
  Conn *c = find_conn(h);
  if (!c) { pthread_mutex_unlock(&lock); return ERROR_INVALID_HANDLE; }
  /* Another holder's reference stays: the connection ends only with the last one. */
  if (!c->hungUp && c->references > 1) { c->references--; pthread_mutex_unlock(&lock); return 0; }
  if (!c->hungUp) {
    c->hungUp = 1; c->connected = 0;
    if (c->error == 0) c->state = Disconnected;
    pthread_cond_broadcast(&c->wake);
    signal_watchers();
    /* Returns at once; the port is freed a little later, as on Windows. */
    Job *job = malloc(sizeof *job);
    job->c = c; job->gen = c->gen;
    pthread_t t; pthread_create(&t, NULL, release_thread, job); pthread_detach(t);
  }
  pthread_mutex_unlock(&lock);
  return 0;
}

DWORD RasGetConnectStatusW(HRASCONN h, RASCONNSTATUSW *st) {
  RAS_CALL("RasGetConnectStatusW");
  if (!st) return ERROR_INVALID_PARAMETER;
  if (st->dwSize != 608 && st->dwSize != 564 && st->dwSize != 304) return ERROR_INVALID_SIZE;
  pthread_mutex_lock(&lock);
  Conn *c = find_conn(h);
  if (!c) { pthread_mutex_unlock(&lock); return ERROR_INVALID_HANDLE; }
  DWORD size = st->dwSize;
  memset(st, 0, size);
  st->dwSize = size;
  st->rasconnstate = c->state;
  st->dwError = c->error;
  device_of(c, st->szDeviceType, st->szDeviceName);
  if (size >= 564) wcopy(st->szPhoneNumber, c->number, 129);
  /* A VPN's tunnel endpoints, once the tunnel is up (Windows 7's layout only). */
  if (size >= 608 && c->projected) fill_endpoints(c, &st->localEndPoint, &st->remoteEndPoint);
  pthread_mutex_unlock(&lock);
  return 0;
}

DWORD RasEnumConnectionsW(RASCONNW *out, DWORD *lpcb, DWORD *lpc) {
  RAS_CALL("RasEnumConnectionsW");
  enumConnectionsCalls++;
  if (!lpcb || !lpc) return ERROR_INVALID_PARAMETER;
  pthread_mutex_lock(&lock);
  DWORD n = 0;
  for (int i = 0; i <= PORTS; i++) if (conns[i].used && conns[i].connected && !conns[i].hungUp) n++;
  DWORD need = n * (DWORD)sizeof(RASCONNW);
  if (!out || *lpcb < need) {
    if (out && out->dwSize != sizeof(RASCONNW)) { pthread_mutex_unlock(&lock); return ERROR_INVALID_SIZE; }
    *lpcb = need; *lpc = n;
    pthread_mutex_unlock(&lock);
    return n == 0 ? 0 : ERROR_BUFFER_TOO_SMALL;
  }
  if (out->dwSize != sizeof(RASCONNW)) { pthread_mutex_unlock(&lock); return ERROR_INVALID_SIZE; }
  DWORD k = 0;
  for (int i = 0; i <= PORTS; i++) {
    Conn *c = &conns[i];
    if (!(c->used && c->connected && !c->hungUp)) continue;
    RASCONNW *r = &out[k++];
    memset(r, 0, sizeof *r);
    r->dwSize = sizeof(RASCONNW);
    r->hrasconn = (HRASCONN)c->handle;
    wcopy(r->szEntryName, c->entry->name, 257);
    device_of(c, r->szDeviceType, r->szDeviceName);
    wcopy(r->szPhonebook, c->entry->phonebook, 260);
  }
  *lpcb = need; *lpc = k;
  pthread_mutex_unlock(&lock);
  return 0;
}

DWORD RasGetConnectionStatistics(HRASCONN h, RAS_STATS *s) {
  RAS_CALL("RasGetConnectionStatistics");
  if (!s) return ERROR_INVALID_PARAMETER;
  if (s->f[0] != sizeof(RAS_STATS)) return ERROR_INVALID_SIZE;
  pthread_mutex_lock(&lock);
  Conn *c = find_conn(h);
  if (!c) { pthread_mutex_unlock(&lock); return ERROR_INVALID_HANDLE; }
  DWORD ms = c->connected ? now_ms() - c->connectedAtMs : 0;
  memset(s, 0, sizeof *s);
  s->f[0] = sizeof(RAS_STATS);
  s->f[1] = ms * 6; s->f[2] = ms * 15; s->f[3] = ms / 100; s->f[4] = ms / 50;
  s->f[13] = 49333; s->f[14] = ms;
  pthread_mutex_unlock(&lock);
  return 0;
}

#ifndef RAS_DOUBLE_WITHOUT_RasInvokeEapUI
DWORD RasInvokeEapUI(HRASCONN h, DWORD sub, RASDIALEXTENSIONS *ext, void *hwnd) {
  RAS_CALL("RasInvokeEapUI");
  (void)hwnd;
  if (!ext || (ext->dwSize != 60 && ext->dwSize != 44)) return ERROR_INVALID_SIZE;
  pthread_mutex_lock(&lock);
  Conn *c = find_conn(h);
  if (!c) { pthread_mutex_unlock(&lock); return ERROR_INVALID_HANDLE; }
  /* Only for a dial paused in InvokeEapUI, and for the subentry that notification named. */
  if (!c->paused || c->state != InvokeEapUI || sub != 1) { pthread_mutex_unlock(&lock); return ERROR_INVALID_PARAMETER; }
  for (size_t i = 0; i < sizeof c->eapBlob; i++) c->eapBlob[i] = (uint8_t)(0xE0 + i);
  ext->RasEapInfo.dwSizeofEapInfo = sizeof c->eapBlob;
  ext->RasEapInfo.pbEapInfo = c->eapBlob;
  c->eapInvoked = 1;
  pthread_mutex_unlock(&lock);
  return 0;
}
#endif

DWORD RasGetEapUserIdentityW(const WCHAR *pbk, const WCHAR *name, DWORD flags, void *hwnd, RASEAPUSERIDENTITYW **out) {
  RAS_CALL("RasGetEapUserIdentityW");
  (void)hwnd;
  if (!out || !name) return ERROR_INVALID_PARAMETER;
  *out = NULL;
  pthread_mutex_lock(&lock);
  Entry *e = find_entry(pbk, name);
  if (!e) { pthread_mutex_unlock(&lock); return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; }
  if (!(e->entry.dwfOptions & RASEO_RequireEAP)) { pthread_mutex_unlock(&lock); return ERROR_INVALID_FUNCTION_FOR_ENTRY; }
  /* RASEAPF_NonInteractive (0x2) and no identity without UI: the caller must ask the person. */
  if (!eapIdentityAvailable) { pthread_mutex_unlock(&lock); return (flags & 0x2) ? ERROR_INTERACTIVE_MODE : ERROR_INVALID_PARAMETER; }
  int slot = -1;
  for (int i = 0; i < 8 && slot < 0; i++) if (!identities[i]) slot = i;
  if (slot < 0) { pthread_mutex_unlock(&lock); return ERROR_INVALID_PARAMETER; }
  RASEAPUSERIDENTITYW *id = calloc(1, sizeof *id);
  wcopy(id->szUserName, u"eap-user", 257);
  id->dwSizeofEapInfo = sizeof id->pbEapInfo;
  for (size_t i = 0; i < sizeof id->pbEapInfo; i++) id->pbEapInfo[i] = (uint8_t)(0xA0 + i);
  identities[slot] = id;
  *out = id;
  pthread_mutex_unlock(&lock);
  return 0;
}

void RasFreeEapUserIdentityW(RASEAPUSERIDENTITYW *id) {
  RAS_CALL("RasFreeEapUserIdentityW");
  pthread_mutex_lock(&lock);
  for (int i = 0; i < 8; i++) if (identities[i] && identities[i] == id) { free(id); identities[i] = NULL; }
  pthread_mutex_unlock(&lock);
}

DWORD RasConnectionNotificationW(HRASCONN h, void *event, DWORD flags) {
  RAS_CALL("RasConnectionNotificationW");
#ifdef _WIN32
  /* As Windows does for INVALID_HANDLE_VALUE: the event is set when any connection comes or goes. */
  if (!event || (uintptr_t)h != (uintptr_t)-1 || !(flags & 3)) return ERROR_INVALID_PARAMETER;
  pthread_mutex_lock(&lock);
  int added = 0;
  for (int i = 0; i < 8 && !added; i++) if (!watchEvents[i]) { watchEvents[i] = event; added = 1; }
  pthread_mutex_unlock(&lock);
  return added ? 0 : ERROR_INVALID_PARAMETER;
#else
  (void)h; (void)event; (void)flags;
  return ERROR_INVALID_PARAMETER; /* No Win32 events here: the backend polls instead. */
#endif
}

/* ---- phonebook ---- */
static int bad_name(const WCHAR *name) {
  if (!name) return 1;
  int alnum = 0;
  for (size_t i = 0; name[i]; i++) {
    WCHAR ch = name[i];
    if (ch == '|' || ch == '>' || ch == '<' || ch == '?' || ch == '*' || ch == '\\' || ch == '/' || ch == ':') return 1;
    if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch > 127) alnum = 1;
  }
  return !alnum || name[0] == '.' || wlen(name) > 256;
}

DWORD RasValidateEntryNameW(const WCHAR *pbk, const WCHAR *name) {
  RAS_CALL("RasValidateEntryNameW");
  if (bad_name(name)) return ERROR_INVALID_NAME;
  pthread_mutex_lock(&lock);
  Entry *e = find_entry(pbk, name);
  pthread_mutex_unlock(&lock);
  return e ? ERROR_ALREADY_EXISTS : 0;
}

DWORD RasSetEntryPropertiesW(const WCHAR *pbk, const WCHAR *name, RASENTRYW *entry, DWORD size, void *dev, DWORD devSize) {
  RAS_CALL("RasSetEntryPropertiesW");
  if (read_only_book(pbk)) return ERROR_ACCESS_DENIED;
  (void)dev; (void)devSize;
  if (!entry || !name) return ERROR_INVALID_PARAMETER;
  if (!entry_size_ok(entry->dwSize)) return ERROR_INVALID_SIZE;
  if (size < entry->dwSize) return ERROR_INVALID_PARAMETER;
  if (!entry->szDeviceType[0] || !entry->szDeviceName[0] || !entry->dwType || !entry->dwFramingProtocol) return ERROR_INVALID_PARAMETER;
  if (bad_name(name)) return ERROR_INVALID_NAME;
  pthread_mutex_lock(&lock);
  Entry *e = find_entry(pbk, name);
  if (!e) for (int i = 0; i < MAX_ENTRIES && !e; i++) if (!entries[i].used) e = &entries[i];
  if (!e) { pthread_mutex_unlock(&lock); return ERROR_INVALID_PARAMETER; }
  int hadCreds = e->used && e->hasCreds;
  Entry saved = *e;
  memset(e, 0, sizeof *e);
  if (hadCreds) { e->hasCreds = 1; memcpy(e->user, saved.user, sizeof e->user); memcpy(e->password, saved.password, sizeof e->password); memcpy(e->domain, saved.domain, sizeof e->domain); }
  e->used = 1;
  wcopy(e->phonebook, pbk ? pbk : u"", 261);
  wcopy(e->name, name, 257);
  memcpy(&e->entry, entry, entry->dwSize);
  e->entry.dwSize = sizeof(RASENTRYW);
  if (entry->dwAlternateOffset && entry->dwAlternateOffset < size) {
    const WCHAR *alt = (const WCHAR *)((const char *)entry + entry->dwAlternateOffset);
    size_t max = (size - entry->dwAlternateOffset) / 2, n = 0;
    while (n + 1 < max && !(alt[n] == 0 && alt[n + 1] == 0)) n++;
    n += 2;
    if (n > 1024) n = 1024;
    memcpy(e->alternates, alt, n * 2);
    e->alternatesLen = n;
  }
  e->entry.dwAlternateOffset = 0;
  pthread_mutex_unlock(&lock);
  return 0;
}

DWORD RasGetEntryPropertiesW(const WCHAR *pbk, const WCHAR *name, RASENTRYW *entry, DWORD *size, void *dev, DWORD *devSize) {
  RAS_CALL("RasGetEntryPropertiesW");
  (void)dev; (void)devSize;
  if (!size || !name) return ERROR_INVALID_PARAMETER;
  pthread_mutex_lock(&lock);
  Entry defaults; Entry *e;
  if (!name[0]) {
    /* An empty name gives the defaults, as Windows does. */
    memset(&defaults, 0, sizeof defaults);
    defaults.entry.dwType = 1; defaults.entry.dwFramingProtocol = 1; defaults.entry.dwfNetProtocols = 4;
    defaults.entry.dwRedialCount = 3; defaults.entry.dwRedialPause = 60;
    e = &defaults;
  } else e = find_entry(pbk, name);
  if (!e) { pthread_mutex_unlock(&lock); return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; }
  /* The caller's layout: as many bytes as its dwSize names, the alternates right after. */
  DWORD layout = entry && entry->dwSize ? entry->dwSize : (DWORD)sizeof(RASENTRYW);
  DWORD need = layout + (DWORD)(e->alternatesLen * 2);
  if (!entry || *size < need) { *size = need; pthread_mutex_unlock(&lock); return ERROR_BUFFER_TOO_SMALL; }
  if (!entry_size_ok(entry->dwSize)) { pthread_mutex_unlock(&lock); return ERROR_INVALID_SIZE; }
  memcpy(entry, &e->entry, layout);
  entry->dwSize = layout;
  if (e->alternatesLen) {
    entry->dwAlternateOffset = layout;
    memcpy((char *)entry + layout, e->alternates, e->alternatesLen * 2);
  } else entry->dwAlternateOffset = 0;
  *size = need;
  pthread_mutex_unlock(&lock);
  return 0;
}

/* No book named: the user's and All-Users' (when the test named them), else every entry. */
static int listed(const Entry *e, const WCHAR *pbk) {
  if (pbk) return wequal_nocase(e->phonebook, pbk);
  if (!userBook[0] && !allUsersBook[0]) return 1;
  return (userBook[0] && wequal_nocase(e->phonebook, userBook)) || (allUsersBook[0] && wequal_nocase(e->phonebook, allUsersBook));
}
DWORD RasEnumEntriesW(const WCHAR *reserved, const WCHAR *pbk, RASENTRYNAMEW *out, DWORD *lpcb, DWORD *lpc) {
  RAS_CALL("RasEnumEntriesW");
  if (reserved || !lpcb || !lpc) return ERROR_INVALID_PARAMETER;
  pthread_mutex_lock(&lock);
  DWORD n = 0;
  for (int i = 0; i < MAX_ENTRIES; i++) if (entries[i].used && listed(&entries[i], pbk)) n++;
  DWORD need = n * (DWORD)sizeof(RASENTRYNAMEW);
  if (out && out->dwSize != sizeof(RASENTRYNAMEW)) { pthread_mutex_unlock(&lock); return ERROR_INVALID_SIZE; }
  if (!out || *lpcb < need) { *lpcb = need; *lpc = n; pthread_mutex_unlock(&lock); return n ? ERROR_BUFFER_TOO_SMALL : 0; }
  DWORD k = 0;
  for (int i = 0; i < MAX_ENTRIES; i++) {
    if (!(entries[i].used && listed(&entries[i], pbk))) continue;
    RASENTRYNAMEW *r = &out[k++];
    memset(r, 0, sizeof *r);
    r->dwSize = sizeof(RASENTRYNAMEW);
    wcopy(r->szEntryName, entries[i].name, 257);
    wcopy(r->szPhonebookPath, entries[i].phonebook, 261);
    if (allUsersBook[0] && wequal_nocase(entries[i].phonebook, allUsersBook)) r->dwFlags = REN_AllUsers;
  }
  *lpcb = need; *lpc = k;
  pthread_mutex_unlock(&lock);
  return 0;
}

DWORD RasDeleteEntryW(const WCHAR *pbk, const WCHAR *name) {
  RAS_CALL("RasDeleteEntryW");
  if (read_only_book(pbk)) return ERROR_ACCESS_DENIED;
  pthread_mutex_lock(&lock);
  Entry *e = find_entry(pbk, name);
  if (!e) { pthread_mutex_unlock(&lock); return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; }
  for (int i = 0; i <= PORTS; i++)
    if (conns[i].used && conns[i].entry == e && !conns[i].hungUp) { pthread_mutex_unlock(&lock); return ERROR_CANNOT_DELETE; }
  memset(e, 0, sizeof *e);
  pthread_mutex_unlock(&lock);
  return 0;
}

DWORD RasRenameEntryW(const WCHAR *pbk, const WCHAR *oldName, const WCHAR *newName) {
  RAS_CALL("RasRenameEntryW");
  if (read_only_book(pbk)) return ERROR_ACCESS_DENIED;
  if (bad_name(newName)) return ERROR_INVALID_NAME;
  pthread_mutex_lock(&lock);
  Entry *e = find_entry(pbk, oldName);
  if (!e) { pthread_mutex_unlock(&lock); return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; }
  Entry *other = find_entry(pbk, newName);
  if (other && other != e) { pthread_mutex_unlock(&lock); return ERROR_ALREADY_EXISTS; }
  wcopy(e->name, newName, 257);
  pthread_mutex_unlock(&lock);
  return 0;
}

DWORD RasGetCredentialsW(const WCHAR *pbk, const WCHAR *name, RASCREDENTIALSW *cr) {
  RAS_CALL("RasGetCredentialsW");
  if (!cr) return ERROR_INVALID_PARAMETER;
  if (cr->dwSize != sizeof(RASCREDENTIALSW)) return ERROR_INVALID_SIZE;
  pthread_mutex_lock(&lock);
  Entry *e = find_entry(pbk, name);
  if (!e) { pthread_mutex_unlock(&lock); return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; }
  DWORD asked = cr->dwMask;
  memset(cr, 0, sizeof *cr);
  cr->dwSize = sizeof(RASCREDENTIALSW);
  if (e->hasCreds) {
    if (asked & 1) { wcopy(cr->szUserName, e->user, 257); cr->dwMask |= 1; }
    /* Never the password itself: a handle string, as Windows gives. */
    if ((asked & 2) && e->password[0]) { wcopy(cr->szPassword, u"****************", 257); cr->dwMask |= 2; }
    if (asked & 4) { wcopy(cr->szDomain, e->domain, 16); cr->dwMask |= 4; }
  }
  if ((asked & 0x10) && e->psk[0]) cr->dwMask |= 0x10;
  pthread_mutex_unlock(&lock);
  return 0;
}

DWORD RasSetCredentialsW(const WCHAR *pbk, const WCHAR *name, RASCREDENTIALSW *cr, BOOL clear) {
  RAS_CALL("RasSetCredentialsW");
  if (read_only_book(pbk)) return ERROR_ACCESS_DENIED;
  if (!cr) return ERROR_INVALID_PARAMETER;
  if (cr->dwSize != sizeof(RASCREDENTIALSW)) return ERROR_INVALID_SIZE;
  pthread_mutex_lock(&lock);
  Entry *e = find_entry(pbk, name);
  if (!e) { pthread_mutex_unlock(&lock); return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; }
  e->hasCreds = 1;
  if (cr->dwMask & 1) wcopy(e->user, clear ? u"" : cr->szUserName, 257);
  if (cr->dwMask & 2) {
    /* The handle string Windows hands out means "keep the saved password". */
    if (!wequal_ascii(cr->szPassword, "****************")) wcopy(e->password, clear ? u"" : cr->szPassword, 257);
  }
  if (cr->dwMask & 4) wcopy(e->domain, clear ? u"" : cr->szDomain, 16);
  /* RasSetCredentials takes the pre-shared key in szPassword. */
  if (cr->dwMask & 0x10) wcopy(e->psk, clear ? u"" : cr->szPassword, 257);
  pthread_mutex_unlock(&lock);
  return 0;
}

DWORD RasEnumDevicesW(RASDEVINFOW *out, DWORD *lpcb, DWORD *lpc) {
  RAS_CALL("RasEnumDevicesW");
  static const char *devices[][2] = { { "modem", "Standard 56000 bps Modem" }, { "vpn", "WAN Miniport (IKEv2)" }, { "PPPoE", "WAN Miniport (PPPOE)" } };
  if (!lpcb || !lpc) return ERROR_INVALID_PARAMETER;
  DWORD need = 3 * (DWORD)sizeof(RASDEVINFOW);
  if (out && out->dwSize != sizeof(RASDEVINFOW)) return ERROR_INVALID_SIZE;
  if (!out || *lpcb < need) { *lpcb = need; *lpc = 3; return ERROR_BUFFER_TOO_SMALL; }
  for (int i = 0; i < 3; i++) {
    memset(&out[i], 0, sizeof out[i]);
    out[i].dwSize = sizeof(RASDEVINFOW);
    for (int k = 0; devices[i][0][k]; k++) out[i].szDeviceType[k] = (WCHAR)devices[i][0][k];
    for (int k = 0; devices[i][1][k]; k++) out[i].szDeviceName[k] = (WCHAR)devices[i][1][k];
  }
  *lpcb = need; *lpc = 3;
  return 0;
}

DWORD RasGetErrorStringW(unsigned code, WCHAR *buf, DWORD chars) {
  RAS_CALL("RasGetErrorStringW");
  if (!buf || chars == 0) return ERROR_INVALID_PARAMETER;
  if (code < 600 || code > 878) return ERROR_INVALID_PARAMETER;
  const char *text = code == ERROR_LINE_BUSY ? "The remote computer's line is busy (from rasapi32)." : NULL;
  if (!text) return ERROR_INVALID_PARAMETER;
  size_t n = strlen(text);
  if (n + 1 > chars) return ERROR_INSUFFICIENT_BUFFER;
  for (size_t i = 0; i <= n; i++) buf[i] = (WCHAR)text[i];
  return 0;
}

/* RasGetCountryInfoW: a few rows of Windows' TAPI country list, in its order (by id), chained
 * by dwNextCountryID; the name follows the five DWORDs. Canada and Kazakhstan share +1 and +7. */
typedef struct { DWORD dwSize, dwCountryID, dwNextCountryID, dwCountryCode, dwCountryNameOffset; } RASCTRYINFOW;
DWORD RasGetCountryInfoW(RASCTRYINFOW *info, DWORD *lpcb) {
  RAS_CALL("RasGetCountryInfoW");
  static const struct { DWORD id, code; const char *name; } rows[] = {
    { 1, 1, "United States" }, { 7, 7, "Russia" }, { 44, 44, "United Kingdom" },
    { 49, 49, "Germany" }, { 107, 1, "Canada" }, { 705, 7, "Kazakhstan" },
  };
  const int n = (int)(sizeof rows / sizeof rows[0]);
  if (!info || !lpcb) return ERROR_INVALID_PARAMETER;
  if (*lpcb < sizeof(RASCTRYINFOW) || info->dwSize != sizeof(RASCTRYINFOW)) return ERROR_INVALID_SIZE;
  for (int i = 0; i < n; i++) {
    if (rows[i].id != info->dwCountryID) continue;
    DWORD chars = (DWORD)strlen(rows[i].name) + 1;
    DWORD need = (DWORD)sizeof(RASCTRYINFOW) + chars * (DWORD)sizeof(WCHAR);
    if (*lpcb < need) { *lpcb = need; return ERROR_BUFFER_TOO_SMALL; }
    info->dwNextCountryID = i + 1 < n ? rows[i + 1].id : 0;
    info->dwCountryCode = rows[i].code;
    info->dwCountryNameOffset = sizeof(RASCTRYINFOW);
    WCHAR *name = (WCHAR *)(info + 1);
    for (DWORD k = 0; k < chars; k++) name[k] = (WCHAR)rows[i].name[k];
    *lpcb = need;
    return 0;
  }
  return ERROR_INVALID_PARAMETER;
}
