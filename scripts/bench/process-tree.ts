import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface TreeUsage {
  /** Sum of RSS (bytes) of a process and all its descendants. */
  total: number;
  /** The same, by process name (`node`, `pagefind_extend`, ...). */
  byName: Map<string, number>;
  /**
   * CPU seconds (user, system) and minor page faults of the tree so far: each process's own and
   * those of its children it has reaped, so a process that ended still counts (in its parent).
   */
  cpu: CpuUse;
}

export interface CpuUse {
  user: number;
  sys: number;
  faults: number;
}

const TICKS = 100; // USER_HZ, as /proc reports times on Linux

/** RSS and CPU use of a process and all its descendants, read from /proc. */
export function treeUsage(rootPid: number): TreeUsage {
  const children = new Map<number, number[]>();
  const rss = new Map<number, { name: string; bytes: number; cpu: CpuUse }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      // minflt, cminflt, utime, stime, cutime, cstime (stat fields 10, 11, 14-17).
      const n = (i: number) => Number(fields[i - 3]);
      const cpu = { user: (n(14) + n(16)) / TICKS, sys: (n(15) + n(17)) / TICKS, faults: n(10) + n(11) };
      rss.set(pid, { name: stat.slice(stat.indexOf('(') + 1, close), bytes: pages * 4096, cpu });
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: TreeUsage = { total: 0, byName: new Map(), cpu: { user: 0, sys: 0, faults: 0 } };
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = rss.get(pid);
    if (p) {
      out.total += p.bytes;
      out.byName.set(p.name, (out.byName.get(p.name) ?? 0) + p.bytes);
      out.cpu.user += p.cpu.user;
      out.cpu.sys += p.cpu.sys;
      out.cpu.faults += p.cpu.faults;
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * CPU seconds the hypervisor gave other guests while this machine's cores wanted them (steal, all
 * cores, from /proc/stat). A build that runs slow with much steal was slowed by its neighbours.
 */
export function machineSteal(): number {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    return Number(cpu[8] ?? 0) / TICKS;
  } catch {
    return 0;
  }
}

export interface RunResult {
  code: number | null;
  seconds: number;
  peakRss: number;
  /** When the peak was reached (seconds from start) and which processes held it. */
  peakAt: { seconds: number; byName: Map<string, number> };
  /** The tree's CPU use at the last sample (up to 100 ms of the end is missed). */
  cpu: CpuUse;
  /** Machine-wide steal seconds during the run (see `machineSteal`). */
  steal: number;
  output: string;
}

/** Run a command, sampling the whole process tree's RSS every 100 ms; wall time is the whole process's. */
export function runMeasured(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, echo = false): Promise<RunResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const stealStart = machineSteal();
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (b: Buffer) => {
      const s = b.toString();
      output += s;
      if (echo) process.stderr.write(s);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let peak = 0;
    let peakAt: RunResult['peakAt'] = { seconds: 0, byName: new Map() };
    let cpu: CpuUse = { user: 0, sys: 0, faults: 0 };
    const timer = setInterval(() => {
      if (!child.pid) return;
      const now = treeUsage(child.pid);
      if (now.cpu.user + now.cpu.sys >= cpu.user + cpu.sys) cpu = now.cpu;
      if (now.total > peak) {
        peak = now.total;
        peakAt = { seconds: (performance.now() - start) / 1000, byName: now.byName };
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - start) / 1000, peakRss: peak, peakAt, cpu, steal: machineSteal() - stealStart, output });
    });
  });
}
