import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface TreeRss {
  /** Sum of RSS (bytes) of a process and all its descendants. */
  total: number;
  /** The same, by process name (`node`, `pagefind_extend`, ...). */
  byName: Map<string, number>;
}

/** RSS of a process and all its descendants, read from /proc. */
export function treeRss(rootPid: number): TreeRss {
  const children = new Map<number, number[]>();
  const rss = new Map<number, { name: string; bytes: number }>();
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
      rss.set(pid, { name: stat.slice(stat.indexOf('(') + 1, close), bytes: pages * 4096 });
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: TreeRss = { total: 0, byName: new Map() };
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = rss.get(pid);
    if (p) {
      out.total += p.bytes;
      out.byName.set(p.name, (out.byName.get(p.name) ?? 0) + p.bytes);
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface RunResult {
  code: number | null;
  seconds: number;
  peakRss: number;
  /** When the peak was reached (seconds from start) and which processes held it. */
  peakAt: { seconds: number; byName: Map<string, number> };
  output: string;
}

/** Run a command, sampling the whole process tree's RSS every 100 ms; wall time is the whole process's. */
export function runMeasured(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, echo = false): Promise<RunResult> {
  return new Promise((resolve) => {
    const start = performance.now();
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
    const timer = setInterval(() => {
      if (!child.pid) return;
      const now = treeRss(child.pid);
      if (now.total > peak) {
        peak = now.total;
        peakAt = { seconds: (performance.now() - start) / 1000, byName: now.byName };
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - start) / 1000, peakRss: peak, peakAt, output });
    });
  });
}
