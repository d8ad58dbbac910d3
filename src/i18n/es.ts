// Spanish strings: the same keys as en.ts (the Messages type makes a missing key a compile error).
import { aiEs } from './ai.es';
import { cliEs } from './cli.es';
import type { Messages } from './en';
import { uiEs } from './ui.es';

export const es: Messages = {
  refusal: {
    'unknown-action': 'Acción desconocida: «{type}».',
    'bad-seat': 'Puesto desconocido: «{seat}».',
    'wrong-seat': 'El puesto «{seat}» no puede hacer eso.',
    'role-cannot': 'Un puesto de {role} no puede {action}; el negociador principal sí.',
    'game-over': 'La negociación ha terminado.',
    'wrong-phase': 'Eso no es posible en la fase de {phase}.',
    'not-your-turn': 'No es su turno: ahora mueve {turn}.',
    'talks-suspended': 'Las conversaciones están suspendidas en esta ronda.',
    'empty-package': 'Indique al menos un tema.',
    'unknown-issue': 'No existe el tema «{issue}».',
    'unknown-option': 'El tema «{issue}» no tiene la opción «{option}».',
    'option-withdrawn': 'La opción «{option}» de «{issue}» ya no está sobre la mesa.',
    'issue-already-agreed': '«{issue}» ya está acordado en el registro de acuerdos.',
    'issue-not-offered': '«{issue}» no forma parte de la oferta.',
    'issue-not-in-ledger': '«{issue}» no está en el registro de acuerdos.',
    'unknown-card': 'No existe la carta de vinculación «{card}».',
    'card-not-held': 'La carta «{card}» pertenece a la otra delegación.',
    'card-unavailable': 'La carta «{card}» no está disponible.',
    'counter-limit': 'No caben más contraofertas en esta ronda (máximo {max}).',
    'unknown-constituency': 'Su lado no tiene el actor interno «{constituency}».',
    'bad-amount': 'Gaste un número entero de puntos de capital, al menos 1 (no {amount}).',
    'insufficient-capital': 'Capital político insuficiente: necesita {need} y le quedan {have}.',
    'already-committed': 'Ya hizo una declaración pública sobre «{issue}».',
    'already-passed': 'Su delegación ya terminó esta fase de política interna.',
    'unknown-shock': 'No existe la sacudida «{shock}».',
    'shock-already-fired': 'La sacudida «{shock}» ya ocurrió.',
    'seat-not-human': 'Nadie ocupa el puesto {seat} en esta mesa.',
    'not-in-play': 'La partida no está en juego.',
    paused: 'La partida está en pausa.',
    'news-interlude': 'Lea primero las noticias.',
    'bad-config': 'La partida no pudo empezar: {problems}',
  },
  phase: { proposal: 'propuesta', response: 'respuesta', domestic: 'política interna', ended: 'terminada' },
  side: { us: 'Estados Unidos', mx: 'México' },
  instrument: { executive: 'acuerdo ejecutivo', legislation: 'legislación', treaty: 'tratado' },
  salience: { technical: 'técnico', political: 'político' },
  reason: {
    ratified: 'Acuerdo firmado y ratificado por ambas partes.',
    'ratification-failed': 'Acuerdo firmado, pero no ratificado en casa: el gobierno cuyo propio país lo rechazó queda por debajo de actuar por su cuenta, por firmar lo que no podía cumplir.',
    'walked-away': 'La {side} se levantó de la mesa.',
    deadline: 'Venció el plazo sin acuerdo.',
  },
  ai: aiEs,
  cli: cliEs,
  ui: uiEs,
};
