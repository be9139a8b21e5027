/** Texts of `alianza pprl secret`, in English, French and Spanish. */
import type { Catalogue } from '../domain/errors';

export const pprlSecretCatalogue = {
  PPRL_SECRET_STDIN_TTY: {
    en: 'Give the secret in a file (--file) or through standard input (for example `alianza pprl secret set < secret.txt`); it is never read from the command line.',
    fr: 'Donnez le secret dans un fichier (--file) ou par l’entrée standard (par exemple `alianza pprl secret set < secret.txt`) ; il n’est jamais lu sur la ligne de commande.',
    es: 'Proporcione el secreto en un archivo (--file) o por la entrada estándar (por ejemplo `alianza pprl secret set < secret.txt`); nunca se lee de la línea de comandos.',
  },
  PPRL_SECRET_SET_DONE: {
    en: 'Linkage secret version {version} is active. Fingerprint: {fingerprint}. Compare it with the partners over a second channel.',
    fr: 'La version {version} du secret de couplage est active. Empreinte : {fingerprint}. Comparez-la avec les partenaires par un second canal.',
    es: 'La versión {version} del secreto de enlace está activa. Huella: {fingerprint}. Compárela con los socios por un segundo canal.',
  },
  PPRL_SECRET_RETIRED: {
    en: 'Version {version} ({fingerprint}) was retired: hits found under it stay; new checks use the new secret.',
    fr: 'La version {version} ({fingerprint}) a été retirée : les correspondances trouvées avec elle restent ; les nouvelles vérifications utilisent le nouveau secret.',
    es: 'La versión {version} ({fingerprint}) fue retirada: las coincidencias halladas con ella se conservan; las nuevas verificaciones usan el nuevo secreto.',
  },
  PPRL_SECRET_NONE: {
    en: 'No linkage secret is set on this node.',
    fr: 'Aucun secret de couplage n’est défini sur ce nœud.',
    es: 'No hay ningún secreto de enlace en este nodo.',
  },
  PPRL_SECRET_ACTIVE: {
    en: 'Linkage secret version {version}, fingerprint {fingerprint}, set on {date}.',
    fr: 'Secret de couplage version {version}, empreinte {fingerprint}, défini le {date}.',
    es: 'Secreto de enlace versión {version}, huella {fingerprint}, definido el {date}.',
  },
  PPRL_SECRET_PREVIOUS: {
    en: '  retired: version {version}, fingerprint {fingerprint}, on {date}',
    fr: '  retirée : version {version}, empreinte {fingerprint}, le {date}',
    es: '  retirada: versión {version}, huella {fingerprint}, el {date}',
  },
  PPRL_SECRET_GENERATED: {
    en: 'A new random secret (32 bytes, base64) is on standard output. Share it with the partners out of band, then run `alianza pprl secret set` on every node.',
    fr: 'Un nouveau secret aléatoire (32 octets, base64) est sur la sortie standard. Partagez-le avec les partenaires hors bande, puis lancez `alianza pprl secret set` sur chaque nœud.',
    es: 'Un nuevo secreto aleatorio (32 bytes, base64) está en la salida estándar. Compártalo con los socios por otro canal y luego ejecute `alianza pprl secret set` en cada nodo.',
  },
} satisfies Catalogue;
