/**
 * Storyline 1: a recruiter network in Mexico places workers on farms in Ontario and Georgia,
 * charging recruitment fees and confiscating passports. The recruiter, his agency and the
 * workers are drawn once from a stream shared by the three countries, then each node
 * records them its own way (names without accents, swapped surnames, typos, other dates).
 */
import type { Entity } from '../domain/model';
import type { ScenarioBuilder } from './builder';
import { buildCase } from './case-shape';
import { isoAt, isoDate } from './clock';
import { personName, randomName, stripAccents, type PersonName } from './names';
import { addressIn, fictionalNanpPhone, phoneIn, placeNamed, type DemoCountry, type Place } from './places';
import { birthDateFor, personProps, varyDate, varyName, type DateVariant, type NameVariant } from './people';
import { Rng } from './rng';

const STORY = 'recruiter-network' as const;
type FarmKey = 'erie' | 'norfolk' | 'satilla' | 'tift';

interface Farm {
  key: FarmKey;
  country: 'CA' | 'US';
  name: string;
  /** how Mexican records name it (workers' own words) */
  nameInMx: string;
  site: string;
  place: Place;
  phone: string;
  address: string;
  plantedInMx: boolean;
}

interface Worker {
  key: string;
  name: PersonName;
  birthDate: string;
  hometown: Place;
  phone: string;
  address: string;
  passport: string;
  feeMxn: number;
  recruitedDay: number;
  farms: Partial<Record<'CA' | 'US', FarmKey>>;
  abroad: Partial<Record<'CA' | 'US', AbroadVariant>>;
}

/** How a node abroad recorded the worker. */
interface AbroadVariant {
  name: NameVariant;
  date: DateVariant;
  localPhone: string | null;
  passportTypo: boolean;
}

interface Canon {
  recruiter: { name: PersonName; birthDate: string; phone: string; address: string };
  associate: { name: PersonName; phone: string };
  org: { name: string; phone: string; address: string };
  farms: Record<FarmKey, Farm>;
  workers: Worker[];
}

const slug = (s: string): string => stripAccents(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The facts of the storyline, identical for the three countries. */
function canon(seed: number): Canon {
  const rng = Rng.stream(seed, 'shared', STORY);
  const irapuato = placeNamed('MX', 'Irapuato');
  const farm = (key: FarmKey, country: 'CA' | 'US', city: string, name: string, nameInMx: string, site: string, plantedInMx: boolean): Farm => {
    const place = placeNamed(country, city);
    return { key, country, name, nameInMx, site, place, phone: fictionalNanpPhone(rng, place), address: addressIn(rng, place), plantedInMx };
  };
  const farms: Record<FarmKey, Farm> = {
    erie: farm('erie', 'CA', 'Leamington', 'Erie Shore Greenhouses Ltd.', 'Erie Shore Greenhouses', 'Erie Shore Greenhouses (Range 4)', true),
    norfolk: farm('norfolk', 'CA', 'Simcoe', 'Norfolk Berry Farms Inc.', 'Norfolk Berry', 'Norfolk Berry Farms (bunkhouse lot)', false),
    satilla: farm('satilla', 'US', 'Vidalia', 'Satilla River Onion Growers LLC', 'Satilla River Onion', 'Satilla River Onion Growers (packing shed)', true),
    tift: farm('tift', 'US', 'Tifton', 'Tift Valley Produce LLC', 'Tift Valley', 'Tift Valley Produce (field camp 2)', false),
  };
  const hometowns = ['Irapuato', 'Celaya', 'Morelia', 'Oaxaca de Juárez', 'Culiacán'].map((c) => placeNamed('MX', c));
  const variantsFor = (): AbroadVariant => ({
    name: rng.pick<NameVariant>(['accents', 'one-surname', 'swapped', 'typo', 'short-given', 'hyphen']),
    date: rng.pick<DateVariant>(['exact', 'exact', 'day-month-swapped', 'year-only', 'off-by-one']),
    localPhone: null,
    passportTypo: rng.chance(0.2),
  });
  // destinations: 0-3 Canada, 4-6 Georgia, 7-9 Canada then Georgia
  const farmPlan: Array<Worker['farms']> = [
    { CA: 'erie' }, { CA: 'erie' }, { CA: 'erie' }, { CA: 'norfolk' },
    { US: 'satilla' }, { US: 'satilla' }, { US: 'tift' },
    { CA: 'erie', US: 'satilla' }, { CA: 'erie', US: 'satilla' }, { CA: 'norfolk', US: 'tift' },
  ];
  const workers = farmPlan.map((farms, i): Worker => {
    const hometown = rng.pick(hometowns);
    const name = randomName(rng, 'es', { gender: i === 2 || i === 8 ? 'female' : 'male' });
    const w: Worker = {
      key: `worker:${slug(name.name)}`,
      name,
      birthDate: birthDateFor(rng, 21, 48, false),
      hometown,
      phone: phoneIn(rng, hometown),
      address: addressIn(rng, hometown),
      passport: `G${rng.digits(8)}`,
      feeMxn: rng.int(18, 45) * 1000,
      recruitedDay: rng.int(10, 80),
      farms,
      abroad: {},
    };
    for (const c of ['CA', 'US'] as const) {
      if (!farms[c]) continue;
      const v = variantsFor();
      if (rng.chance(0.4)) v.localPhone = phoneIn(rng, farmsPlace(farms[c]!, c));
      w.abroad[c] = v;
    }
    return w;
  });
  return {
    recruiter: {
      name: personName('José Luis', 'Hernández', 'male', 'Ruiz'),
      birthDate: birthDateFor(rng, 50, 58, false),
      phone: `+5255${rng.int(2, 9)}${rng.digits(7)}`,
      address: addressIn(rng, irapuato),
    },
    associate: { name: personName('Rogelio', 'Ibáñez', 'male', 'Núñez'), phone: phoneIn(rng, irapuato) },
    org: { name: 'Enlace Agrícola Internacional del Bajío, S.A. de C.V.', phone: phoneIn(rng, irapuato), address: addressIn(rng, irapuato) },
    farms,
    workers,
  };
}

function farmsPlace(key: FarmKey, country: 'CA' | 'US'): Place {
  const city = { erie: 'Leamington', norfolk: 'Simcoe', satilla: 'Vidalia', tift: 'Tifton' }[key];
  return placeNamed(country, city);
}

const inCountry = (w: Worker, c: DemoCountry): boolean => c === 'MX' || w.farms[c as 'CA' | 'US'] !== undefined;
const workerCountries = (w: Worker): DemoCountry[] => (['MX', 'CA', 'US'] as const).filter((c) => inCountry(w, c));

/** "+52 55 1234 5678" in the ways other countries write a Mexican number. */
export function mexicanPhoneAsWritten(e164: string, style: 'mx' | 'ca-dial' | 'old-mobile'): string {
  const area = e164.slice(3, 5);
  const rest = e164.slice(5);
  const a = rest.slice(0, 4);
  const b = rest.slice(4);
  if (style === 'ca-dial') return `011-52-${area}-${a}-${b}`;
  if (style === 'old-mobile') return `+52 1 ${area} ${a} ${b}`;
  return `+52 ${area} ${a} ${b}`;
}

export function plantRecruiterNetwork(b: ScenarioBuilder, seed: number): void {
  const c = canon(seed);
  const rng = Rng.stream(seed, b.country, STORY);
  if (b.country === 'MX') mexico(b, rng, c);
  else abroad(b, rng, c, b.country);
}

function mexico(b: ScenarioBuilder, rng: Rng, c: Canon): void {
  const at = isoAt(12, 9 * 60);
  const irapuato = placeNamed('MX', 'Irapuato');
  const recruiter = b.entity(rng, 'Person', personProps({ name: c.recruiter.name, birthDate: c.recruiter.birthDate, nationality: 'MX', phone: c.recruiter.phone, address: c.recruiter.address }), { agency: 'police', at, crossBorder: true });
  const recruiterPhone = b.entity(rng, 'Phone', { number: c.recruiter.phone, country: 'MX' }, { agency: 'police', at, crossBorder: true });
  const associate = b.entity(rng, 'Person', personProps({ name: c.associate.name, nationality: 'MX', phone: c.associate.phone }), { agency: 'police', at });
  const org = b.entity(rng, 'Organization', { name: c.org.name, country: 'MX', sector: 'recruitment', phone: c.org.phone, address: c.org.address }, { agency: 'police', at, crossBorder: true });
  const farms: Partial<Record<FarmKey, Entity>> = {};
  for (const f of Object.values(c.farms).filter((x) => x.plantedInMx)) {
    farms[f.key] = b.entity(rng, 'Organization', { name: f.nameInMx, country: f.country, sector: 'agriculture' }, { agency: 'police', at, crossBorder: true });
    b.note({ key: `farm:${f.key}`, storyline: STORY, schema: 'Organization', label: f.name, variant: f.nameInMx, presentIn: ['MX', f.country], entityIds: [farms[f.key]!.id] });
  }
  b.note({ key: 'recruiter:jose-luis-hernandez-ruiz', storyline: STORY, schema: 'Person', label: c.recruiter.name.name, variant: recruiter.caption, presentIn: ['MX', 'CA', 'US'], entityIds: [recruiter.id] });
  b.note({ key: 'phone:recruiter', storyline: STORY, schema: 'Phone', label: c.recruiter.phone, variant: mexicanPhoneAsWritten(c.recruiter.phone, 'mx'), presentIn: ['MX', 'CA', 'US'], entityIds: [recruiterPhone.id] });
  b.note({ key: 'org:enlace-agricola', storyline: STORY, schema: 'Organization', label: c.org.name, variant: c.org.name, presentIn: ['MX', 'CA', 'US'], entityIds: [org.id] });
  const edges: Entity[] = [
    b.edge(rng, 'Association', recruiter, org, { role: 'representante legal', startDate: '2019' }, { agency: 'police', at }),
    b.edge(rng, 'Association', associate, recruiter, { role: 'cobrador de cuotas', startDate: '2024' }, { agency: 'police', at }),
  ];
  const workers = c.workers.map((w) => {
    const p = b.entity(rng, 'Person', personProps({ name: w.name, birthDate: w.birthDate, nationality: 'MX', phone: w.phone, address: w.address }), { agency: 'police', at, crossBorder: true });
    const passport = b.entity(rng, 'IdentityDocument', { type: 'passport', number: w.passport, country: 'MX', holder: p.id }, { agency: 'police', at, crossBorder: true });
    const e = [
      b.edge(rng, 'Recruitment', recruiter, p, { startDate: isoDate(w.recruitedDay), program: w.farms.CA ? 'SAWP' : 'H-2A', country: w.farms.CA ? 'CA' : 'US' }, { agency: 'police', at }),
      b.edge(rng, 'Payment', p, org, { amount: w.feeMxn, currency: 'MXN', date: isoDate(w.recruitedDay + rng.int(1, 12)), purpose: 'cuota de reclutamiento', method: rng.pick(['cash', 'money_transfer_service']) }, { agency: 'police', at }),
    ];
    for (const [country, fk] of Object.entries(w.farms) as Array<['CA' | 'US', FarmKey]>) {
      const farm = farms[fk];
      if (farm) e.push(b.edge(rng, 'Employment', farm, p, { startDate: isoDate(country === 'CA' ? 98 : 70), role: 'jornalero agrícola', country }, { agency: 'police', at }));
    }
    edges.push(...e);
    b.note({ key: w.key, storyline: STORY, schema: 'Person', label: w.name.name, variant: p.caption, presentIn: workerCountries(w), entityIds: [p.id] });
    b.note({ key: `passport:${w.passport}`, storyline: STORY, schema: 'IdentityDocument', label: w.passport, variant: w.passport, presentIn: workerCountries(w), entityIds: [passport.id] });
    return { w, p, passport, edges: e };
  });

  const phoneTxt = mexicanPhoneAsWritten(c.recruiter.phone, 'mx');
  const main = buildCase(b, rng, {
    type: 'labour_trafficking', status: 'investigating', lang: 'es', agency: 'police', day: 150, tlp: 'AMBER+STRICT', labourProgram: 'SAWP',
    polarisType: 'Agriculture and Animal Husbandry', child: false,
    title: 'Red de reclutamiento fraudulento — Irapuato (Hernández Ruiz)',
    narrative:
      `Investigación por trata con fines de explotación laboral. José Luis Hernández Ruiz (tel. ${phoneTxt}), representante de ${c.org.name} en ${irapuato.city}, Gto., ` +
      `cobra cuotas de 18,000 a 45,000 pesos a jornaleros de Guanajuato, Michoacán, Oaxaca y Sinaloa por colocarlos en invernaderos de Leamington, Ontario (PTAT/SAWP) ` +
      `y en campos de cebolla de Georgia (H-2A). Los trabajadores refieren que al llegar les retuvieron el pasaporte y que la deuda se descuenta del salario. ` +
      `Rogelio Ibáñez Núñez cobra las cuotas en efectivo. Se solicitará información a Canadá y Estados Unidos.`,
    indicators: ['deception', 'debt_bondage', 'retention_of_identity_documents', 'withholding_of_wages'],
    evidence: {
      deception: 'Les ofrecieron vivienda gratuita y un salario mayor al del contrato que firmaron al llegar.',
      debt_bondage: 'Cuotas de 18,000 a 45,000 pesos pagadas con préstamos; la deuda se descuenta del salario.',
      retention_of_identity_documents: 'Pasaportes retenidos por el encargado de la finca al llegar.',
      withholding_of_wages: 'Los descuentos por vivienda y "deuda" dejan el salario casi en cero.',
    },
  });
  b.member(main, 'investigator', 'investigator');
  b.member(main, 'analyst', 'investigator');
  b.subject(main, recruiter, 'recruiter');
  b.subject(main, associate, 'suspect');
  b.subject(main, org, 'recruiter');
  for (const f of Object.values(farms)) b.subject(main, f, 'employer');
  for (const x of workers) {
    b.subject(main, x.p, 'victim');
    b.link(main, x.passport);
  }
  for (const e of [recruiterPhone, ...edges]) b.link(main, e);

  const reportCase = (idx: number[], program: 'SAWP' | 'H-2A', day: number, status: 'open' | 'investigating', where: string): void => {
    const ws = workers.filter((_, i) => idx.includes(i));
    const k = buildCase(b, rng, {
      type: program === 'SAWP' ? 'forced_labour' : 'labour_trafficking', status, lang: 'es', agency: 'labour', day, tlp: program === 'SAWP' ? 'GREEN' : 'AMBER', labourProgram: program,
      polarisType: 'Agriculture and Animal Husbandry', child: false,
      title: `Queja de jornaleros retornados — ${where}`,
      narrative:
        `Reporte de trabajadores (${isoDate(day)}): ${ws.map((x) => x.w.name.name).join(', ')} regresaron de ${where} y declaran que pagaron cuotas a ` +
        `${c.org.name} ("el licenciado José Luis"), que el patrón guardó sus pasaportes y que trabajaron jornadas de 12 a 14 horas. Piden orientación sobre sus derechos.`,
      indicators: ['retention_of_identity_documents', 'debt_bondage', 'excessive_overtime'],
    });
    b.member(k, 'inspector', 'investigator');
    b.subject(k, org, 'recruiter');
    for (const x of ws) {
      b.subject(k, x.p, 'worker');
      for (const e of x.edges) b.link(k, e);
    }
  };
  reportCase([0, 1, 2], 'SAWP', 196, 'open', 'Leamington, Ontario');
  reportCase([4, 5, 6], 'H-2A', 228, 'investigating', 'Georgia, EE. UU.');

  const w7 = workers[7]!;
  const ref = buildCase(b, rng, {
    type: 'labour_trafficking', status: 'open', lang: 'es', agency: 'victims', day: 252, tlp: 'AMBER', labourProgram: 'SAWP', child: false,
    polarisType: 'Agriculture and Animal Husbandry',
    title: `Canalización desde Canadá — ${w7.w.name.name}`,
    narrative:
      `Canalización recibida (${isoDate(252)}) de los servicios a víctimas de Canadá: ${w7.w.name.name}, originario(a) de ${w7.w.hometown.city}, ` +
      `trabajó en Leamington y después en Georgia; regresa a México y requiere atención psicológica, asesoría jurídica y apoyo para recuperar su pasaporte ${w7.w.passport}.`,
  });
  b.member(ref, 'caseworker', 'caseworker');
  b.subject(ref, w7.p, 'victim');
  b.subject(ref, recruiter, 'recruiter');
  b.link(ref, w7.passport);
}

function abroad(b: ScenarioBuilder, rng: Rng, c: Canon, country: 'CA' | 'US'): void {
  const at = isoAt(country === 'CA' ? 180 : 220, 10 * 60);
  const lang = 'en';
  const recName = country === 'CA' ? personName('Jose', 'Hernandez', 'male') : personName('J. L.', 'Hernandez', 'male');
  const recruiter = b.entity(rng, 'Person', personProps({ name: recName, nationality: 'MX', phone: c.recruiter.phone, birthDate: country === 'CA' ? c.recruiter.birthDate.slice(0, 4) : undefined }), { agency: 'police', at, crossBorder: true });
  const recruiterPhone = b.entity(rng, 'Phone', { number: c.recruiter.phone, country: 'MX' }, { agency: 'police', at, crossBorder: true });
  const orgName = country === 'CA' ? 'Enlace Agricola Internacional' : 'Enlace Agricola Intl. SA de CV';
  const org = b.entity(rng, 'Organization', { name: orgName, country: 'MX', sector: 'recruitment', phone: country === 'CA' ? c.org.phone : undefined }, { agency: 'police', at, crossBorder: true });
  const phoneStyle = country === 'CA' ? 'ca-dial' : 'old-mobile';
  b.note({ key: 'recruiter:jose-luis-hernandez-ruiz', storyline: STORY, schema: 'Person', label: c.recruiter.name.name, variant: recName.name, presentIn: ['MX', 'CA', 'US'], entityIds: [recruiter.id] });
  b.note({ key: 'phone:recruiter', storyline: STORY, schema: 'Phone', label: c.recruiter.phone, variant: mexicanPhoneAsWritten(c.recruiter.phone, phoneStyle), presentIn: ['MX', 'CA', 'US'], entityIds: [recruiterPhone.id] });
  b.note({ key: 'org:enlace-agricola', storyline: STORY, schema: 'Organization', label: c.org.name, variant: orgName, presentIn: ['MX', 'CA', 'US'], entityIds: [org.id] });
  const edges: Entity[] = [b.edge(rng, 'Association', recruiter, org, { role: 'owner', startDate: '2019' }, { agency: 'police', at })];

  const farmKeys = (Object.keys(c.farms) as FarmKey[]).filter((k) => c.farms[k].country === country);
  const farmOrg: Partial<Record<FarmKey, Entity>> = {};
  const farmSite: Partial<Record<FarmKey, Entity>> = {};
  const managers: Partial<Record<FarmKey, Entity>> = {};
  for (const k of farmKeys) {
    const f = c.farms[k];
    farmOrg[k] = b.entity(rng, 'Organization', { name: f.name, country, sector: 'agriculture', phone: f.phone, address: f.address }, { agency: 'labour', at, crossBorder: f.plantedInMx });
    farmSite[k] = b.entity(rng, 'Worksite', { name: f.site, address: f.address, country, sector: 'agriculture' }, { agency: 'labour', at });
    if (f.plantedInMx) b.note({ key: `farm:${k}`, storyline: STORY, schema: 'Organization', label: f.name, variant: f.name, presentIn: ['MX', country], entityIds: [farmOrg[k]!.id] });
    const m = randomName(rng, 'en');
    managers[k] = b.entity(rng, 'Person', personProps({ name: m, nationality: country, phone: fictionalNanpPhone(rng, f.place), birthDate: birthDateFor(rng, 35, 62) }), { agency: 'police', at, crossBorder: true });
    edges.push(
      b.edge(rng, 'Ownership', farmOrg[k]!, farmSite[k]!, { startDate: '2012' }, { agency: 'labour', at }),
      b.edge(rng, 'Employment', farmOrg[k]!, managers[k]!, { role: country === 'CA' ? 'farm manager' : 'crew leader', startDate: '2018' }, { agency: 'police', at }),
      b.edge(rng, 'Communication', managers[k]!, recruiter, { startDate: isoDate(rng.int(30, 90)), method: 'WhatsApp' }, { agency: 'police', at }),
    );
  }

  const currency = country === 'CA' ? 'CAD' : 'USD';
  const rate = country === 'CA' ? 13 : 18;
  const here = c.workers.filter((w) => w.farms[country]);
  const workers = here.map((w) => {
    const v = w.abroad[country]!;
    const name = varyName(rng, w.name, v.name);
    const startDay = country === 'CA' ? 98 + rng.int(0, 10) : w.farms.CA ? 215 : 62 + rng.int(0, 10);
    const p = b.entity(rng, 'Person', personProps({ name, birthDate: varyDate(w.birthDate, v.date), nationality: 'MX', phone: v.localPhone ?? w.phone }), { agency: 'labour', at, crossBorder: true });
    const passportNo = v.passportTypo ? w.passport.slice(0, 3) + w.passport[4] + w.passport[3] + w.passport.slice(5) : w.passport;
    const passport = b.entity(rng, 'IdentityDocument', { type: 'passport', number: passportNo, country: 'MX', holder: p.id, heldBy: country === 'CA' ? 'farm manager' : 'crew leader' }, { agency: 'labour', at, crossBorder: true });
    const fk = w.farms[country]!;
    const e = [
      b.edge(rng, 'Employment', farmOrg[fk]!, p, { startDate: isoDate(startDay), endDate: country === 'CA' && w.farms.US ? isoDate(205) : undefined, role: 'farm worker', program: country === 'CA' ? (fk === 'norfolk' ? 'TFWP' : 'SAWP') : 'H-2A' }, { agency: 'labour', at }),
      b.edge(rng, 'Recruitment', recruiter, p, { startDate: isoDate(w.recruitedDay).slice(0, 7) }, { agency: 'police', at }),
      b.edge(rng, 'Payment', p, recruiter, { amount: Math.round(w.feeMxn / rate / 50) * 50, currency, date: isoDate(w.recruitedDay).slice(0, 7), purpose: 'recruitment fee', method: 'cash' }, { agency: 'police', at }),
    ];
    edges.push(...e);
    b.note({ key: w.key, storyline: STORY, schema: 'Person', label: w.name.name, variant: name.name, presentIn: workerCountries(w), entityIds: [p.id] });
    b.note({ key: `passport:${w.passport}`, storyline: STORY, schema: 'IdentityDocument', label: w.passport, variant: passportNo, presentIn: workerCountries(w), entityIds: [passport.id] });
    return { w, p, passport, fk, name, edges: e };
  });

  const program = country === 'CA' ? 'SAWP' : 'H-2A';
  const main = farmKeys[0]!;
  const mainFarm = c.farms[main];
  const atMain = workers.filter((x) => x.fk === main);
  const inspection = buildCase(b, rng, {
    type: 'forced_labour', status: 'investigating', lang, agency: 'labour', day: country === 'CA' ? 184 : 224, tlp: 'AMBER', labourProgram: program,
    polarisType: 'Agriculture and Animal Husbandry', child: false,
    title: `Forced labour — ${mainFarm.name}, ${mainFarm.place.city}`,
    narrative:
      `Inspection at ${mainFarm.site} (${mainFarm.place.city}, ${mainFarm.place.region}, ${isoDate(country === 'CA' ? 184 : 224)}): ` +
      `${atMain.map((x) => x.name.name).join(', ')} said their passports were held in the office "for safekeeping", that they paid fees of ${currency} ` +
      `${country === 'CA' ? '1,400-3,500' : '1,000-2,500'} to a recruiter in Mexico, and that deductions for housing and "the debt" left them almost nothing. ` +
      `${atMain.length} passports were found in a drawer of the manager's office.`,
    indicators: ['retention_of_identity_documents', 'debt_bondage', 'withholding_of_wages', 'abusive_working_living_conditions'],
    evidence: {
      retention_of_identity_documents: `${atMain.length} workers' passports found in a drawer of the manager's office.`,
      debt_bondage: `Recruitment fees paid in Mexico, repaid through deductions (${currency}).`,
      withholding_of_wages: 'Deductions for housing and "the debt" leave almost nothing of the wage.',
      abusive_working_living_conditions: 'Ten workers share one bunkhouse with a single bathroom.',
    },
  });
  b.member(inspection, 'inspector', 'investigator');
  b.subject(inspection, farmOrg[main]!, 'employer');
  b.subject(inspection, managers[main]!, 'suspect');
  b.link(inspection, farmSite[main]!);
  for (const x of atMain) {
    b.subject(inspection, x.p, 'worker');
    b.link(inspection, x.passport);
    for (const e of x.edges) b.link(inspection, e);
  }

  const phoneTxt = mexicanPhoneAsWritten(c.recruiter.phone, phoneStyle);
  const crim = buildCase(b, rng, {
    type: 'labour_trafficking', status: country === 'CA' ? 'investigating' : 'prosecution', lang, agency: 'police', day: country === 'CA' ? 194 : 238,
    tlp: country === 'CA' ? 'AMBER+STRICT' : 'RED', labourProgram: program, polarisType: 'Agriculture and Animal Husbandry', child: false,
    title: `Labour trafficking — recruiter "${recName.name}" and ${country === 'CA' ? 'Ontario' : 'Georgia'} farms`,
    narrative:
      `${recName.name} (phone ${phoneTxt}, agency "${orgName}") recruits workers in Mexico for ${farmKeys.map((k) => c.farms[k].name).join(' and ')}. ` +
      `Workers describe fees paid in cash and by transfer, passports taken on arrival and threats that their families would be charged if they left. ` +
      `${country === 'CA' ? 'Messages between the farm manager and the recruiter obtained under production order.' : 'Crew leader charged; request for assistance sent to Mexico about the recruiter.'}`,
    indicators: ['deception', 'debt_bondage', 'retention_of_identity_documents', 'intimidation_threats'],
    evidence: {
      deception: 'Workers were promised overtime pay and free housing.',
      debt_bondage: 'Fees paid to the recruiter in Mexico, with loans from his associate.',
      retention_of_identity_documents: 'Passports taken on arrival by the farm manager.',
      intimidation_threats: 'Told that their families would be charged the fee again if they left.',
    },
  });
  b.member(crim, 'investigator', 'investigator');
  b.subject(crim, recruiter, 'recruiter');
  b.subject(crim, org, 'recruiter');
  for (const k of farmKeys) {
    b.subject(crim, managers[k]!, 'suspect');
    b.subject(crim, farmOrg[k]!, 'employer');
  }
  for (const x of workers) b.subject(crim, x.p, 'victim');
  for (const e of [recruiterPhone, ...edges]) b.link(crim, e);

  const second = farmKeys[1]!;
  const atSecond = workers.filter((x) => x.fk === second);
  const f2 = c.farms[second];
  const k2 = buildCase(b, rng, {
    type: 'forced_labour', status: 'open', lang, agency: country === 'CA' ? 'police2' : 'labour', day: country === 'CA' ? 210 : 232, tlp: 'GREEN',
    labourProgram: country === 'CA' ? 'TFWP' : 'H-2A', polarisType: 'Agriculture and Animal Husbandry', child: false,
    title: `Worker report — ${f2.name}, ${f2.place.city}`,
    narrative:
      `Worker report (${isoDate(country === 'CA' ? 210 : 232)}): ${atSecond.map((x) => x.name.name).join(' and ')} report ${country === 'CA' ? '70-hour weeks' : 'unpaid piece-rate work'} ` +
      `at ${f2.site}; the same recruiter in Mexico ("Jose", "Licenciado Hernandez") arranged their visas.`,
    indicators: ['excessive_overtime', 'withholding_of_wages'],
  });
  b.subject(k2, farmOrg[second]!, 'employer');
  b.subject(k2, recruiter, 'recruiter');
  b.link(k2, farmSite[second]!);
  for (const x of atSecond) b.subject(k2, x.p, 'worker');

  const both = workers.filter((x) => x.w.farms.CA && x.w.farms.US);
  const victimCase = buildCase(b, rng, {
    type: 'labour_trafficking', status: 'open', lang, agency: 'victims', day: country === 'CA' ? 240 : 258, tlp: 'AMBER', labourProgram: program, child: false,
    polarisType: 'Agriculture and Animal Husbandry',
    title: country === 'CA' ? 'Victim support — seasonal workers, referral to Mexico' : 'Victim assistance — H-2A workers, T visa certification',
    narrative:
      country === 'CA'
        ? `${both.map((x) => x.name.name).join(', ')} left Leamington in July for jobs in Georgia arranged by the same recruiter. Open work permit for vulnerable workers explained; consent obtained to refer ${both[0]?.name.name} to victim services in Mexico.`
        : `${both.map((x) => x.name.name).join(', ')} came to Georgia in August after a season in Ontario. Continued presence requested; T visa certification in preparation; shelter and legal aid arranged.`,
  });
  b.member(victimCase, 'caseworker', 'caseworker');
  for (const x of both) {
    b.subject(victimCase, x.p, 'victim');
    b.link(victimCase, x.passport);
  }
  b.subject(victimCase, recruiter, 'recruiter');
}
