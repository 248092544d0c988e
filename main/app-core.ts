// The main-process core, the same under Electron and in the headless host: backend,
// settings, session engine, IPC router, and the events that go out to every window.

import type { EventName } from '../app/ipc/channels';
import type { EventPayload } from '../app/ipc/contract';
import { realClock, type Clock } from './clock';
import { broadcastConnections } from './ipc/broadcaster';
import { createRouter, type Router } from './ipc/router';
import { typedPaths, type FileAccess } from './ipc/file-access';
import type { SecretStore } from './secrets/secret-store';
import { StatisticsWatch } from './ipc/statistics-watch';
import { createDoctorChannel } from './ipc/doctor-channel';
import type { DoctorOptions } from './doctor/run-doctor';
import { ensureDemoPhonebook } from './phonebook/demo-phonebook';
import type { RasBackend } from './ras/backend';
import { createBackend, type BackendKind } from './ras/create-backend';
import { SimulatedRasBackend } from './ras/simulated/simulated-backend';
import type { ServiceLaunch } from './ras/simulated/service/service-launch';
import { FileHangUpNotes } from './sessions/hang-up-notes';
import { SessionManager } from './sessions/session-manager';
import { KeepConnected, type NetworkState } from './sessions/keep-connected';
import { followEntryMoves } from './settings/entry-moves';
import { HistoryStore } from './history/history-store';
import { logConnections } from './log/connection-log';
import { SettingsStore } from './settings/settings-store';
import { PhonebookService } from './phonebook/phonebook-service';
import { PbkCharset } from './ras/pbk-charset';
import { watchPhonebooks } from './phonebook/phonebook-watch';
import { listBooks } from './phonebook/phonebook-books';

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface CoreOptions {
  dataDir: string;
  backend: BackendKind;
  /** Overrides the saved simulation speed (RAS_CONNECT_SIM_SPEED, tests). */
  speed?: number;
  clock?: Clock;
  version: string;
  platform: string;
  /** The Electron app (tray, login items); browser mode and tests leave it false. */
  desktop?: boolean;
  /** Electron's, Chromium's and Node's versions, for diagnostics (default: Node's own). */
  versions?: Record<string, string | undefined>;
  log: (message: string) => void;
  /** Which files a window may import and export; default: typed paths (browser mode). */
  files?: FileAccess;
  /** Seals saved passwords where RAS does not keep them (Electron's safeStorage). */
  secrets?: SecretStore;
  /** Starts the user session's shared simulated RAS service; without it connections are this core's own (tests). */
  simService?: ServiceLaunch;
  /** Whether the network is usable, for "Keep connected" (default: always; Electron watches it). */
  network?: NetworkState;
  /** Tests only: puts something (the fault injector) between the core and the backend. */
  wrapBackend?: (backend: RasBackend) => RasBackend;
  /** Tests only: the failure doctor's name lookup, ports, roots and timeouts (local servers). */
  doctor?: Partial<DoctorOptions>;
}

export interface Core {
  router: Router;
  phonebooks: PhonebookService;
  manager: SessionManager;
  backend: RasBackend;
  settings: SettingsStore;
  history: HistoryStore;
  keep: KeepConnected;
  /** Settles once the start-up dials (kept entries, those left up) have been made. */
  started: Promise<void>;
  /** Adds a receiver of every event (a window, a socket); returns its removal. */
  addSink(sink: EventSink): () => void;
  dispose(): void;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? realClock;
  const settings = new SettingsStore(options.dataDir);
  const saved = await settings.load(options.log);
  const speed = options.speed ?? saved.simulationSpeed;
  // A phonebook that is not UTF-8: the code page the settings name, else the system's or detected.
  const charset = new PbkCharset({ setting: () => settings.get().legacyPhonebookEncoding });
  const raw = createBackend({
    kind: options.backend,
    dataDir: options.dataDir,
    speed,
    clock,
    secrets: options.secrets,
    charset,
    sharedService: options.simService ? { launch: options.simService, hold: true } : undefined,
    log: options.log,
  });
  if (raw.kind === 'simulated') await ensureDemoPhonebook(raw, raw.defaultPhonebook);
  const backend = options.wrapBackend ? options.wrapBackend(raw) : raw;
  const manager = new SessionManager({
    backend,
    clock,
    log: options.log,
    hangUpNotes: new FileHangUpNotes(options.dataDir),
  });
  await manager.attachExisting();

  const sinks = new Set<EventSink>();
  const emit: EventSink = (event, payload) => {
    for (const sink of sinks) sink(event, payload);
  };
  const statistics = new StatisticsWatch(manager, clock, emit);
  const history = new HistoryStore(options.dataDir, options.log);
  const stopHistory = history.follow(manager.store, () => clock.now());
  const stopHistoryEvents = history.onAdded((record) => emit('history:added', record));
  const stopConnectionLog = logConnections(manager.store, options.log);
  const stopBroadcast = broadcastConnections(manager.store, emit);
  const stopTerminal = manager.watchTerminal((output) =>
    emit('connection:terminal-output', output),
  );
  const stopSettings = settings.subscribe((s) => {
    if (raw instanceof SimulatedRasBackend && options.speed === undefined)
      raw.setSpeed(s.simulationSpeed);
    emit('settings:changed', s);
  });
  const phonebooks = new PhonebookService(backend, manager, charset);
  const stopEntryMoves = followEntryMoves(phonebooks, settings, options.log);
  const keep = new KeepConnected({
    manager,
    settings,
    network: options.network,
    clock,
    log: options.log,
  });
  // Not awaited: the window comes up while the kept entries dial.
  const started = keep.connectAtStart();
  const stopPhonebook = phonebooks.onChanged((phonebook) =>
    emit('phonebook:changed', { phonebook }),
  );
  const fileWatch = watchPhonebooks(
    () => listBooks(backend, settings.get()).map((b) => b.path),
    (file) => phonebooks.announce(file),
  );
  const stopBookWatch = settings.subscribe(() => fileWatch.refresh());
  const router = createRouter({
    files: options.files ?? typedPaths,
    manager,
    phonebooks,
    backend,
    settings,
    statistics,
    history,
    doctor: createDoctorChannel({ backend, history, emit, overrides: options.doctor }),
    dataDir: options.dataDir,
    desktop: options.desktop ?? false,
    canSavePasswords: raw.kind === 'win32' || options.secrets !== undefined,
    versions: options.versions ?? { node: process.versions.node },
    version: options.version,
    platform: options.platform,
    log: options.log,
  });
  return {
    router,
    phonebooks,
    manager,
    backend,
    settings,
    history,
    keep,
    started,
    addSink(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    dispose() {
      statistics.stop();
      stopHistory();
      stopHistoryEvents();
      stopConnectionLog();
      stopBroadcast();
      stopTerminal();
      stopSettings();
      stopPhonebook();
      stopEntryMoves();
      keep.dispose();
      stopBookWatch();
      fileWatch.stop();
      manager.dispose();
      backend.dispose();
      sinks.clear();
    },
  };
}
