import os from 'node:os';

/** The machine a benchmark ran on, printed with every table: figures mean nothing without it. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

export function printMachine(extra = {}) {
  const m = { ...machine(), ...extra };
  const lines = Object.entries(m).map(([k, v]) => `| ${k} | ${v} |`);
  return ['| machine | |', '|---|---|', ...lines].join('\n');
}
