// The browser page for now: the scenario library (public information only), in English or Spanish,
// and how to play it from the terminal. The Phaser game replaces it as the page's main content.
import { allScenarios } from '../content/scenarios';
import { publicScenario } from '../engine/projection';

type Lang = 'en' | 'es';
const INTRO: Record<Lang, string> = {
  en: 'US and Mexican delegations negotiate migration agreements, round by round, while shocks move each side’s domestic politics. Play a scenario in the terminal with',
  es: 'Las delegaciones de Estados Unidos y de México negocian acuerdos migratorios, ronda por ronda, mientras las sacudidas mueven la política interna de cada lado. Juegue un escenario en la terminal con',
};
const SOURCES: Record<Lang, string> = { en: 'Sources', es: 'Fuentes' };

function render(lang: Lang) {
  document.documentElement.lang = lang;
  const intro = document.getElementById('intro')!;
  intro.textContent = `${INTRO[lang]} `;
  const code = document.createElement('code');
  code.textContent = 'npm start';
  intro.append(code, '.');
  const main = document.getElementById('scenarios')!;
  main.replaceChildren(
    ...allScenarios().map((s) => {
      const p = publicScenario(s);
      const article = document.createElement('article');
      const h = document.createElement('h2');
      h.textContent = p.title[lang];
      const dates = document.createElement('small');
      dates.textContent = `${p.calendar[0]!.date} – ${p.calendar[p.calendar.length - 1]!.date} · ${p.delegations.us.name[lang]} / ${p.delegations.mx.name[lang]}`;
      const summary = document.createElement('p');
      summary.textContent = p.summary[lang];
      const sources = document.createElement('small');
      sources.textContent = `${SOURCES[lang]}: ${p.sources.map((x) => `${x.author} (${x.year}), ${x.title}`).join('; ')}`;
      article.append(h, dates, summary, sources);
      return article;
    }),
  );
  const button = document.getElementById('lang')!;
  button.textContent = lang === 'en' ? 'ES' : 'EN';
  button.setAttribute('aria-label', lang === 'en' ? 'Español' : 'English');
}

let lang: Lang = navigator.language.startsWith('es') ? 'es' : 'en';
document.getElementById('lang')!.addEventListener('click', () => {
  lang = lang === 'en' ? 'es' : 'en';
  render(lang);
});
render(lang);
