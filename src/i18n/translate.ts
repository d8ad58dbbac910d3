// A small typed translator: t('es', 'refusal.not-your-turn', { turn: 'México' }).
import { en, type Messages } from './en';
import { es } from './es';

export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];
const catalogues: Record<Locale, Messages> = { en, es };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = catalogues[locale];
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = lookup(locale, key) ?? lookup('en', key) ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Every key of a catalogue, for the test that both locales have the same ones. */
export function allKeys(locale: Locale): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (typeof v === 'string') out.push(prefix + k);
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(catalogues[locale], '');
  return out.sort();
}
