import { environmentFacts } from '../config';

/**
 * The fault-injection suite's hook (tests/faults): with `KB_FAULT_KILL_AT=<point>`, the build
 * process kills itself (SIGKILL, as an out-of-memory killer or a pulled plug would) the
 * `KB_FAULT_KILL_AFTER`-th time (default 1) it reaches that point. Unset, it does nothing.
 */
export type FaultPoint = 'parse' | 'render' | 'search-index' | 'lookup-index';

const reached = new Map<FaultPoint, number>();

export function faultPoint(point: FaultPoint): void {
  const { faultKillAt, faultKillAfter } = environmentFacts();
  if (faultKillAt !== point) return;
  const n = (reached.get(point) ?? 0) + 1;
  reached.set(point, n);
  if (n >= faultKillAfter) process.kill(process.pid, 'SIGKILL');
}
