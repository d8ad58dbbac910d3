// The few decorative words the canvas prints itself (mastheads, a broadcast's "live" bug, a newspaper's
// date line), in both languages. Nothing here is information the player needs: the overlay says it all.
import type { Locale } from '../i18n/translate';

export type ShockType = 'electoral' | 'security' | 'economic' | 'institutional' | 'diplomatic';

interface Words {
  extra: string;
  live: string;
  breaking: string;
  fax: string;
  page: string;
  months: string[];
  kicker: Record<ShockType, string>;
  /** A date line: day may be absent (a month's meeting). */
  date: (day: number | null, month: string, year: number) => string;
}

const WORDS: Record<Locale, Words> = {
  en: {
    extra: 'EXTRA',
    live: 'LIVE',
    breaking: 'BREAKING NEWS',
    fax: 'FAX',
    page: 'P.01/01',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    kicker: { electoral: 'Elections', security: 'Security', economic: 'Economy', institutional: 'Institutions', diplomatic: 'Diplomacy' },
    date: (day, month, year) => (day ? `${month} ${day}, ${year}` : `${month} ${year}`),
  },
  es: {
    extra: 'EXTRA',
    live: 'EN VIVO',
    breaking: 'ÚLTIMA HORA',
    fax: 'FAX',
    page: 'P.01/01',
    months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    kicker: { electoral: 'Elecciones', security: 'Seguridad', economic: 'Economía', institutional: 'Instituciones', diplomatic: 'Diplomacia' },
    date: (day, month, year) => (day ? `${day} de ${month} de ${year}` : `${month} de ${year}`),
  },
};

export function words(lang: Locale): Words {
  return WORDS[lang] ?? WORDS.en;
}

/** '1995-02-13' or '1942-05' as a date line in the language; anything else is returned as it is. */
export function dateLine(lang: Locale, iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const w = words(lang);
  const month = w.months[Number(m[2]) - 1];
  if (!month) return iso;
  return w.date(m[3] ? Number(m[3]) : null, month, Number(m[1]));
}

export function kicker(lang: Locale, type: string): string {
  const k = words(lang).kicker;
  return type in k ? k[type as ShockType] : '';
}
