// Electron's entry point.
import { startShell } from './shell';

startShell();
