import type { MethodInput } from '../../shared/contract/methods';
import type { Verksamhetsplan } from '../../shared/contract/schemas/verksamhetsplan';
import type { AnySession as Session } from './engines';
import { value } from './envelope';

type Content = MethodInput<'verksamhetsplan.save'>['content'];

/**
 * Seed 004, "Verksamhetsplan och budget 2015–2017" of Samordningsförbundet
 * Skellefteå-Norsjö: vision, strategi, the four perspektiv with their mål, mått and
 * aktiviteter for 2015, the overall areas of 2016 and 2017 as texts.
 */
export function seed004(perspectives: Verksamhetsplan['content']['perspectives']): Content {
  const id = (name: string) => perspectives.find((p) => p.name === name)!.id;
  const goal = (perspective: string, text: string, matt: string, target: string) => ({
    perspectiveId: id(perspective),
    text,
    years: [2015],
    matt: [{ text: matt, unit: 'text' as const, targets: [{ year: 2015, text: target }] }],
  });
  return {
    vision: 'Ökad välfärd i Skellefteå och Norsjö genom finansiell samordning.',
    strategi:
      'Genom samordnade individ- och strukturinriktade insatser förbättra livskvalitet, öka arbetsförmåga och möjlighet till egen försörjning samt skapa framtidstro hos personer i åldern 16–64 år i behov av samordnad rehabilitering.',
    sections: [
      {
        heading: 'Inledning',
        body: 'Styrelsen för Samordningsförbundet Skellefteå-Norsjö vill med detta dokument lyfta fram mål och riktlinjer för verksamheten under 2015 samt övergripande inriktning under 2016-2017.',
      },
      { heading: 'Övergripande verksamhetsområden 2016', body: 'Konkreta samverkansinsatser mellan myndigheterna baserade på genomförd förstudie.' },
      { heading: 'Övergripande verksamhetsområden 2017', body: 'Fortsatt prioritering av unga med behov av samordnade insatser.' },
    ],
    perspectives: perspectives.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.name === 'Individen' ? 'Den enskilde individens behov utgör grunden för de aktiviteter som samordningsförbundet finansierar.' : '',
      aktiviteter:
        p.name === 'Individen'
          ? [
              { text: 'Tidig och samordnad rehabilitering i form av reguljär verksamhet eller projektverksamhet.' },
              { text: 'Gemensam uppföljning och utvärdering efter avslutad aktivitet.' },
            ]
          : p.name === 'Ekonomi'
            ? [{ text: 'Rapporter varje kvartal om utfall och prognos.', ansvarig: 'Förbundschefen', senast: 'Varje kvartal' }]
            : [],
    })),
    goals: [
      goal(
        'Individen',
        'Alla deltagare i samordnad rehabilitering finansierad av samordningsförbundet uttrycker att deras livssituation förbättrats efter avslutad aktivitet.',
        'Antal deltagare som uttrycker att deras livssituation förbättrats efter avslutad aktivitet.',
        'Alla deltagare',
      ),
      goal(
        'Förnyelse/utveckling',
        'Framgångsrika arbetssätt och samverkansformer övergår till långsiktig verksamhet.',
        'Arbetssätt och samverkansformer som övergått till långsiktig verksamhet.',
        'Minst en samverkansform',
      ),
      goal(
        'Arbetssätt/processer',
        'Samordnad rehabilitering organiseras med utgångspunkt från individens behov.',
        'Deltagares och handläggares upplevelse av hur individuella behov påverkat samarbetsformer.',
        'Positiv bedömning',
      ),
      {
        perspectiveId: id('Ekonomi'),
        text: 'Ekonomi i balans.',
        years: [2015],
        matt: [{ text: 'Ekonomiskt utfall (kr).', unit: 'kr' as const, source: 'ekonomiskt_resultat' as const, targets: [{ year: 2015, value: 0 }] }],
      },
    ],
  };
}

/** Seed 001's Verksamhetsplan 2020 (no styrkort), with the kind of goals seed 003 follows up. */
export const SEED_001: Content = {
  vision:
    'Samordningsförbundet skall arbeta för ett synsätt på välfärdsarbetet där all rehabilitering sker utifrån individers behov och förmåga, individens aktiva medverkan och att de samverkande myndigheterna tar ett gemensamt ansvar.',
  strategi: '',
  sections: [
    { heading: 'Inledning', body: 'Samordningsförbundet har två delar i sitt uppdrag.\n\nDet andra uppdraget är att finansiera verksamheter för deltagare.' },
    { heading: 'Bakgrund och ändamål', body: 'Samordningsförbundet Insjöriket bildades 1 juli, 2006.' },
    { heading: 'Jämställdhetsarbete', body: 'Allt rehabiliteringsarbete ska genomsyras av ett tydligt genusperspektiv.' },
    { heading: 'Uppföljning och utvärdering', body: 'Uppföljning av samverkansaktiviteter sker via SUS.' },
  ],
  perspectives: [],
  goals: [
    {
      text: 'Att enskilda personer uppnår eller förbättrar sin förmåga att utföra förvärvsarbete',
      subGoals: [
        {
          level: 'resultatmal',
          text: 'att minst lika många % av inskrivna deltagare i förbundets insatser går ut i arbete/studier som rikssnittet',
          matt: [
            {
              text: 'Andel avslutade deltagare till arbete eller studier',
              unit: 'andel',
              comparison: 'minst',
              source: 'andel_arbete_studier',
              targets: [{ year: 2020, reference: { label: 'rikssnittet 2018', value: 33 } }],
            },
          ],
        },
      ],
      aktiviteter: [{ text: 'Uppföljning i SUS varje halvår', ansvarig: 'Kansliet', senast: '2020-08-31' }],
    },
    {
      text: 'Att stödja vidareutveckling av samverkan mellan parterna',
      subGoals: [
        {
          level: 'resultatmal',
          text: 'att minst 200 medarbetare under året får ökad kunskap om samverkan',
          matt: [
            {
              text: 'Deltagare i seminarier och kompetenshöjande insatser',
              unit: 'antal',
              source: 'deltagare_kompetens',
              targets: [{ year: 2020, value: 200 }],
            },
          ],
        },
      ],
    },
  ],
};

export async function newPlan(s: Session, input: MethodInput<'verksamhetsplan.create'>): Promise<Verksamhetsplan> {
  return value(await s.api.call('verksamhetsplan.create', input));
}
