/**
 * `virtual:kb/config` under Vitest (vitest.config.ts aliases it here): the configuration as the
 * integration would parse it, read again on every access so a test's environment applies.
 */
import { resolveConfig, type KbConfig } from '../../src/config';

const config = new Proxy({} as KbConfig, { get: (_, key) => resolveConfig()[key as keyof KbConfig] });
export default config;
