// koffi's own sizeof/offsetof of the declared structs, on this machine's architecture,
// must equal the layout description that the header check verifies.

import { describe, expect, it } from 'vitest';
import { loadRasApi32 } from '../../main/ras/win32/rasapi32';
import { computeLayout, STRUCTS } from '../../main/ras/win32/struct-layout';
import { buildRasapi32Double } from './build-double';

const arch = process.arch === 'ia32' ? 'ia32' : 'x64';

describe(`koffi declarations on ${arch}`, () => {
  const api = loadRasApi32(buildRasapi32Double());
  it.each(STRUCTS.map((s) => [s.name, s] as const))(
    '%s matches the layout, field by field',
    (name, spec) => {
      const layout = computeLayout(spec, arch);
      expect(api.sizeOf(name)).toBe(layout.size);
      for (const field of spec.fields)
        expect(api.offsetOf(name, field.name), `${name}.${field.name}`).toBe(
          layout.offsets[field.name],
        );
    },
  );
});
