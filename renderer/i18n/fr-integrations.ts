/** French strings of Settings → Integrations; see en-integrations.ts. */
import type { enIntegrations } from './en-integrations.ts';

export const frIntegrations: Record<keyof typeof enIntegrations, string> = {
  'integrations.title': 'Intégrations',
  'integrations.explain':
    'Partagez les relevés vérifiés avec d’autres outils : un broker MQTT (Home Assistant trouve le compteur tout seul), les outils DSMR par TCP et une API JSON locale.',
  'integrations.fromFlags': 'Défini en ligne de commande pour cette exécution : {parts}. Appliquer ici les remplace.',
  'integrations.mqtt.title': 'MQTT',
  'integrations.mqtt.enable': 'Publier vers un broker MQTT',
  'integrations.mqtt.url': 'URL du broker (mqtt:// ou mqtts://)',
  'integrations.mqtt.user': 'Nom d’utilisateur',
  'integrations.mqtt.password': 'Mot de passe',
  'integrations.mqtt.passwordKept': 'Un mot de passe est enregistré. Laissez ce champ vide pour le conserver.',
  'integrations.mqtt.baseTopic': 'Sujet de base',
  'integrations.mqtt.discovery': 'Découverte Home Assistant',
  'integrations.mqtt.caFile': 'Fichier du certificat de l’autorité (PEM)',
  'integrations.mqtt.certFile': 'Fichier du certificat client (PEM)',
  'integrations.mqtt.keyFile': 'Fichier de la clé client (PEM)',
  'integrations.reserve.title': 'Redistribution DSMR (TCP)',
  'integrations.reserve.enable': 'Redistribuer les télégrammes, déchiffrés, en DSMR simple',
  'integrations.reserve.warning':
    'Cette adresse est joignable depuis d’autres ordinateurs : chaque télégramme part déchiffré, lisible par n’importe qui sur le réseau.',
  'integrations.api.title': 'API JSON locale',
  'integrations.api.enable': 'Servir l’API JSON locale',
  'integrations.api.token': 'Au-delà de cet ordinateur, l’API demande un jeton ; il se trouve dans {file}.',
  'integrations.address': 'Adresse (HÔTE:PORT)',
  'integrations.badAddress': 'Adresse attendue sous la forme HÔTE:PORT, par exemple 127.0.0.1:2001.',
  'integrations.save': 'Appliquer',
  'integrations.saved': 'Appliqué.',
  'integrations.state.off': 'Désactivé',
  'integrations.state.connecting': 'Connexion…',
  'integrations.state.connected': 'Connecté à {address}',
  'integrations.state.listening': 'À l’écoute sur {address}',
  'integrations.state.error': 'Erreur : {message}',
};
