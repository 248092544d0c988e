// The Win32 defects suite (win32-defects.ts) on Linux, over the double built with `cc`.

import { buildRasapi32Double, buildRasapi32DoubleWithout } from './build-double';
import { win32Defects } from './win32-defects';

win32Defects('the double as a Linux .so', {
  double: buildRasapi32Double(),
  withoutInvokeEapUi: buildRasapi32DoubleWithout('RasInvokeEapUI'),
});
