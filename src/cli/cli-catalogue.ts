/** Texts of the command line in English, French and Spanish. */
import type { Catalogue } from '../domain/errors';

export const cliCatalogue: Catalogue = {
  NODE_EXISTS: {
    en: 'A node already exists in {dir}.',
    fr: 'Un nœud existe déjà dans {dir}.',
    es: 'Ya existe un nodo en {dir}.',
  },
  NODE_MISSING: {
    en: 'No node in {dir}: create one with `alianza init --data {dir} --country CC --name NAME`.',
    fr: 'Aucun nœud dans {dir} : créez-en un avec `alianza init --data {dir} --country CC --name NOM`.',
    es: 'No hay ningún nodo en {dir}: cree uno con `alianza init --data {dir} --country CC --name NOMBRE`.',
  },
  NODE_DEMO_DATA_IN_PRODUCTION: {
    en: 'This node holds demo data and demo accounts; it starts only in demo mode (ALIANZA_DEMO=true).',
    fr: 'Ce nœud contient des données et des comptes de démonstration ; il ne démarre qu’en mode démo (ALIANZA_DEMO=true).',
    es: 'Este nodo contiene datos y cuentas de demostración; solo arranca en modo demo (ALIANZA_DEMO=true).',
  },
  NODE_DEFAULT_PASSWORD: {
    en: 'Refusing to start: the account {email} still has the default demo password. Change it first.',
    fr: 'Démarrage refusé : le compte {email} a encore le mot de passe de démonstration par défaut. Changez-le d’abord.',
    es: 'Arranque rechazado: la cuenta {email} aún tiene la contraseña de demostración por defecto. Cámbiela primero.',
  },
  CLI_WEAK_PASSWORD: {
    en: 'This password is too weak for a production node (at least 12 characters, not a default).',
    fr: 'Ce mot de passe est trop faible pour un nœud de production (12 caractères au moins, pas une valeur par défaut).',
    es: 'Esta contraseña es demasiado débil para un nodo de producción (al menos 12 caracteres, no una por defecto).',
  },
  CLI_BAD_COUNTRY: {
    en: '{value} is not a country: use an ISO 3166-1 two-letter code such as MX, CA or US.',
    fr: '{value} n’est pas un pays : utilisez un code ISO 3166-1 à deux lettres comme MX, CA ou US.',
    es: '{value} no es un país: use un código ISO 3166-1 de dos letras como MX, CA o US.',
  },
  CLI_NO_AGENCY: {
    en: 'No agency with the code {code} on this node.',
    fr: 'Aucune agence de code {code} sur ce nœud.',
    es: 'No hay ninguna agencia con el código {code} en este nodo.',
  },
  KEY_SIGNING: { en: 'signing', fr: 'signature', es: 'firma' },
  KEY_ENCRYPTION: { en: 'encryption', fr: 'chiffrement', es: 'cifrado' },
  USER_CREATED_WITH_PASSWORD: {
    en: 'User {email} ({role}) created with the password given.',
    fr: 'Utilisateur {email} ({role}) créé avec le mot de passe donné.',
    es: 'Usuario {email} ({role}) creado con la contraseña indicada.',
  },
  CLI_FILE_NOT_FOUND: { en: 'File not found: {file}', fr: 'Fichier introuvable : {file}', es: 'Archivo no encontrado: {file}' },
  CLI_BAD_OPTION: { en: 'Invalid value for {option}: {value}', fr: 'Valeur invalide pour {option} : {value}', es: 'Valor no válido para {option}: {value}' },
  CLI_PORT_TAKEN: {
    en: 'Port {port} is already in use: stop whatever runs there or choose another port.',
    fr: 'Le port {port} est déjà utilisé : arrêtez ce qui l’occupe ou choisissez un autre port.',
    es: 'El puerto {port} ya está en uso: detenga lo que lo ocupa o elija otro puerto.',
  },
  AUDIT_INTACT: {
    en: 'Audit log intact: {count} entries, last hash {hash}.',
    fr: 'Journal d’audit intact : {count} entrées, dernière empreinte {hash}.',
    es: 'Registro de auditoría íntegro: {count} entradas, último hash {hash}.',
  },
  AUDIT_BROKEN: {
    en: 'Audit log BROKEN at entry #{seq} ({reason}); {count} entries checked before it.',
    fr: 'Journal d’audit CORROMPU à l’entrée no {seq} ({reason}) ; {count} entrées vérifiées avant elle.',
    es: 'Registro de auditoría ROTO en la entrada n.º {seq} ({reason}); {count} entradas verificadas antes.',
  },
  'AUDIT_REASON.altered': { en: 'altered', fr: 'modifiée', es: 'alterada' },
  'AUDIT_REASON.deleted': { en: 'deleted or missing', fr: 'supprimée ou manquante', es: 'eliminada o ausente' },
  'AUDIT_REASON.reordered': { en: 'reordered', fr: 'déplacée', es: 'reordenada' },
  'AUDIT_REASON.broken_link': { en: 'chain link broken', fr: 'maillon de chaîne rompu', es: 'eslabón de la cadena roto' },
  NODE_CREATED: {
    en: 'Node {country} "{name}" created in {dir}.',
    fr: 'Nœud {country} « {name} » créé dans {dir}.',
    es: 'Nodo {country} «{name}» creado en {dir}.',
  },
  FINGERPRINTS: {
    en: 'Key fingerprints (compare them with your partners out of band):',
    fr: 'Empreintes des clés (à comparer avec vos partenaires par un autre canal) :',
    es: 'Huellas de las claves (compárelas con sus socios por otro canal):',
  },
  ADMIN_CREATED: {
    en: 'Administrator {email} created. Password (shown only once, store it safely): {password}',
    fr: 'Administrateur {email} créé. Mot de passe (affiché une seule fois, conservez-le en lieu sûr) : {password}',
    es: 'Administrador {email} creado. Contraseña (se muestra una sola vez, guárdela en lugar seguro): {password}',
  },
  USER_CREATED: {
    en: 'User {email} ({role}) created. Password (shown only once): {password}',
    fr: 'Utilisateur {email} ({role}) créé. Mot de passe (affiché une seule fois) : {password}',
    es: 'Usuario {email} ({role}) creado. Contraseña (se muestra una sola vez): {password}',
  },
  NODE_LISTENING: {
    en: 'Node {country} listening on {url}',
    fr: 'Nœud {country} à l’écoute sur {url}',
    es: 'Nodo {country} escuchando en {url}',
  },
  BACKUP_DONE: { en: 'Backup written to {file} ({size}).', fr: 'Sauvegarde écrite dans {file} ({size}).', es: 'Copia de seguridad escrita en {file} ({size}).' },
  RESTORE_DONE: { en: 'Restored {file} into {dir}.', fr: '{file} restauré dans {dir}.', es: '{file} restaurado en {dir}.' },
  DEMO_SEEDED: {
    en: '{country}: {cases} cases, {entities} entities, {users} accounts ({rejected} records refused by validation)',
    fr: '{country} : {cases} dossiers, {entities} entités, {users} comptes ({rejected} enregistrements refusés à la validation)',
    es: '{country}: {cases} casos, {entities} entidades, {users} cuentas ({rejected} registros rechazados por la validación)',
  },
  DEMO_BANNER: {
    en: 'Alianza demo — three nodes on this machine:',
    fr: 'Démo d’Alianza — trois nœuds sur cette machine :',
    es: 'Demo de Alianza — tres nodos en esta máquina:',
  },
  DEMO_ACCOUNTS: { en: 'Accounts:', fr: 'Comptes :', es: 'Cuentas:' },
  DEMO_FOOTER: {
    en: 'API documentation: {url} — stop with Ctrl+C',
    fr: 'Documentation de l’API : {url} — arrêt avec Ctrl+C',
    es: 'Documentación de la API: {url} — detener con Ctrl+C',
  },
  BACKUP_POSTGRES: {
    en: 'This node uses PostgreSQL: back it up with pg_dump (see README, "Backups").',
    fr: 'Ce nœud utilise PostgreSQL : sauvegardez-le avec pg_dump (voir README, « Backups »).',
    es: 'Este nodo usa PostgreSQL: respáldelo con pg_dump (vea README, «Backups»).',
  },
};
