/** Every module's error catalogue, in the order they are consulted. */
import type { Catalogue } from '../domain/errors';
import { DEMO_ERRORS } from '../demo/errors';
import { domainCatalogue } from '../domain/errors-catalogue';
import { federationErrors } from '../federation/errors';
import { linkageCatalogue } from '../linkage/errors';
import { pprlCatalogue } from '../linkage/pprl/errors';
import { storeErrors } from '../store/errors';
import { serverCatalogue } from './errors';

export const ALL_CATALOGUES: Catalogue[] = [serverCatalogue, domainCatalogue, storeErrors, federationErrors as Catalogue, linkageCatalogue, pprlCatalogue, DEMO_ERRORS];
