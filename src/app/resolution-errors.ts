/** Errors of entity resolution inside the node (runs, review, merges), in English, French and Spanish. */
import type { Catalogue } from '../domain/errors';

export const resolutionErrors = {
  RESOLUTION_UNAVAILABLE: {
    en: 'Entity resolution is not available on this node’s store.',
    fr: 'La résolution d’entités n’est pas disponible sur le stockage de ce nœud.',
    es: 'La resolución de entidades no está disponible en el almacenamiento de este nodo.',
  },
  RESOLUTION_RUN_NOT_FOUND: {
    en: 'This resolution run does not exist.',
    fr: 'Cette exécution de la résolution n’existe pas.',
    es: 'Esta ejecución de la resolución no existe.',
  },
  RESOLUTION_RUN_CONFLICT: {
    en: 'A resolution run is already waiting or in progress (requested {requestedAt}). Wait for it to finish.',
    fr: 'Une exécution de la résolution est déjà en attente ou en cours (demandée le {requestedAt}). Attendez qu’elle se termine.',
    es: 'Ya hay una ejecución de la resolución en espera o en curso (solicitada el {requestedAt}). Espere a que termine.',
  },
  RESOLUTION_RUN_FAILED: {
    en: 'The resolution run failed ({detail}). Nothing was changed; try again or ask the node’s administrator.',
    fr: 'L’exécution de la résolution a échoué ({detail}). Rien n’a été modifié ; réessayez ou adressez-vous à l’administrateur du nœud.',
    es: 'La ejecución de la resolución falló ({detail}). No se modificó nada; inténtelo de nuevo o consulte al administrador del nodo.',
  },
  RESOLUTION_PAIR_NOT_FOUND: {
    en: 'This pair does not exist or you may not see it.',
    fr: 'Cette paire n’existe pas ou vous ne pouvez pas la voir.',
    es: 'Este par no existe o no puede verlo.',
  },
  RESOLUTION_PAIR_RESTRICTED: {
    en: 'You may not decide this pair: it involves a victim whose identity you may not see, or a case you cannot open. An investigator assigned to those cases can decide it.',
    fr: 'Vous ne pouvez pas trancher cette paire : elle concerne une victime dont vous ne pouvez pas voir l’identité, ou un dossier que vous ne pouvez pas ouvrir. Un enquêteur affecté à ces dossiers peut la trancher.',
    es: 'No puede decidir este par: involucra a una víctima cuya identidad no puede ver, o un caso que no puede abrir. Un investigador asignado a esos casos puede decidirlo.',
  },
  RESOLUTION_DECISION_CONFLICT: {
    en: 'This pair was already decided ({status}). Reload the queue.',
    fr: 'Cette paire a déjà été tranchée ({status}). Rechargez la file.',
    es: 'Este par ya fue decidido ({status}). Vuelva a cargar la cola.',
  },
  RESOLUTION_ENTITY_MERGED_CONFLICT: {
    en: 'One of the two records was merged into another since this pair was found. Run the resolution again.',
    fr: 'L’un des deux enregistrements a été fusionné avec un autre depuis que cette paire a été trouvée. Relancez la résolution.',
    es: 'Uno de los dos registros se fusionó con otro desde que se encontró este par. Vuelva a ejecutar la resolución.',
  },
  RESOLUTION_SURVIVOR_INVALID: {
    en: 'The record to keep must be one of the two records of the pair.',
    fr: 'L’enregistrement à conserver doit être l’un des deux enregistrements de la paire.',
    es: 'El registro que se conserva debe ser uno de los dos registros del par.',
  },
  RESOLUTION_MERGE_NOT_FOUND: {
    en: 'This merge does not exist or you may not see it.',
    fr: 'Cette fusion n’existe pas ou vous ne pouvez pas la voir.',
    es: 'Esta fusión no existe o no puede verla.',
  },
  RESOLUTION_UNDO_DONE_CONFLICT: {
    en: 'This merge was already undone.',
    fr: 'Cette fusion a déjà été annulée.',
    es: 'Esta fusión ya se deshizo.',
  },
  RESOLUTION_UNDO_CHANGED_CONFLICT: {
    en: 'This merge cannot be undone automatically: the record kept was changed or merged again since. Undo the later change first, or separate the records by hand.',
    fr: 'Cette fusion ne peut pas être annulée automatiquement : l’enregistrement conservé a été modifié ou fusionné de nouveau depuis. Annulez d’abord le changement ultérieur, ou séparez les enregistrements à la main.',
    es: 'Esta fusión no puede deshacerse automáticamente: el registro conservado se modificó o se fusionó de nuevo desde entonces. Deshaga primero el cambio posterior o separe los registros a mano.',
  },
} satisfies Catalogue;

export const resolutionCatalogue: Catalogue = resolutionErrors;
