/** French strings of the pairing flow; see en-pairing.ts. */
import type { enPairing } from './en-pairing.ts';

export const frPairing: Record<keyof typeof enPairing, string> = {
  'pairing.title': 'Connecter votre compteur',
  'pairing.intro':
    'LuxP1 observe le port et vous dit ce qu’il y voit. Il obtient ensuite la clé de votre compteur auprès de votre gestionnaire de réseau.',
  'pairing.step.port': '1. Ce que montre le port',
  'pairing.step.pair': '2. Appairer auprès de votre gestionnaire de réseau',
  'pairing.port.waiting': 'En attente de l’ouverture du port…',
  'pairing.port.noSignal': 'Aucun signal : rien n’arrive sur le port.',
  'pairing.port.noise': 'Des octets arrivent, mais aucun télégramme : la liaison semble brouillée.',
  'pairing.port.plain': 'Votre compteur envoie des télégrammes en clair : aucune clé n’est nécessaire.',
  'pairing.port.encrypted': 'Votre compteur envoie des trames chiffrées depuis le titre système {title}. Il vous faut sa clé.',
  'pairing.port.keyOk': 'Votre clé ouvre les trames du titre système {title}. Tout est prêt.',
  'pairing.port.wrongKey': 'La clé enregistrée n’ouvre pas les trames du titre système {title}.',
  'pairing.port.rotated': 'Votre gestionnaire de réseau a changé la clé. Appairez de nouveau pour obtenir la nouvelle.',
  'pairing.port.systemTitle': 'Titre système :',
  'pairing.hint.cable': 'Vérifiez que le câble est bien enfoncé dans le port P1 (RJ12) du compteur et dans l’ordinateur.',
  'pairing.hint.request':
    'Le compteur n’envoie que tant que la ligne de demande de données (broche 2) est à l’état haut : utilisez un câble P1 qui le fait.',
  'pairing.hint.inverted': 'La ligne P1 est inversée : un adaptateur USB-série ordinaire a besoin d’un câble inverseur.',
  'pairing.hint.baud': 'Les compteurs Smarty émettent à 115200 bauds, 8N1.',
  'pairing.repair': 'Appairer de nouveau',
  'pairing.meterId': 'Identifiant du compteur (sur l’étiquette du compteur, commence par SAG)',
  'pairing.code': 'Code d’appairage de votre gestionnaire de réseau',
  'pairing.centralUrl': 'Adresse du gestionnaire de réseau (laisser vide pour la valeur par défaut)',
  'pairing.advanced': 'Avancé',
  'pairing.submit': 'Obtenir et vérifier la clé',
  'pairing.busy': 'Demande en cours auprès de votre gestionnaire de réseau…',
  'pairing.outcome.paired': 'Clé acceptée pour le compteur {meterId}. Elle est enregistrée chiffrée sur cet ordinateur.',
  'pairing.outcome.pairedUnverified':
    'Clé enregistrée pour le compteur {meterId}. Elle sera vérifiée sur la première trame envoyée par le compteur.',
  'pairing.outcome.badCode':
    'Ce code d’appairage est erroné. {attempts, plural, one {Il reste # tentative.} other {Il reste # tentatives.}}',
  'pairing.outcome.locked':
    'Trop de codes erronés : l’appairage est bloqué jusqu’au {until}. Demandez entre-temps un nouveau code à votre gestionnaire de réseau.',
  'pairing.outcome.unknownMeter':
    'Votre gestionnaire de réseau ne connaît pas cet identifiant de compteur. Vérifiez-le sur l’étiquette du compteur.',
  'pairing.outcome.unreachable':
    'Le système de votre gestionnaire de réseau est injoignable ({message}). Réessayez ou saisissez la clé à la main.',
  'pairing.outcome.keyFails':
    'La clé a été obtenue, mais elle n’ouvre pas les trames du compteur : la clé du compteur a été changée. Appairez de nouveau.',
  'pairing.outcome.publishedKey':
    'Il s’agit de la clé d’authentification publiée, identique dans tous les compteurs, et non de la clé de votre compteur. Utilisez la clé indiquée dans le courrier de votre gestionnaire de réseau.',
  'pairing.outcome.error': 'L’appairage a échoué : {message}',
  'pairing.retry': 'Réessayer',
  'pairing.manualOpen': 'Saisir la clé à la main',
  'pairing.manual.title': 'Clé reçue par courrier',
  'pairing.manual.help': 'Le courrier de votre gestionnaire de réseau indique la clé sous forme de 32 chiffres hexadécimaux (0-9, A-F).',
  'pairing.manual.label': 'Clé du compteur',
  'pairing.manual.submit': 'Enregistrer la clé',
  'pairing.manual.badFormat': 'Une clé compte 32 chiffres hexadécimaux ; les espaces sont acceptés.',
  'pairing.manual.saved': 'Clé enregistrée. LuxP1 la vérifie sur la prochaine trame.',
  'pairing.manual.error': 'La clé n’a pas été enregistrée : {message}',
  'pairing.repair.code': 'Nouveau code d’appairage pour le compteur {meterId}',
  'pairing.repair.help':
    'Votre gestionnaire de réseau donne un nouveau code d’appairage après avoir changé la clé. Seul le code est nécessaire : LuxP1 connaît votre compteur.',
  'pairing.port.plainRefused':
    'Des télégrammes non chiffrés arrivent là où des télégrammes chiffrés ont été vérifiés : LuxP1 ne les affiche pas sans votre accord (voyez le panneau du port).',
};
