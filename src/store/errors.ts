/** Texts of the store's error codes (see src/domain/errors.ts). */
import type { Catalogue } from '../domain/errors';

export const storeErrors: Catalogue = {
  STORE_VERSION_CONFLICT: {
    en: 'This record was changed by someone else meanwhile. Reload it and apply your change again.',
    fr: 'Cet enregistrement a été modifié par quelqu’un d’autre entre-temps. Rechargez-le et refaites votre modification.',
    es: 'Otra persona modificó este registro mientras tanto. Vuelva a cargarlo y repita su cambio.',
  },
  STORE_DUPLICATE: {
    en: 'A record with this identifier already exists ({what}).',
    fr: 'Un enregistrement avec cet identifiant existe déjà ({what}).',
    es: 'Ya existe un registro con este identificador ({what}).',
  },
  STORE_NOT_FOUND: {
    en: 'The record was not found ({what}).',
    fr: 'L’enregistrement est introuvable ({what}).',
    es: 'No se encontró el registro ({what}).',
  },
  STORE_CONFIG_INVALID: {
    en: 'The database configuration is not valid: {detail}',
    fr: 'La configuration de la base de données n’est pas valide : {detail}',
    es: 'La configuración de la base de datos no es válida: {detail}',
  },
  STORE_UNREACHABLE: {
    en: 'The database cannot be reached: {detail}',
    fr: 'La base de données est injoignable : {detail}',
    es: 'No se puede acceder a la base de datos: {detail}',
  },
  STORE_MIGRATION_FAILED: {
    en: 'The database could not be brought up to date (step {migration}): {detail}',
    fr: 'La base de données n’a pas pu être mise à jour (étape {migration}) : {detail}',
    es: 'No se pudo actualizar la base de datos (paso {migration}): {detail}',
  },
  STORE_BACKUP_NOT_SQLITE: {
    en: 'Online backup is available for SQLite nodes only; use pg_dump for PostgreSQL.',
    fr: 'La sauvegarde à chaud n’existe que pour les nœuds SQLite ; utilisez pg_dump pour PostgreSQL.',
    es: 'La copia de seguridad en caliente solo existe para nodos SQLite; use pg_dump para PostgreSQL.',
  },
  STORE_BACKUP_INVALID: {
    en: 'The file {file} is not a valid backup of a node: {detail}',
    fr: 'Le fichier {file} n’est pas une sauvegarde valide d’un nœud : {detail}',
    es: 'El archivo {file} no es una copia de seguridad válida de un nodo: {detail}',
  },
  STORE_RESTORE_TARGET_IN_USE: {
    en: 'The database {file} looks in use by a running node (its -wal / -shm files exist). Stop the node first, or force the restore.',
    fr: 'La base {file} semble utilisée par un nœud en marche (ses fichiers -wal / -shm existent). Arrêtez d’abord le nœud, ou forcez la restauration.',
    es: 'La base {file} parece estar en uso por un nodo en marcha (existen sus archivos -wal / -shm). Detenga primero el nodo o fuerce la restauración.',
  },
  STORE_RESTORE_SAME_FILE: {
    en: 'The backup and the database to restore are the same file ({file}).',
    fr: 'La sauvegarde et la base à restaurer sont le même fichier ({file}).',
    es: 'La copia de seguridad y la base que se restaura son el mismo archivo ({file}).',
  },
};
