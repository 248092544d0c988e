// npm run ras:layout: the declared size and field offsets of every RAS struct, as JSON,
// for x64 and ia32 (the numbers the header check and koffi are held to).
import { layoutReport } from '../main/ras/win32/struct-layout';

process.stdout.write(`${JSON.stringify(layoutReport(), null, 2)}\n`);
