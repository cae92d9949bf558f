import { spawn } from 'node:child_process';
import fs from 'node:fs';

/** Sum of RSS (bytes) of a process and all its descendants, read from /proc. */
export function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may contain spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      rss.set(pid, pages * 4096);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface RunResult {
  code: number | null;
  seconds: number;
  peakRss: number;
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
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - start) / 1000, peakRss: peak, output });
    });
  });
}
