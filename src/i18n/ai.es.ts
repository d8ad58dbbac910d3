// Spanish texts of the AI partner's rationales: the same keys as ai.en.ts.
import type { Messages } from './en';

export const aiEs: Messages['ai'] = {
  scripted: {
    propose: 'Presentamos nuestra posición para esta ronda.',
    accept: 'Esto es al menos tan bueno como lo que ofreceríamos después.',
    acceptSome: 'Podemos dejar estos temas acordados ya.',
    counter: 'Eso no nos funciona; esta es nuestra contrapropuesta.',
    reject: 'No podemos aceptar eso.',
    lobby: 'Estamos trabajando para sumar a {constituency}.',
    pass: 'No hay más que hacer en casa esta ronda.',
  },
};
