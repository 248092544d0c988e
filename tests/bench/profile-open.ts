// Profiles opening a 10,000-entry phonebook in a running window: the page's CPU profile over
// CDP and main's (this process: the core runs here) through node:inspector, written as
// .cpuprofile files for Chrome DevTools, with the heaviest functions printed.
// npx tsx tests/bench/profile-open.ts [out-dir]

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { launchBrowser, openApp } from '../ui/harness';
import { openInWindow, closeOpened } from './phonebook-bench';
import { largePhonebook } from './phonebook-text';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time per function, heaviest first. */
function heaviest(profile: Profile, top = 15): string[] {
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${k}`);
}

const out = process.argv[2] ?? '/tmp';
const browser = await launchBrowser();
const app = await openApp(browser, { speed: 0 });
try {
  const file = path.join(app.dir, 'large.pbk');
  writeFileSync(file, largePhonebook(10_000));
  // Warm both sides once, as a running window is.
  await openInWindow(app.page, file);
  await closeOpened(app.page, file);
  const cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const main = new Session();
  main.connect();
  await main.post('Profiler.enable');
  await main.post('Profiler.setSamplingInterval', { interval: 100 });
  const took = await openInWindow(app.page, file, async () => {
    await cdp.send('Profiler.start');
    await main.post('Profiler.start');
  });
  const { profile: mainProfile } = await main.post('Profiler.stop');
  const { profile: pageProfile } = await cdp.send('Profiler.stop');
  writeFileSync(path.join(out, 'open-main.cpuprofile'), JSON.stringify(mainProfile));
  writeFileSync(path.join(out, 'open-page.cpuprofile'), JSON.stringify(pageProfile));
  console.log(`open in the window: ${took.toFixed(1)} ms`);
  console.log('main, self time:\n' + heaviest(mainProfile as Profile).join('\n'));
  console.log('page, self time:\n' + heaviest(pageProfile as Profile).join('\n'));
  main.disconnect();
} finally {
  await app.close();
  await browser.close();
}
