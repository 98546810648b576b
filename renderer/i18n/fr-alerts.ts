/** French strings of the alerts; see en-alerts.ts. */
import type { enAlerts } from './en-alerts.ts';

export const frAlerts: Record<keyof typeof enAlerts, string> = {
  'alerts.region': 'Alertes',
  'alerts.dismiss': 'Fermer',
  'alerts.title.supply-cut': 'Alimentation coupée',
  'alerts.title.supply-ready': 'Prêt à être rétabli',
  'alerts.title.message': 'Nouveau message',
  'alerts.title.key-rotated': 'Clé changée',
  'alerts.title.no-data': 'Pas de données',
  'alerts.title.over-power-class': 'Au-delà de votre classe de puissance',
  'alerts.body.supply-cut': 'Votre gestionnaire de réseau a coupé l’alimentation en électricité ({time}).',
  'alerts.body.supply-ready': 'Appuyez sur le bouton du compteur pour rétablir l’alimentation ({time}).',
  'alerts.body.message':
    '{count, plural, one {Un nouveau message de votre gestionnaire de réseau.} other {# nouveaux messages de votre gestionnaire de réseau.}}',
  'alerts.body.key-rotated':
    'Votre gestionnaire de réseau a changé la clé du compteur : appairez-le à nouveau pour voir les nouvelles valeurs.',
  'alerts.body.no-data':
    '{count, plural, one {Aucune donnée du compteur depuis # minute.} other {Aucune donnée du compteur depuis # minutes.}}',
  'alerts.body.over-power-class': 'Pendant ce quart d’heure, vous consommez plus que votre classe de puissance ({limit} kW).',
  'alerts.settings.title': 'Alertes',
  'alerts.settings.hint': 'Choisissez ce que LuxP1 vous signale, dans l’application et par une notification du système.',
  'alerts.settings.banner': 'Dans l’application',
  'alerts.settings.notify': 'Par notification',
  'alerts.settings.noDataMinutes': 'Alerter après ce nombre de minutes sans données',
  'alerts.settings.minutesInvalid': 'Saisissez un nombre entier de minutes entre {min} et {max}.',
  'alerts.settings.denied': 'Les notifications sont bloquées pour LuxP1 : autorisez-les dans les réglages du navigateur ou du système.',
  'alerts.settings.unsupported': 'Ce navigateur ne peut pas afficher de notifications ici ; les alertes restent dans l’application.',
};
