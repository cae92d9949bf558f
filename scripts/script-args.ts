import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A script's options: `-h`/`--help` prints `usage` and exits 0; an unknown or malformed option
 * prints the reason and `usage` and exits 2, rather than a stack trace.
 */
export function parseScriptArgs<T extends Options>(name: string, options: T, usage: string) {
  let parsed: ReturnType<typeof parseArgs<{ options: T }>>;
  try {
    parsed = parseArgs({ options });
  } catch (e) {
    console.error(`${name}: ${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
  if ((parsed.values as Record<string, unknown>).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed.values;
}
