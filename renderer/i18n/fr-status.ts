/** French strings of the port status; see en-status.ts. */
import type { enStatus } from './en-status.ts';

export const frStatus: Record<keyof typeof enStatus, string> = {
  'status.host-down': 'Le service de LuxP1 ne répond pas : les valeurs affichées datent d’avant son arrêt.',
  'status.no-source': 'Aucun compteur n’est encore connecté : choisissez son port dans les Paramètres.',
  'status.link-connecting': 'Connexion au compteur…',
  'status.link-reconnecting': 'La liaison avec le compteur a été perdue : reconnexion en cours.',
  'status.link-error': 'Le port du compteur ne peut pas être lu : voyez la raison sous Liaison.',
  'status.link-silent': 'Connecté, mais le compteur n’envoie rien.',
  'status.needs-key':
    'Votre compteur chiffre ses données. Appairez-le auprès de votre gestionnaire de réseau ou saisissez la clé dans les Paramètres.',
  'status.wrong-key':
    'Clé erronée : aucune nouvelle valeur ne peut être lue. Appairez de nouveau le compteur ou vérifiez la clé dans les Paramètres.',
  'status.key-rotated':
    'La clé ne fonctionne plus : votre gestionnaire de réseau l’a probablement changée. Aucune nouvelle valeur ne peut être lue tant que vous n’avez pas appairé de nouveau le compteur ou saisi la nouvelle clé dans les Paramètres.',
  'status.ok-encrypted': 'La clé fonctionne : les données sont lues et vérifiées.',
  'status.ok-plain': 'Le compteur envoie des données non chiffrées : aucune clé n’est nécessaire.',
  'status.no-signal': 'Aucun signal : rien n’arrive sur le port. Vérifiez le câble et l’activation du port P1.',
  'status.noise':
    'Des octets arrivent, mais pas de données du compteur : vérifiez le câble, l’inversion du signal et la vitesse (115200 bauds).',
  'status.waiting': 'Des données arrivent, mais aucune n’a pu être lue depuis un moment.',
  'status.unreadableSince': 'dernières données lisibles il y a {seconds} s ; des trames arrivent mais ne peuvent pas être lues',
  'status.rejectedNone': 'aucune',
  'status.rejectedSince': 'depuis {time}',
  'reject.AUTH_FAILED': 'clé erronée ou trame endommagée',
  'reject.CRC_MISMATCH': 'somme de contrôle',
  'reject.REPLAY': 'rejouée',
  'reject.NO_KEY': 'pas de clé',
  'reject.MALFORMED': 'mal formée',
  'reject.PLAIN_REFUSED': 'non chiffrée, refusée',
  'mbus.notPushed':
    'Le port de votre compteur n’envoie aucun relevé de gaz, d’eau ou de chaleur : soit aucun compteur de ce type n’est raccordé, soit votre gestionnaire de réseau ne les a pas activés sur le port.',
  'status.plain-refused':
    'Votre compteur envoie maintenant des données non chiffrées. LuxP1 ne les affiche pas : c’est aussi ce qu’enverrait quelqu’un qui injecte des données sur la ligne. Si votre gestionnaire de réseau a désactivé le chiffrement, affichez-les.',
  'plain.accept': 'Afficher les données non chiffrées',
  'plain.refuse': 'Continuer à les refuser',
  'plain.setting.title': 'Données non chiffrées',
  'plain.setting.explain':
    'Quand le compteur envoie des données non chiffrées après des données chiffrées, il peut s’agir de votre gestionnaire de réseau qui désactive le chiffrement, ou de quelqu’un qui injecte de fausses valeurs sur la ligne.',
  'plain.setting.ask': 'Me demander à chaque fois (recommandé)',
  'plain.setting.accept': 'Toujours les afficher',
  'plain.setting.refuse': 'Ne jamais les afficher',
};
