// Public entry point for scripts (npm start, benchmarks, tests) that embed the emulator.
export { startEmulator } from './lib/server.mjs';
export { DEFAULT_CONFIG, DEFAULT_SEED } from './lib/state.mjs';
export { decryptBglPayload } from './lib/bgl.mjs';
