// Component tests: a clean DOM and a clean store after each test.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetAppStore } from '../renderer/src/store/app-store';
import { setRasApi } from '../renderer/src/ras-api';

afterEach(() => {
  cleanup();
  resetAppStore();
  setRasApi(null);
});
