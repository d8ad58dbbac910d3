// Spanish texts of the AI partner's rationales: the same keys as ai.en.ts.
import type { Messages } from './en';

export const aiEs: Messages['ai'] = {
  and: 'y',
  reason: {
    open: 'Abrimos con el paquete que buscamos; los nuestros lo ratificarían (probabilidad del {ratification}%).',
    stand: 'Mantenemos nuestra posición; los nuestros la ratificarían ({ratification}%).',
    concede: 'Cedemos en {issues} porque se acerca el plazo (rondas restantes: {roundsLeft}); los nuestros lo ratificarían ({ratification}%).',
    reciprocate: 'Ustedes se acercaron a nuestra posición, así que cedemos en {issues}; los nuestros lo ratificarían ({ratification}%).',
    hold: 'Ustedes se retractaron de parte de una oferta anterior, así que mantenemos nuestra posición (ratificación en casa: {ratification}%).',
    accept: 'Esto es al menos tan bueno como lo que ofreceríamos a continuación, y los nuestros lo ratificarían ({ratification}%).',
    acceptLastChance: 'Ya no hay tiempo para una oferta mejor; esto es mejor que quedarnos sin acuerdo, y los nuestros lo ratificarían ({ratification}%).',
    acceptPart: 'Aceptamos sus términos en {issues}: coinciden con lo que pediríamos, y el conjunto seguiría siendo ratificable en casa ({ratification}%).',
    bank: 'Dejamos acordado desde ya lo relativo a {issues}: es lo que nosotros mismos pediríamos (ratificación sobre esa base: {ratification}%).',
    counterDomestic:
      'No contaríamos con {constituency} para ratificar esto, en especial por {issue}: aprobación del {approval}% frente a un umbral del {threshold}% (ratificación: {ratification}%).',
    counterValue: 'Esto se queda corto para nosotros en {issues}.',
    rejectDomestic:
      'No contaríamos con {constituency} para ratificar esto, en especial por {issue}: aprobación del {approval}% frente a un umbral del {threshold}% (ratificación: {ratification}%). No podemos aceptarlo.',
    rejectValue: 'Esto se queda corto para nosotros en {issues}, y en esta ronda ya no podemos hacer otra contrapropuesta.',
    noWinset:
      'Los nuestros todavía no ratificarían ningún acuerdo a nuestro alcance (la mejor probabilidad es del {ratification}%); ponemos sobre la mesa parte de la agenda mientras trabajamos en casa.',
    lastIssue: 'Los nuestros aún no ratificarían un acuerdo sobre {issue} (la mejor probabilidad es del {ratification}%); lo mantenemos sobre la mesa mientras trabajamos en casa.',
    walkAway:
      'Ningún acuerdo a nuestro alcance se ratificaría en casa, ni gastando la totalidad de nuestro capital político (la mejor probabilidad es del {ratification}%). Nos levantamos de la mesa.',
    lobby: 'Invertimos capital político ({amount}) en {constituency}: su aprobación pasa del {approvalBefore}% al {approvalAfter}%, y la ratificación, del {before}% al {after}%.',
    statement: 'Declaramos en público que queremos «{option}» en {issue}: eso moviliza a nuestros aliados y eleva la ratificación del {before}% al {after}%.',
    commit: 'Nos comprometemos en público con «{option}» en {issue}: no aceptaremos menos (ratificación en casa: {before}% antes, {after}% después).',
    pass: 'Por ahora, nada más en casa ayudaría lo suficiente (ratificación: {ratification}%).',
    passNoCapital: 'No nos queda capital político que gastar.',
    shock: 'Tras «{shock}», hemos vuelto a sopesar nuestras prioridades y nuestras alternativas (rondas restantes: {roundsLeft}).',
    linkage: 'Añadimos {cards} para que el paquete les resulte atractivo.',
    firm: 'Ustedes se han mantenido firmes en {issues}, así que buscamos margen en otros temas.',
    gamble: 'Puede que los nuestros no lo ratifiquen ({ratification}%), pero corremos el riesgo.',
    baselineRandom: 'Una jugada elegida al azar.',
    baselineCurve: 'Seguimos un calendario fijo de concesiones.',
    baselineMirror: 'Respondemos con la misma concesión que ustedes hicieron.',
    baselineImmovable: 'No nos movemos.',
    baselineScripted: 'Seguimos nuestro guion.',
  },
};
