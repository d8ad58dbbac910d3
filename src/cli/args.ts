// Strict flag parsing for the command-line tools: an unknown or malformed flag is refused, with the
// valid ones, before anything runs.
export interface FlagSpec {
  /** 'string' takes a value, 'boolean' does not. */
  type: 'string' | 'boolean';
  /** Allowed values, listed in the error when another is given. */
  choices?: readonly string[];
  /** May be given more than once (values collected in order). */
  repeat?: boolean;
  describe: string;
}

export type ParsedFlags = Record<string, string | boolean | string[] | undefined>;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseFlags(argv: readonly string[], spec: Record<string, FlagSpec>): { flags: ParsedFlags; positional: string[] } {
  const flags: ParsedFlags = {};
  const positional: string[] = [];
  const valid = Object.keys(spec)
    .map((k) => `--${k}`)
    .join(', ');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const s = spec[name];
    if (!s) throw new UsageError(`unknown flag --${name}; valid flags: ${valid}`);
    if (s.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    if (s.choices && !s.choices.includes(value)) throw new UsageError(`--${name} must be one of: ${s.choices.join(', ')} (got "${value}")`);
    if (s.repeat) flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else {
      if (flags[name] !== undefined) throw new UsageError(`--${name} given twice`);
      flags[name] = value;
    }
  }
  return { flags, positional };
}

export function intFlag(flags: ParsedFlags, name: string, fallback: number, min = Number.MIN_SAFE_INTEGER): number {
  const v = flags[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^-?\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number (got "${String(v)}")`);
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min} (got "${v}")`);
  return n;
}

export function helpText(command: string, spec: Record<string, FlagSpec>): string {
  const lines = Object.entries(spec).map(([k, s]) => `  --${k}${s.type === 'string' ? ` <${s.choices ? s.choices.join('|') : 'value'}>` : ''}  ${s.describe}`);
  return `usage: ${command}\n${lines.join('\n')}`;
}

/** Runs a command's main: a usage error prints one line and exits 2; anything else is a real failure. */
export function runCli(main: () => void | Promise<void>): void {
  const fail = (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}`);
      process.exit(2);
    }
    throw e;
  };
  try {
    const r = main();
    if (r instanceof Promise) r.catch(fail);
  } catch (e) {
    fail(e);
  }
}

function pairs(values: unknown, flag: string, parse: (v: string) => string | number): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const v of (values as string[] | undefined) ?? []) {
    const [k, x] = v.split('=');
    if (!k || x === undefined || x === '') throw new UsageError(`--${flag} takes <shock>=<value> (got "${v}")`);
    out[k] = parse(x);
  }
  return out;
}

/** Counterfactual flags (--disable, --move, --scale, --add) as engine overrides. */
export function overridesFrom(flags: ParsedFlags): { disable: string[]; move: Record<string, string>; scale: Record<string, number>; add: string[] } {
  return {
    disable: (flags.disable as string[] | undefined) ?? [],
    move: pairs(flags.move, 'move', (x) => x) as Record<string, string>,
    scale: pairs(flags.scale, 'scale', (x) => {
      const n = Number(x);
      if (!Number.isFinite(n)) throw new UsageError(`--scale needs a number (got "${x}")`);
      return n;
    }) as Record<string, number>,
    add: (flags.add as string[] | undefined) ?? [],
  };
}

/** The counterfactual flags' specs, shared by the commands that take them. */
export const OVERRIDE_FLAGS = {
  disable: { type: 'string', repeat: true, describe: 'switch a shock off (repeatable)' },
  move: { type: 'string', repeat: true, describe: 'move a shock: <shock>=<round> (repeatable)' },
  scale: { type: 'string', repeat: true, describe: 'scale a shock: <shock>=<factor> (repeatable)' },
  add: { type: 'string', repeat: true, describe: 'add a counterfactual shock from the pool (repeatable)' },
} as const satisfies Record<string, FlagSpec>;
