/**
 * The built-in data, read from data/ at import time. The bundle replaces this
 * module with the same data pre-validated as JSON (see src/build.mjs), so the
 * CLI starts without parsing YAML; tests and type checks use this one.
 */
import { fileURLToPath } from 'node:url';
import { loadDataDir } from './load-data.js';

const builtin = loadDataDir(fileURLToPath(new URL('../../data', import.meta.url)));
export default builtin;
