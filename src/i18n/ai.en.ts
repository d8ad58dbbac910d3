// English texts of the AI partner's rationales (keys under "ai.").
export const aiEn = {
  scripted: {
    propose: 'We table our position for this round.',
    accept: 'This is at least as good as what we would offer next.',
    acceptSome: 'We can bank these issues now.',
    counter: 'That does not work for us; here is our counter-proposal.',
    reject: 'We cannot accept that.',
    lobby: 'We are working to bring {constituency} on board.',
    pass: 'Nothing more to do at home this round.',
  },
} as const;
