/**
 * docs/experiments.md's Slurm recipe, on a real Slurm: a one-node cluster of the test's own
 * (private slurm.conf, state and spool in a temporary folder, munged with a generated key, run as
 * root), the documented job-array script and the dependent merge submitted with sbatch, and the
 * merged results compared with a single-machine run of the same sweep (host fields aside).
 *
 * The script and the merge command are taken from the documentation itself, so the documented
 * recipe is what runs; only the config, the array size, the CPU count and `npx htmsim` (the built
 * CLI of this checkout here) are substituted. Without slurmctld, slurmd and munged, or not as root,
 * the test is skipped and says why. Every daemon it starts is stopped in afterAll, pass or fail.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from '../setup/require-build.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/sim/cli.js');

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd} || ls /usr/sbin/${cmd} 2>/dev/null`], { encoding: 'utf8' });
  const path = r.stdout.trim().split('\n')[0];
  return r.status === 0 && path ? path : undefined;
}

const DAEMONS = ['slurmctld', 'slurmd', 'munged'] as const;
const missing = DAEMONS.filter((d) => which(d) === undefined);
const isRoot = process.getuid?.() === 0;
const skipReason = missing.length > 0 ? `${missing.join(', ')} not installed (apt-get install slurm-wlm munge)`
  : !isRoot ? 'not root (the private cluster runs its daemons as root)' : '';
if (skipReason) console.log(`tests/run/slurm.test.ts: SKIPPED — ${skipReason}`);

/** A fenced ```sh block of docs/experiments.md that follows `heading` (the n-th after it). */
function docBlock(heading: string, n: number): string {
  const doc = readFileSync(join(ROOT, 'docs/experiments.md'), 'utf8');
  const from = doc.indexOf(heading);
  if (from < 0) throw new Error(`docs/experiments.md has no "${heading}"`);
  const blocks = [...doc.slice(from).matchAll(/```sh\n([\s\S]*?)```/g)];
  return blocks[n]![1]!;
}

const TINY = [
  'name: slurm-tiny',
  'machine: haswell',
  'workloads:',
  '  - { name: independent, params: { threads: 2, iters: 40 } }',
  'policies: [serial, gil, stm]',
  'sweep:',
  '  axes:',
  '    cores: [1, 2]',
].join('\n') + '\n';

const SHARDS = 3;

interface Cluster {
  dir: string;
  env: NodeJS.ProcessEnv;
  daemons: ChildProcess[];
}

let cluster: Cluster | undefined;

function freePort(base: number): number {
  // Ports picked from the pid, away from the usual 6817/6818, so parallel runs do not collide.
  return base + (process.pid % 2000);
}

function startCluster(): Cluster {
  const dir = mkdtempSync(join(tmpdir(), 'htmsim-slurm-'));
  chmodSync(dir, 0o755);
  for (const sub of ['state', 'spool', 'munge', 'log', 'work']) mkdirSync(join(dir, sub), { recursive: true });
  chmodSync(join(dir, 'munge'), 0o700);
  const node = hostname().split('.')[0]!;
  const cpus = Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) || 1;
  const key = join(dir, 'munge', 'munge.key');
  writeFileSync(key, Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 131 + process.pid * 7 + Date.now()) & 0xff)));
  chmodSync(key, 0o400);
  const socket = join(dir, 'munge', 'munge.socket');
  const conf = join(dir, 'slurm.conf');
  writeFileSync(conf, [
    'ClusterName=htmsimtest',
    `SlurmctldHost=${node}`,
    'SlurmUser=root',
    'SlurmdUser=root',
    `SlurmctldPort=${freePort(20000)}`,
    `SlurmdPort=${freePort(23000)}`,
    'AuthType=auth/munge',
    `AuthInfo=socket=${socket}`,
    `StateSaveLocation=${join(dir, 'state')}`,
    `SlurmdSpoolDir=${join(dir, 'spool')}`,
    `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
    `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
    `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'MpiDefault=none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'SchedulerType=sched/builtin',
    'ReturnToService=2',
    'JobCompType=jobcomp/none',
    'AccountingStorageType=accounting_storage/none',
    'JobAcctGatherType=jobacct_gather/none',
    'SlurmctldTimeout=30',
    'SlurmdTimeout=30',
    'InactiveLimit=0',
    'MinJobAge=300',
    'KillWait=5',
    `NodeName=${node} CPUs=${cpus} State=UNKNOWN`,
    `PartitionName=htmsim Nodes=${node} Default=YES MaxTime=INFINITE State=UP`,
  ].join('\n') + '\n');
  const env = { ...process.env, SLURM_CONF: conf };
  const daemons: ChildProcess[] = [];
  const launch = (cmd: string, args: string[]) => {
    const p = spawn(which(cmd)!, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    p.on('exit', (code) => { if (code !== 0 && code !== null) console.log(`${cmd} exited ${code}: ${err.slice(-500)}`); });
    daemons.push(p);
  };
  launch('munged', ['--foreground', '--force', `--key-file=${key}`, `--socket=${socket}`,
    `--pid-file=${join(dir, 'munge', 'munged.pid')}`, `--log-file=${join(dir, 'log', 'munged.log')}`, `--seed-file=${join(dir, 'munge', 'munged.seed')}`]);
  waitFor(() => existsSync(socket), 'munged socket', 20);
  launch('slurmctld', ['-D', '-i', '-f', conf]);
  launch('slurmd', ['-D', '-N', node, '-f', conf]);
  const c = { dir, env, daemons };
  waitFor(() => {
    const r = spawnSync('sinfo', ['-h', '-N', '-o', '%t'], { env, encoding: 'utf8' });
    return r.status === 0 && /^idle/m.test(r.stdout);
  }, 'the node to come up idle in sinfo', 60);
  return c;
}

/** Polls (no timing is asserted: the limit only keeps a broken cluster from hanging the suite). */
function waitFor(ok: () => boolean, what: string, seconds: number): void {
  for (let i = 0; i < seconds * 4; i++) {
    if (ok()) return;
    spawnSync('sleep', ['0.25']);
  }
  throw new Error(`slurm test: gave up waiting for ${what}${cluster ? `; logs in ${cluster.dir}/log` : ''}`);
}

function stopCluster(c: Cluster): void {
  spawnSync('scancel', ['--user=root'], { env: c.env });
  for (const p of c.daemons.reverse()) if (p.exitCode === null) p.kill('SIGTERM');
  for (const p of c.daemons) {
    for (let i = 0; i < 12 && p.exitCode === null && p.signalCode === null; i++) spawnSync('sleep', ['0.25']);
    if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  }
  rmSync(c.dir, { recursive: true, force: true });
}

/** Records keyed by id, without what depends on the host. */
function records(file: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { id: string; result: Record<string, unknown> };
    delete rec.result.host;
    out.set(rec.id, rec);
  }
  return out;
}

afterAll(() => {
  if (cluster) stopCluster(cluster);
  cluster = undefined;
});

describe('the documented Slurm job array', () => {
  beforeAll(requireBuild);
  it.skipIf(skipReason !== '')(`runs on a private one-node cluster and merges into the single-machine results${skipReason ? ` (SKIPPED: ${skipReason})` : ''}`, () => {
    cluster = startCluster();
    const work = join(cluster.dir, 'work');
    mkdirSync(join(work, 'configs'));
    writeFileSync(join(work, 'configs', 'big.yaml'), TINY);
    const htmsim = `${process.execPath} ${CLI}`;
    const script = docBlock('### As a Slurm job array', 0)
      .replace(/--array=\d+-\d+/, `--array=0-${SHARDS - 1}`)
      .replace(/--cpus-per-task=\d+/, '--cpus-per-task=1')
      .replace(/npx htmsim/g, htmsim);
    expect(script).toContain('--shard $((SLURM_ARRAY_TASK_ID+1))/$SLURM_ARRAY_TASK_COUNT');
    const merge = docBlock('### As a Slurm job array', 1).replace(/npx htmsim/g, htmsim);
    expect(merge).toContain('merge results/big-shard-* --out results/big');
    writeFileSync(join(work, 'sweep.sh'), script);
    writeFileSync(join(work, 'merge.sh'), `#!/bin/bash\n${merge}`);

    const sbatch = (args: string[]) => {
      const r = spawnSync('sbatch', ['--parsable', `--chdir=${work}`, `--output=${work}/slurm-%A_%a.out`, ...args], { env: cluster!.env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`sbatch ${args.join(' ')}: ${r.stderr}`);
      return r.stdout.trim().split(';')[0]!;
    };
    const array = sbatch(['sweep.sh']);
    // The merge waits for the whole array (--dependency=afterany, as documented); --wait returns
    // when the merge itself has finished.
    const mergeJob = spawnSync('sbatch', ['--wait', `--chdir=${work}`, `--output=${work}/merge.out`, `--dependency=afterany:${array}`, 'merge.sh'],
      { env: cluster.env, encoding: 'utf8', timeout: 300_000 });
    const logs = () => spawnSync('sh', ['-c', `tail -n 20 ${work}/*.out`], { encoding: 'utf8' }).stdout;
    expect(mergeJob.status, `merge job: ${mergeJob.stderr}\n${logs()}`).toBe(0);
    for (let k = 0; k < SHARDS; k++) expect(existsSync(join(work, `results/big-shard-${k}`, 'results.jsonl')), logs()).toBe(true);

    // The same sweep on this machine, in one run.
    const single = spawnSync(process.execPath, [CLI, 'run', join(work, 'configs', 'big.yaml'), '--out', join(work, 'single'), '--jobs', '1', '--no-report'], { encoding: 'utf8' });
    expect(single.status, single.stderr).toBe(0);
    const merged = records(join(work, 'results', 'big', 'results.jsonl'));
    const alone = records(join(work, 'single', 'results.jsonl'));
    expect(merged.size).toBe(6);
    expect([...merged.keys()].sort()).toEqual([...alone.keys()].sort());
    for (const [id, rec] of alone) expect(merged.get(id), id).toEqual(rec);
  });
});
