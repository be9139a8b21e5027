/**
 * The work of `alianza init`, `alianza start` and `alianza user add`. Loaded on demand by
 * node-commands.ts. `init` is all or nothing: every option is checked before anything is
 * written, and a failure half-way removes what it created.
 */
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AlianzaError } from '../domain/errors';
import { LOCALES, ROLES, type Locale, type Role } from '../domain/model';
import { normaliseCountry } from '../domain/values/country';
import { normaliseEmail } from '../domain/values/email';
import { addAgency, addUser } from '../app/user-service';
import { isWeakPassword } from '../app/passwords';
import { loadConfig } from '../server/config';
import { dbFile, initNodeFiles, nodeExists } from '../server/node-files';
import { openNode, type OpenNode } from '../server/open-node';
import { cliLocale, cliMessage } from './messages';
import type { InitOptions, StartOptions, UserAddOptions } from './node-commands';

const say = (code: string, params?: Record<string, string | number>) => console.log(cliMessage(code, cliLocale(), params));

const AGENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

function checkedEmail(option: string, value: string): string {
  const r = normaliseEmail(value);
  if (!r.ok) throw new AlianzaError('CLI_BAD_OPTION', { option, value });
  return r.value;
}

/** Files a node folder holds once `init` has run (what a failed init must take away again). */
function nodeArtefacts(dir: string): string[] {
  const db = dbFile(dir);
  return [path.join(dir, 'node.json'), path.join(dir, 'secrets'), db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
}

function folderHoldsANode(dir: string): boolean {
  if (nodeExists(dir) || existsSync(dbFile(dir))) return true;
  const secrets = path.join(dir, 'secrets');
  return existsSync(secrets) && readdirSync(secrets).length > 0;
}

export async function initNode(o: InitOptions): Promise<void> {
  const country = normaliseCountry(o.country);
  if (!country.ok) throw new AlianzaError('CLI_BAD_COUNTRY', { value: o.country });
  const name = o.name.trim();
  if (!name || name.length > 200) throw new AlianzaError('CLI_BAD_OPTION', { option: '--name', value: o.name });
  const adminEmail = checkedEmail('--admin-email', o.adminEmail);
  if (!AGENCY_CODE.test(o.agencyCode)) throw new AlianzaError('CLI_BAD_OPTION', { option: '--agency-code', value: o.agencyCode });
  if (!o.agencyName.trim()) throw new AlianzaError('CLI_BAD_OPTION', { option: '--agency-name', value: o.agencyName });
  const config = loadConfig({ ...process.env, ALIANZA_DATA: o.data });
  const dir = config.dataDir;
  if (folderHoldsANode(dir)) throw new AlianzaError('NODE_EXISTS', { dir });

  const folderExisted = existsSync(dir);
  let node: OpenNode | undefined;
  try {
    const file = initNodeFiles(dir, { country: country.value, name });
    node = await openNode(config);
    if (!config.databaseUrl) chmodSync(dbFile(dir), 0o600);
    const agency = await addAgency(node.ctx, null, { code: o.agencyCode, name: o.agencyName, country: file.country });
    const { password } = await addUser(node.ctx, null, { email: adminEmail, displayName: 'Administrator', role: 'admin', agencyId: agency.id, locale: cliLocale() });
    await node.store.close();
    node = undefined;
    say('NODE_CREATED', { country: file.country, name: file.name, dir });
    say('FINGERPRINTS');
    console.log(`  Ed25519 (${cliMessage('KEY_SIGNING', cliLocale())}):    ${file.keys.signing.fingerprint}`);
    console.log(`  X25519 (${cliMessage('KEY_ENCRYPTION', cliLocale())}):  ${file.keys.encryption.fingerprint}`);
    say('ADMIN_CREATED', { email: adminEmail, password });
  } catch (e) {
    await node?.store.close().catch(() => undefined);
    if (folderExisted) for (const f of nodeArtefacts(dir)) rmSync(f, { recursive: true, force: true });
    else rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export async function startNodeCommand(o: StartOptions): Promise<void> {
  const env = { ...process.env };
  if (o.data) env.ALIANZA_DATA = o.data;
  if (o.port) env.ALIANZA_PORT = o.port;
  if (o.host) env.ALIANZA_HOST = o.host;
  const config = loadConfig(env);
  const { startNode } = await import('../server/start');
  let node;
  try {
    node = await startNode(config);
  } catch (e) {
    if ((e as { code?: string }).code === 'EADDRINUSE') throw new AlianzaError('CLI_PORT_TAKEN', { port: config.port });
    throw e;
  }
  say('NODE_LISTENING', { country: node.ctx.node.country, url: node.url });
  const running = node;
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function addUserCommand(o: UserAddOptions): Promise<void> {
  if (!(ROLES as readonly string[]).includes(o.role)) throw new AlianzaError('CLI_BAD_OPTION', { option: '--role', value: o.role });
  if (!(LOCALES as readonly string[]).includes(o.locale)) throw new AlianzaError('CLI_BAD_OPTION', { option: '--locale', value: o.locale });
  const email = checkedEmail('--email', o.email);
  const config = loadConfig({ ...process.env, ALIANZA_DATA: o.data });
  if (o.password !== undefined && !config.demo && isWeakPassword(o.password, config.demoPassword)) throw new AlianzaError('CLI_WEAK_PASSWORD');
  const node = await openNode(config);
  try {
    const agency = await node.store.agencies.getByCode(o.agency.trim().toUpperCase());
    if (!agency) throw new AlianzaError('CLI_NO_AGENCY', { code: o.agency });
    const out = await addUser(node.ctx, null, {
      email,
      displayName: o.name ?? email,
      role: o.role as Role,
      agencyId: agency.id,
      locale: o.locale as Locale,
      ...(o.password !== undefined ? { password: o.password } : {}),
    });
    if (o.password !== undefined) say('USER_CREATED_WITH_PASSWORD', { email: out.user.email, role: out.user.role });
    else say('USER_CREATED', { email: out.user.email, role: out.user.role, password: out.password });
  } finally {
    await node.store.close();
  }
}
