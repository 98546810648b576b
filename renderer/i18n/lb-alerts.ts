/** Luxembourgish strings of the alerts; see en-alerts.ts. */
import type { enAlerts } from './en-alerts.ts';

export const lbAlerts: Record<keyof typeof enAlerts, string> = {
  'alerts.region': 'Hiweiser',
  'alerts.dismiss': 'Zoumaachen',
  'alerts.title.supply-cut': 'Stroum ofgeschalt',
  'alerts.title.supply-ready': 'Prett fir erëm anzeschalten',
  'alerts.title.message': 'Nei Noriicht',
  'alerts.title.key-rotated': 'Schlëssel geännert',
  'alerts.title.no-data': 'Keng Donnéeën',
  'alerts.title.over-power-class': 'Iwwer Ärer Leeschtungsklass',
  'alerts.body.supply-cut': 'Äre Netzbedreiwer huet de Stroum ofgeschalt ({time}).',
  'alerts.body.supply-ready': 'Dréckt op de Knäppchen um Zieler, fir de Stroum erëm anzeschalten ({time}).',
  'alerts.body.message': '{count, plural, one {Eng nei Noriicht vun Ärem Netzbedreiwer.} other {# nei Noriichte vun Ärem Netzbedreiwer.}}',
  'alerts.body.key-rotated': 'Äre Netzbedreiwer huet de Schlëssel vum Zieler geännert: Koppelt nach eng Kéier, fir nei Wäerter ze gesinn.',
  'alerts.body.no-data':
    '{count, plural, one {Zënter # Minutt keng Donnéeë vum Zieler.} other {Zënter # Minutte keng Donnéeë vum Zieler.}}',
  'alerts.body.over-power-class': 'An dëser Véierelstonn verbraucht Dir méi wéi Är Leeschtungsklass ({limit} kW).',
  'alerts.settings.title': 'Hiweiser',
  'alerts.settings.hint': 'Wielt, op wat LuxP1 Iech hiweist: an der App an als Notifikatioun vun Ärem System.',
  'alerts.settings.banner': 'An der App',
  'alerts.settings.notify': 'Als Notifikatioun',
  'alerts.settings.noDataMinutes': 'Hiweis no esou ville Minutten ouni Donnéeën',
  'alerts.settings.minutesInvalid': 'Gitt eng ganz Zuel vu Minutten tëscht {min} an {max} an.',
  'alerts.settings.denied': 'Notifikatioune si fir LuxP1 gespaart: Erlaabt se an den Astellunge vum Browser oder vum System.',
  'alerts.settings.unsupported': 'Dëse Browser kann hei keng Notifikatioune weisen; d’Hiweiser bleiwen an der App.',
};
