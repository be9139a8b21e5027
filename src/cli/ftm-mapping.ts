/**
 * Our entities as FollowTheMoney entities ({id, schema, properties}) for Aleph and other FtM
 * tools. Our edges name their ends `source` and `target`; FtM names them per schema
 * (Employment: employer/employee, Ownership: owner/asset, ...). FtM has no Phone and no
 * e-mail-address entity: their values are folded into the `phone` / `email` property of
 * the people and organisations that own them (an Ownership edge), and the Phone and Email
 * entities and those edges are left out. Schemata FtM lacks (Travel, Recruitment,
 * Communication, Worksite) keep their name and our property names. Properties without an
 * FtM equivalent go, as "name: value" lines, into the entity's `summary`.
 * docs/import.md lists the whole mapping.
 */
import type { Entity } from '../domain/model';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

interface SchemaMap {
  /** FtM schema name */
  ftm: string;
  /** our property -> FtM property (null: never exported) */
  props: Record<string, string | null>;
}

const INTERVAL = { startDate: 'startDate', endDate: 'endDate', summary: 'summary' };

export const FTM_SCHEMATA: Readonly<Record<string, SchemaMap>> = {
  Person: {
    ftm: 'Person',
    props: {
      name: 'name', givenName: 'firstName', surname: 'lastName', secondSurname: 'lastName', alias: 'alias', birthDate: 'birthDate', birthPlace: 'birthPlace',
      nationality: 'nationality', gender: 'gender', phone: 'phone', email: 'email', address: 'address', idNumber: 'idNumber', passportNumber: 'passportNumber',
      occupation: 'position', notes: 'notes',
    },
  },
  Organization: {
    ftm: 'Organization',
    props: {
      name: 'name', alias: 'alias', registrationNumber: 'registrationNumber', taxNumber: 'taxNumber', country: 'country', address: 'address', phone: 'phone',
      email: 'email', website: 'website', sector: 'sector', notes: 'notes',
    },
  },
  Address: {
    ftm: 'Address',
    props: { full: 'full', street: 'street', city: 'city', region: 'region', postalCode: 'postalCode', country: 'country', latitude: 'latitude', longitude: 'longitude' },
  },
  BankAccount: { ftm: 'BankAccount', props: { accountNumber: 'accountNumber', clabe: 'accountNumber', iban: 'iban', bic: 'bic', bankName: 'bankName', country: 'country', notes: 'notes' } },
  IdentityDocument: {
    ftm: 'Identification',
    props: { number: 'number', type: 'type', country: 'country', issueDate: 'startDate', expiryDate: 'endDate', holder: 'holder', authority: 'authority' },
  },
  Vehicle: { ftm: 'Vehicle', props: { registrationNumber: 'registrationNumber', registrationCountry: 'country', kind: 'type', make: 'model', model: 'model', year: 'buildDate', notes: 'notes' } },
  OnlineAccount: {
    ftm: 'UserAccount',
    props: { handle: 'username', displayName: 'name', platform: 'service', url: 'sourceUrl', phone: 'number', title: 'summary', adText: 'description', city: 'address', notes: 'notes' },
  },
  Employment: { ftm: 'Employment', props: { ...INTERVAL, source: 'employer', target: 'employee', role: 'role' } },
  Ownership: { ftm: 'Ownership', props: { ...INTERVAL, source: 'owner', target: 'asset', role: 'role', percentage: 'percentage' } },
  Family: { ftm: 'Family', props: { ...INTERVAL, source: 'person', target: 'relative', relationship: 'relationship' } },
  Association: { ftm: 'Associate', props: { ...INTERVAL, source: 'person', target: 'associate', role: 'relationship' } },
  Payment: {
    ftm: 'Payment',
    props: { ...INTERVAL, source: 'payer', target: 'beneficiary', amount: 'amount', currency: 'currency', date: 'date', purpose: 'purpose', reference: 'transactionNumber' },
  },
};

/** Schemata kept under their own name, with `source`/`target` (FtM has no equivalent). */
export const FTM_UNMAPPED = ['Travel', 'Recruitment', 'Communication', 'Worksite'] as const;

/** Entities whose values are folded into their owners instead of being exported. */
const FOLDED: Record<string, { value: string; into: 'phone' | 'email' }> = {
  Phone: { value: 'number', into: 'phone' },
  Email: { value: 'email', into: 'email' },
};

const FTM_GENDER: Record<string, string> = { female: 'female', male: 'male', non_binary: 'other' };

export interface FtmStats {
  exported: number;
  /** Phone and Email entities folded into at least one owner */
  folded: number;
  /** Phone and Email entities without an owner, left out */
  unowned: number;
  /** entities exported under a schema FtM does not have */
  unmapped: number;
}

/**
 * Two passes over the entities: `observe` each one (to learn which phones and e-mails
 * belong to whom, and every entity's schema), then `convert` each one.
 */
export class FtmExport {
  private readonly schemaOf = new Map<string, string>();
  private readonly foldedValues = new Map<string, { into: 'phone' | 'email'; values: string[] }>();
  private readonly owned = new Map<string, { phone: string[]; email: string[] }>();
  private readonly ownershipEdges: { id: string; owner: string; asset: string }[] = [];
  private resolved = false;
  readonly stats: FtmStats = { exported: 0, folded: 0, unowned: 0, unmapped: 0 };

  observe(e: Entity): void {
    this.schemaOf.set(e.id, e.schema);
    const fold = FOLDED[e.schema];
    if (fold) this.foldedValues.set(e.id, { into: fold.into, values: e.properties[fold.value] ?? [] });
    if (e.schema === 'Ownership') {
      const owner = e.properties.source?.[0];
      const asset = e.properties.target?.[0];
      if (owner && asset) this.ownershipEdges.push({ id: e.id, owner, asset });
    }
  }

  private resolve(): void {
    if (this.resolved) return;
    this.resolved = true;
    const owners = new Set<string>();
    for (const edge of this.ownershipEdges) {
      const folded = this.foldedValues.get(edge.asset);
      const ownerSchema = this.schemaOf.get(edge.owner);
      if (!folded || (ownerSchema !== 'Person' && ownerSchema !== 'Organization')) continue;
      const bag = this.owned.get(edge.owner) ?? { phone: [], email: [] };
      for (const v of folded.values) if (!bag[folded.into].includes(v)) bag[folded.into].push(v);
      this.owned.set(edge.owner, bag);
      owners.add(edge.asset);
    }
    for (const id of this.foldedValues.keys()) {
      if (owners.has(id)) this.stats.folded++;
      else this.stats.unowned++;
    }
  }

  /** The FtM entity, or null when the entity is folded into another one. */
  convert(e: Entity): FtmEntity | null {
    this.resolve();
    if (FOLDED[e.schema]) return null;
    if (e.schema === 'Ownership' && FOLDED[this.schemaOf.get(e.properties.target?.[0] ?? '') ?? '']) return null;
    const map = FTM_SCHEMATA[e.schema];
    this.stats.exported++;
    if (!map) {
      this.stats.unmapped++;
      return { id: e.id, schema: e.schema, properties: { ...e.properties } };
    }
    const out: Record<string, string[]> = {};
    const add = (prop: string, values: string[]) => {
      const list = (out[prop] ??= []);
      for (const v of values) if (!list.includes(v)) list.push(v);
    };
    const leftOver: string[] = [];
    for (const [prop, values] of Object.entries(e.properties)) {
      const target = map.props[prop];
      if (target === null) continue;
      if (target === undefined) {
        for (const v of values) leftOver.push(`${prop}: ${v}`);
        continue;
      }
      if (prop === 'gender') add(target, values.map((v) => FTM_GENDER[v]).filter((v): v is string => !!v));
      else if (e.schema === 'Payment' && (prop === 'source' || prop === 'target')) {
        const account = values.filter((id) => this.schemaOf.get(id) === 'BankAccount');
        add(prop === 'source' ? 'payerAccount' : 'beneficiaryAccount', account);
        add(target, values.filter((id) => !account.includes(id)));
      } else add(target, values);
    }
    const extra = this.owned.get(e.id);
    if (extra) {
      if (extra.phone.length) add('phone', extra.phone);
      if (extra.email.length) add('email', extra.email);
    }
    if (leftOver.length) add('summary', [leftOver.join('; ')]);
    for (const [k, v] of Object.entries(out)) if (!v.length) delete out[k];
    return { id: e.id, schema: map.ftm, properties: out };
  }
}
