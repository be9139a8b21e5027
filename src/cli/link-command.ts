/**
 * `alianza link join` and `alianza link dedupe`: entity resolution on CSV files. This file
 * does the I/O (reading and decoding files, progress on stderr, writing the result
 * atomically); the method lives in src/linkage.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { AlianzaError, localise, type ErrorParams } from '../domain/errors';
import type { Locale } from '../domain/model';
import { recogniseColumns, parseMapping, tableToRecords, type ColumnMapping } from '../linkage/columns';
import type { ModelSpec } from '../linkage/comparison-model';
import { parseCsv } from '../linkage/csv-reader';
import { linkageCatalogue } from '../linkage/errors';
import type { PersonRecord } from '../linkage/person-record';
import { dedupeTable, linkTables, type LinkStep, type ResolveOptions, type ScoredPair } from '../linkage/resolve';
import { addCliCatalogue, cliLocale } from './messages';

const helpCatalogue = {
  LINK_HELP_GROUP: {
    en: 'Entity resolution on CSV files of people (inside this node)',
    fr: 'Résolution d’entités sur des fichiers CSV de personnes (dans ce nœud)',
    es: 'Resolución de entidades en archivos CSV de personas (dentro de este nodo)',
  },
  LINK_HELP_JOIN: {
    en: 'Find the people of LEFT who are also in RIGHT; writes left_id,right_id,match_probability',
    fr: 'Trouver les personnes de LEFT qui sont aussi dans RIGHT ; écrit left_id,right_id,match_probability',
    es: 'Encontrar las personas de LEFT que también están en RIGHT; escribe left_id,right_id,match_probability',
  },
  LINK_HELP_DEDUPE: {
    en: 'Group the records of FILE that describe the same person; writes id,cluster_id',
    fr: 'Regrouper les enregistrements de FILE qui décrivent la même personne ; écrit id,cluster_id',
    es: 'Agrupar los registros de FILE que describen a la misma persona; escribe id,cluster_id',
  },
  LINK_HELP_ID: { en: 'identifier column', fr: 'colonne d’identifiant', es: 'columna de identificador' },
  LINK_HELP_OUT: { en: 'output CSV file', fr: 'fichier CSV de sortie', es: 'archivo CSV de salida' },
  LINK_HELP_MAPPING: {
    en: 'JSON file {"columns": {"their_column": "given_name"}} for columns not recognised',
    fr: 'fichier JSON {"columns": {"leur_colonne": "given_name"}} pour les colonnes non reconnues',
    es: 'archivo JSON {"columns": {"su_columna": "given_name"}} para las columnas no reconocidas',
  },
  LINK_HELP_THRESHOLD: {
    en: 'match probability threshold, 0 to 1 (default from the model: 0.9)',
    fr: 'seuil de probabilité d’appariement, de 0 à 1 (par défaut celui du modèle : 0,9)',
    es: 'umbral de probabilidad de coincidencia, de 0 a 1 (por defecto el del modelo: 0,9)',
  },
  LINK_HELP_REVIEW_OUT: {
    en: 'also write the uncertain pairs (for review) to this CSV file',
    fr: 'écrire aussi les paires incertaines (à examiner) dans ce fichier CSV',
    es: 'escribir también los pares dudosos (para revisión) en este archivo CSV',
  },
  LINK_HELP_ALL_PAIRS: {
    en: 'keep every pair above the threshold (default: at most one partner per record)',
    fr: 'garder toutes les paires au-dessus du seuil (par défaut : au plus un partenaire par enregistrement)',
    es: 'conservar todos los pares sobre el umbral (por defecto: como máximo una pareja por registro)',
  },
  LINK_HELP_COUNTRY: {
    en: 'country assumed for phone numbers without a country code (e.g. MX, CA, US)',
    fr: 'pays supposé pour les numéros de téléphone sans indicatif (p. ex. MX, CA, US)',
    es: 'país supuesto para los teléfonos sin código de país (p. ej. MX, CA, US)',
  },
  LINK_HELP_MONTH_FIRST: {
    en: 'read ambiguous dates as month/day/year (default day/month/year)',
    fr: 'lire les dates ambiguës comme mois/jour/année (par défaut jour/mois/année)',
    es: 'leer las fechas ambiguas como mes/día/año (por defecto día/mes/año)',
  },
  LINK_HELP_MODEL: { en: 'comparison model (JSON) to use instead of the default', fr: 'modèle de comparaison (JSON) à utiliser au lieu du modèle par défaut', es: 'modelo de comparación (JSON) que se usará en lugar del predeterminado' },
  LINK_HELP_SAVE_MODEL: { en: 'write the trained model (JSON) to this file', fr: 'écrire le modèle entraîné (JSON) dans ce fichier', es: 'escribir el modelo entrenado (JSON) en este archivo' },
  LINK_HELP_NO_TRAIN: { en: 'use the model as given, without EM training', fr: 'utiliser le modèle tel quel, sans entraînement EM', es: 'usar el modelo tal cual, sin entrenamiento EM' },
  LINK_HELP_LANG: { en: 'language of messages: en, fr or es', fr: 'langue des messages : en, fr ou es', es: 'idioma de los mensajes: en, fr o es' },
};

addCliCatalogue(linkageCatalogue);
addCliCatalogue(helpCatalogue);

export interface LinkCommandOptions {
  id: string;
  out: string;
  mapping?: string;
  threshold?: string;
  reviewOut?: string;
  allPairs?: boolean;
  country?: string;
  monthFirst?: boolean;
  model?: string;
  saveModel?: string;
  train?: boolean;
  lang?: string;
}

function localeOf(lang: string | undefined): Locale {
  const two = (lang ?? '').slice(0, 2).toLowerCase();
  return two === 'fr' || two === 'es' || two === 'en' ? two : cliLocale();
}

function say(locale: Locale, code: string, params?: ErrorParams): string {
  return localise([linkageCatalogue, helpCatalogue], code, locale, params);
}

/** UTF-8 when the bytes are valid UTF-8, else Latin-1 (with a warning). */
export function decodeText(bytes: Uint8Array): { text: string; latin1: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), latin1: false };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), latin1: true };
  }
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new AlianzaError('LINK_FILE_UNREADABLE', { file });
  }
}

function readJson(file: string, badFormatCode: string): unknown {
  const { text } = decodeText(readBytes(file));
  try {
    return JSON.parse(text);
  } catch {
    throw new AlianzaError(badFormatCode, badFormatCode === 'LINK_MODEL_INVALID' ? { reason: `${file} is not JSON` } : {});
  }
}

function readPeople(file: string, idColumn: string, mapping: ColumnMapping | undefined, warn: (code: string, p: ErrorParams) => void): PersonRecord[] {
  const { text, latin1 } = decodeText(readBytes(file));
  if (latin1) warn('LINK_FILE_LATIN1', { file });
  const table = parseCsv(text, { file });
  const columns = recogniseColumns(table.header, { idColumn, mapping, file });
  if (columns.ignored.length > 0) warn('LINK_COLUMNS_IGNORED', { file, columns: columns.ignored.join(', ') });
  return tableToRecords(table, columns, file);
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes `content` to a temporary file beside `file`, then renames it: never half-written. */
export function writeAtomically(file: string, content: string): void {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to remove
    }
    throw new AlianzaError('LINK_FILE_UNWRITABLE', { file });
  }
}

/** One progress bar per step on stderr, only when stderr is a terminal. */
function progressReporter(locale: Locale): { onProgress: (step: LinkStep, done: number, total: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  let bar: cliProgress.SingleBar | null = null;
  let current: LinkStep | null = null;
  const stop = (): void => {
    bar?.stop();
    bar = null;
  };
  return {
    onProgress: (step, done, total) => {
      if (step !== current) {
        stop();
        current = step;
        bar = new cliProgress.SingleBar(
          { format: `${say(locale, step).padEnd(22)} [{bar}] {percentage}%`, hideCursor: true, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(total, 1), 0);
      }
      bar?.setTotal(Math.max(total, 1));
      bar?.update(done);
    },
    stop,
  };
}

function explanationText(p: ScoredPair): string {
  return p.explanation.parts
    .filter((part) => part.gamma >= 0)
    .map((part) => {
      const tf = part.termFrequencyAdjustment ? ` tf${part.termFrequencyAdjustment >= 0 ? '+' : ''}${part.termFrequencyAdjustment.toFixed(1)}` : '';
      return `${part.field}=${part.level}(${part.weight >= 0 ? '+' : ''}${part.weight.toFixed(1)}${tf})`;
    })
    .join(' ');
}

function pairsCsv(pairs: ScoredPair[]): string {
  const lines = ['left_id,right_id,match_probability,match_weight,explanation'];
  for (const p of pairs) {
    lines.push([csvCell(p.leftId), csvCell(p.rightId), p.probability.toFixed(6), p.weight.toFixed(2), csvCell(explanationText(p))].join(','));
  }
  return lines.join('\n') + '\n';
}

function resolveOptions(o: LinkCommandOptions, onProgress: ResolveOptions['onProgress']): ResolveOptions {
  let threshold: number | undefined;
  if (o.threshold !== undefined) {
    threshold = Number(o.threshold);
    if (o.threshold.trim() === '' || !Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
      throw new AlianzaError('LINK_THRESHOLD_INVALID', { value: o.threshold });
    }
  }
  return {
    ...(threshold !== undefined ? { threshold, reviewThreshold: Math.min(0.5, threshold) } : {}),
    ...(o.model ? { model: readJson(o.model, 'LINK_MODEL_INVALID') as ModelSpec } : {}),
    train: o.train !== false,
    normalise: { dayFirst: !o.monthFirst, ...(o.country ? { defaultCountry: o.country } : {}) },
    onProgress,
  };
}

/** `link join`: returns the number of pairs written. */
export function runJoin(leftFile: string, rightFile: string, o: LinkCommandOptions, log: (line: string) => void = (l) => console.error(l)): number {
  const locale = localeOf(o.lang);
  const warn = (code: string, p: ErrorParams): void => log(say(locale, code, p));
  const progress = progressReporter(locale);
  const options = resolveOptions(o, progress.onProgress);
  const mapping = o.mapping ? parseMapping(readJson(o.mapping, 'LINK_MAPPING_BAD_FORMAT')) : undefined;
  const left = readPeople(leftFile, o.id, mapping, warn);
  const right = readPeople(rightFile, o.id, mapping, warn);
  let result;
  try {
    result = linkTables(left, right, { ...options, oneToOne: !o.allPairs });
  } finally {
    progress.stop();
  }
  for (const w of result.warnings) warn(w.code, w.params);
  writeAtomically(o.out, pairsCsv(result.pairs));
  if (o.reviewOut) writeAtomically(o.reviewOut, pairsCsv(result.review));
  if (o.saveModel) writeAtomically(o.saveModel, JSON.stringify(result.model.spec, null, 2) + '\n');
  log(say(locale, 'LINK_DONE_JOIN', { pairs: result.pairs.length, file: o.out, candidates: result.candidateCount }));
  return result.pairs.length;
}

/** `link dedupe`: returns the number of clusters written. */
export function runDedupe(file: string, o: LinkCommandOptions, log: (line: string) => void = (l) => console.error(l)): number {
  const locale = localeOf(o.lang);
  const warn = (code: string, p: ErrorParams): void => log(say(locale, code, p));
  const progress = progressReporter(locale);
  const options = resolveOptions(o, progress.onProgress);
  const mapping = o.mapping ? parseMapping(readJson(o.mapping, 'LINK_MAPPING_BAD_FORMAT')) : undefined;
  const records = readPeople(file, o.id, mapping, warn);
  let result;
  try {
    result = dedupeTable(records, options);
  } finally {
    progress.stop();
  }
  for (const w of result.warnings) warn(w.code, w.params);
  // a cluster is named by the id of its first record in file order
  const names = new Map<number, string>();
  for (const c of result.clusters) if (!names.has(c.cluster)) names.set(c.cluster, c.id);
  const lines = ['id,cluster_id', ...result.clusters.map((c) => `${csvCell(c.id)},${csvCell(names.get(c.cluster) ?? c.id)}`)];
  writeAtomically(o.out, lines.join('\n') + '\n');
  if (o.reviewOut) writeAtomically(o.reviewOut, pairsCsv(result.review));
  if (o.saveModel) writeAtomically(o.saveModel, JSON.stringify(result.model.spec, null, 2) + '\n');
  log(say(locale, 'LINK_DONE_DEDUPE', { records: records.length, clusters: result.clusterCount, file: o.out }));
  return result.clusterCount;
}

export function registerLinkCommands(program: Command): void {
  const locale = cliLocale();
  const h = (code: keyof typeof helpCatalogue): string => helpCatalogue[code][locale];
  const link = program.command('link').description(h('LINK_HELP_GROUP'));
  const common = (c: Command): Command =>
    c
      .requiredOption('--id <column>', h('LINK_HELP_ID'))
      .requiredOption('--out <file>', h('LINK_HELP_OUT'))
      .option('--mapping <file>', h('LINK_HELP_MAPPING'))
      .option('--threshold <p>', h('LINK_HELP_THRESHOLD'))
      .option('--review-out <file>', h('LINK_HELP_REVIEW_OUT'))
      .option('--country <code>', h('LINK_HELP_COUNTRY'))
      .option('--month-first', h('LINK_HELP_MONTH_FIRST'))
      .option('--model <file>', h('LINK_HELP_MODEL'))
      .option('--save-model <file>', h('LINK_HELP_SAVE_MODEL'))
      .option('--no-train', h('LINK_HELP_NO_TRAIN'))
      .option('--lang <lang>', h('LINK_HELP_LANG'));
  common(link.command('join').description(h('LINK_HELP_JOIN')).argument('<left>').argument('<right>'))
    .option('--all-pairs', h('LINK_HELP_ALL_PAIRS'))
    .action((left: string, right: string, o: LinkCommandOptions) => {
      runJoin(left, right, o);
    });
  common(link.command('dedupe').description(h('LINK_HELP_DEDUPE')).argument('<file>')).action((file: string, o: LinkCommandOptions) => {
    runDedupe(file, o);
  });
}
