/**
 * Polaris's typology of modern slavery in the United States: 25 types of sex and labour
 * trafficking by business model. Source: Polaris, "The Typology of Modern Slavery:
 * Defining Sex and Labor Trafficking in the United States" (29 March 2017), based on more
 * than 32,000 cases from the National Human Trafficking Hotline and BeFree Textline.
 * English labels are Polaris's; the French and Spanish labels are the project's
 * translations.
 */
import type { Locale } from '../model';

export const POLARIS_SOURCE =
  'Polaris, The Typology of Modern Slavery (29 March 2017) — https://polarisproject.org/typology ; https://polarisproject.org/press-releases/sex-and-labor-trafficking-redefined-in-the-typology-of-modern-slavery/';

export interface PolarisType {
  code: string;
  label: Record<Locale, string>;
}

const t = (code: string, en: string, fr: string, es: string): PolarisType => ({ code, label: { en, fr, es } });

export const POLARIS_TYPES: readonly PolarisType[] = [
  t('escort_services', 'Escort Services', "Services d'escorte", 'Servicios de acompañantes'),
  t('illicit_massage_health_beauty', 'Illicit Massage, Health, and Beauty', 'Massage, santé et beauté illicites', 'Masajes, salud y belleza ilícitos'),
  t('outdoor_solicitation', 'Outdoor Solicitation', 'Racolage sur la voie publique', 'Comercio sexual en la vía pública'),
  t('residential', 'Residential', 'Résidentiel', 'Residencial'),
  t('domestic_work', 'Domestic Work', 'Travail domestique', 'Trabajo del hogar'),
  t('bars_strip_clubs_cantinas', 'Bars, Strip Clubs, and Cantinas', 'Bars, clubs de striptease et cantinas', 'Bares, clubes de striptease y cantinas'),
  t('pornography', 'Pornography', 'Pornographie', 'Pornografía'),
  t('traveling_sales_crews', 'Traveling Sales Crews', 'Équipes de vente itinérantes', 'Equipos de venta ambulante'),
  t('restaurants_food_service', 'Restaurants and Food Service', 'Restauration', 'Restaurantes y servicio de alimentos'),
  t('peddling_begging', 'Peddling and Begging', 'Colportage et mendicité', 'Venta callejera y mendicidad'),
  t('agriculture_animal_husbandry', 'Agriculture and Animal Husbandry', 'Agriculture et élevage', 'Agricultura y ganadería'),
  t('personal_sexual_servitude', 'Personal Sexual Servitude', 'Servitude sexuelle personnelle', 'Servidumbre sexual personal'),
  t('health_beauty_services', 'Health and Beauty Services', 'Services de santé et de beauté', 'Servicios de salud y belleza'),
  t('construction', 'Construction', 'Construction', 'Construcción'),
  t('hotels_hospitality', 'Hotels and Hospitality', 'Hôtellerie', 'Hotelería'),
  t('landscaping', 'Landscaping', 'Aménagement paysager', 'Jardinería y paisajismo'),
  t('illicit_activities', 'Illicit Activities', 'Activités illicites', 'Actividades ilícitas'),
  t('arts_entertainment', 'Arts and Entertainment', 'Arts et divertissement', 'Artes y entretenimiento'),
  t('commercial_cleaning_services', 'Commercial Cleaning Services', 'Services de nettoyage commercial', 'Servicios de limpieza comercial'),
  t('factories_manufacturing', 'Factories and Manufacturing', 'Usines et fabrication', 'Fábricas y manufactura'),
  t('remote_interactive_sexual_acts', 'Remote Interactive Sexual Acts', 'Actes sexuels interactifs à distance', 'Actos sexuales interactivos a distancia'),
  t('carnivals', 'Carnivals', 'Fêtes foraines', 'Ferias ambulantes'),
  t('forestry_logging', 'Forestry and Logging', 'Foresterie et exploitation forestière', 'Silvicultura y tala'),
  t('health_care', 'Health Care', 'Soins de santé', 'Atención de la salud'),
  t('recreational_facilities', 'Recreational Facilities', 'Installations récréatives', 'Instalaciones recreativas'),
];

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const BY_KEY: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const p of POLARIS_TYPES) {
    m.set(fold(p.code), p.code);
    for (const l of Object.values(p.label)) m.set(fold(l), p.code);
  }
  return m;
})();

/** The code of a Polaris type given as its code or its label in any language, or undefined. */
export function polarisCode(value: string): string | undefined {
  return BY_KEY.get(fold(value));
}

/** The label of a Polaris type (code or label given) in a language; the value itself when unknown. */
export function polarisLabel(value: string, locale: Locale): string {
  const code = polarisCode(value);
  return POLARIS_TYPES.find((p) => p.code === code)?.label[locale] ?? value;
}
