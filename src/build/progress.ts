import { environmentFacts } from '../config';

/**
 * Progress for long phases: on a terminal, one line rewritten in place (phase, count/total, rate,
 * ETA); elsewhere (CI logs), a plain line every few seconds so the log shows the build is alive.
 */
export interface Progress {
  tick(done: number): void;
  end(): void;
}

const PLAIN_EVERY_MS = 5000;

/** `startedAt` (a `performance.now()` time) is when the work began, for a phase shown only once it is under way. */
export function createProgress(
  phase: string,
  total: number,
  log: (line: string) => void,
  stream: NodeJS.WriteStream = process.stderr,
  startedAt: number = performance.now(),
): Progress {
  const started = startedAt;
  const tty = Boolean(stream.isTTY) && !environmentFacts().ci;
  // From the start of the work: a phase shorter than one interval logs only its last line.
  let last = started;
  let done = 0;
  const line = () => {
    const secs = (performance.now() - started) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    // A total of 0: the count is not known ahead.
    return total > 0 ? `${phase} ${done}/${total} (${rate.toFixed(0)}/s, ETA ${eta}s)` : `${phase} ${done} (${rate.toFixed(0)}/s)`;
  };
  return {
    tick(n: number) {
      done = n;
      const now = performance.now();
      if (tty) {
        if (now - last > 100 || done === total) {
          last = now;
          stream.write(`\r\x1b[2K${line()}`);
        }
      } else if (now - last > PLAIN_EVERY_MS) {
        last = now;
        log(line());
      }
    },
    end() {
      if (tty) stream.write('\r\x1b[2K');
      log(`${phase} ${total > 0 ? `${done}/${total}` : done} done in ${((performance.now() - started) / 1000).toFixed(1)}s`);
    },
  };
}
