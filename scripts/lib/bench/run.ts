/**
 * Runs a command and measures it: wall time, CPU time (user + system, child processes
 * included), the peak resident memory of its largest process, and the peak resident memory
 * of its whole process tree (sampled from /proc). CPU time and the largest process's peak come
 * from GNU time (/usr/bin/time) where it is installed, otherwise from the kernel's accounting
 * of a waiting shell (/proc/<pid>/stat: cutime, cstime) and the /proc samples (VmHWM).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Measurement = {
  wall_s: number;
  /** user + system, the command and every process it waited for. */
  cpu_s: number;
  user_s: number;
  system_s: number;
  /** Peak resident set of the largest single process, MiB. */
  max_rss_mib: number;
  /** Peak of the summed resident sets of the process tree (sampled every 250 ms), MiB. */
  tree_rss_mib: number;
  method: 'gnu-time' | 'proc';
};

export type RunResult = Measurement & { exitCode: number; output: string; /** Set when the command was stopped for using too much memory. */ stopped?: string };

export type RunOptions = {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Where stdout and stderr go (appended); the last 64 KB are also returned. */
  log?: string;
  /** Called with each line of output and the seconds since the start. */
  onLine?: (line: string, at: number) => void;
  /** The process tree is stopped when its resident memory passes this (MiB): the machine is shared. */
  maxTreeMib?: number;
};

const GNU_TIME = '/usr/bin/time';
const MIB = 1024 * 1024;

/**
 * @example
 *   const r = await runMeasured(process.execPath, ['scripts/ingest.ts'], { cwd: project });
 *   r.wall_s, r.cpu_s, r.max_rss_mib
 */
export async function runMeasured(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-run-'));
  const statFile = join(scratch, 'stat');
  const gnu = existsSync(GNU_TIME);
  const [cmd, argv] = gnu
    ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', statFile, command, ...args]]
    : ['/bin/sh', ['-c', '"$@"; s=$?; cat /proc/$$/stat > "$BENCH_STAT_FILE"; exit $s', 'sh', command, ...args]];
  const started = performance.now();
  // In a process group of its own, so that a tree using too much memory can be stopped whole.
  const child = spawn(cmd, argv, { cwd: options.cwd, env: { ...(options.env ?? process.env), BENCH_STAT_FILE: statFile }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = options.log ? createWriteStream(options.log, { flags: 'a' }) : null;
  let tail = '';
  let partial = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    log?.write(text);
    tail = (tail + text).slice(-65536);
    if (!options.onLine) return;
    const at = (performance.now() - started) / 1000;
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) options.onLine(line, at);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);

  let treePeak = 0;
  let hwmPeak = 0;
  let stopped: string | undefined;
  const sample = () => {
    if (child.pid === undefined) return;
    const { rss, hwm } = treeMemory(child.pid);
    treePeak = Math.max(treePeak, rss);
    hwmPeak = Math.max(hwmPeak, hwm);
    if (options.maxTreeMib && rss / MIB > options.maxTreeMib && !stopped) {
      stopped = `stopped: its processes used ${Math.round(rss / MIB)} MiB, more than the ${options.maxTreeMib} MiB allowed`;
      log?.write(`\n[bench] ${stopped}\n`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  const timer = setInterval(sample, 250);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  clearInterval(timer);
  if (partial && options.onLine) options.onLine(partial, (performance.now() - started) / 1000);
  await new Promise<void>((resolve) => (log ? log.end(resolve) : resolve()));
  const wall = (performance.now() - started) / 1000;

  let measured: Omit<Measurement, 'wall_s' | 'tree_rss_mib'>;
  const stat = existsSync(statFile) ? readFileSync(statFile, 'utf8').trim() : '';
  if (gnu) {
    const [, user, system, maxKb] = (stat.split('\n').pop() ?? '').split(/\s+/).map(Number);
    measured = { user_s: user ?? 0, system_s: system ?? 0, cpu_s: (user ?? 0) + (system ?? 0), max_rss_mib: ((maxKb ?? 0) * 1024) / MIB, method: 'gnu-time' };
  } else {
    // Fields after the command name: cutime and cstime are the 16th and 17th of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = clockTicks();
    const user = Number(fields[13] ?? 0) / ticks;
    const system = Number(fields[14] ?? 0) / ticks;
    measured = { user_s: user, system_s: system, cpu_s: user + system, max_rss_mib: hwmPeak / MIB, method: 'proc' };
  }
  rmSync(scratch, { recursive: true, force: true });
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    wall_s: round(wall),
    cpu_s: round(measured.cpu_s),
    user_s: round(measured.user_s),
    system_s: round(measured.system_s),
    max_rss_mib: round(measured.max_rss_mib),
    tree_rss_mib: round(Math.max(treePeak, hwmPeak) / MIB),
    method: measured.method,
    exitCode: stopped ? 137 : exitCode,
    output: stopped ? `${tail}\n${stopped}` : tail,
    ...(stopped ? { stopped } : {}),
  };
}

let ticksCache: number | null = null;
function clockTicks(): number {
  if (ticksCache === null) {
    const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    ticksCache = Number(r.stdout?.trim()) || 100;
  }
  return ticksCache;
}

/** Summed resident set (and largest peak) of a process and its descendants, in bytes. */
function treeMemory(root: number): { rss: number; hwm: number } {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, depth = 0; p !== undefined && p > 1 && depth < 64; p = parents.get(p), depth++) if (p === root) return true;
    return false;
  };
  let rss = 0;
  let hwm = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      hwm = Math.max(hwm, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // Gone.
    }
  }
  return { rss, hwm };
}

/** Total size of the files under a folder, in bytes, and how many there are. */
export function folderSize(dir: string, skip: (name: string) => boolean = () => false): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (skip(path)) continue;
    bytes += statSync(path).size;
    files++;
  }
  return { bytes, files };
}
