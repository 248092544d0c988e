// What Windows negotiated for a connection: RasGetProjectionInfoEx (PPP or IKEv2), then
// RASCONNSTATUS's device and endpoints, then the DNS servers of the adapter named after the
// entry. The projection is read first, so a link before Projected (730) or gone (6) fails as
// that; the DNS servers are a nicety: when they cannot be read the details come without them.

import { RasError, RasErrorCode } from '../../../app/ras/errors';
import type { ConnectionDetails, RasConnectionInfo, RasHandle } from '../backend';
import type { AdapterReader } from './adapter-dns';
import { handleFromString } from './handles';
import { RASAPIVERSION_601, toConnectionDetails, type StatusForDetails } from './projection';
import type { RasApi32 } from './rasapi32';

export interface DetailsDeps {
  api: RasApi32;
  status(handle: RasHandle): Promise<StatusForDetails>;
  connections(): Promise<RasConnectionInfo[]>;
  adapters: AdapterReader;
  log(line: string): void;
}

const arch = process.arch === 'ia32' ? 'ia32' : 'x64';

/**
 * RAS_PROJECTION_INFO with `version` RASAPIVERSION_CURRENT (RASAPIVERSION_601, 4: the newest
 * ras.h has, the one this layout is), in a buffer of its size; IKEv2's server address arrays
 * follow the struct, so Windows may answer 603 with a larger size: asked once more with that.
 */
export async function readProjection(api: RasApi32, handle: RasHandle): Promise<Buffer> {
  const h = handleFromString(handle);
  const ask = async (bytes: number): Promise<[number, Buffer, number]> => {
    const buffer = Buffer.alloc(bytes);
    buffer.writeUInt32LE(RASAPIVERSION_601, 0);
    const size = [bytes];
    const result = await api.callAsync('RasGetProjectionInfoEx', h, buffer, size);
    return [result, buffer, size[0]!];
  };
  const first = await ask(api.sizeOf('RAS_PROJECTION_INFO'));
  const [result, buffer] =
    first[0] === RasErrorCode.ERROR_BUFFER_TOO_SMALL && first[2] > first[1].length
      ? await ask(first[2])
      : first;
  if (result !== 0) throw new RasError(result);
  return buffer;
}

async function dnsServersOf(deps: DetailsDeps, handle: RasHandle): Promise<string[]> {
  try {
    const entry = (await deps.connections()).find((c) => c.handle === handle)?.entryName;
    if (!entry) return [];
    const adapters = await deps.adapters();
    const adapter =
      adapters.find((a) => a.friendlyName === entry) ??
      adapters.find((a) => a.friendlyName.toLowerCase() === entry.toLowerCase());
    return adapter?.dnsServers ?? [];
  } catch (error) {
    deps.log(`could not read the DNS servers of ${handle}: ${(error as Error).message}`);
    return [];
  }
}

export async function readConnectionDetails(
  deps: DetailsDeps,
  handle: RasHandle,
): Promise<ConnectionDetails> {
  const projection = await readProjection(deps.api, handle);
  const status = await deps.status(handle);
  return toConnectionDetails(projection, status, await dnsServersOf(deps, handle), arch);
}
