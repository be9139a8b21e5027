/**
 * The node's HTTP server: security headers and a strict CSP, rate limits, sessions and
 * CSRF, strict request validation, localised errors, OpenAPI, the API routes and the web app.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { AppContext } from '../app/context';
import type { Config } from './config';
import { handleError } from './http-errors';
import { registerSessions } from './session';
import { validatorCompiler } from './validation';
import { registerRoutes } from './routes';
import { AlianzaError } from '../domain/errors';

import { VERSION } from './version';
export { VERSION };

export interface AppOptions {
  config: Config;
  ctx: AppContext;
  /** extra route registrations (federation endpoints, later modules) */
  plugins?: ((app: FastifyInstance) => Promise<void> | void)[];
  /** where logs go (default: standard output); tests pass a stream they read */
  logStream?: pino.DestinationStream;
}

export async function buildApp({ config, ctx, plugins = [], logStream }: AppOptions): Promise<FastifyInstance> {
  const logOptions: pino.LoggerOptions = {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.totp', '*.secret'],
      censor: '[redacted]',
    },
  };
  const logger = logStream ? pino(logOptions, logStream) : pino(logOptions);
  const https = config.tls ? { https: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile), minVersion: 'TLSv1.2' as const } } : {};
  const app = Fastify({
    ...(https as object),
    loggerInstance: logger,
    bodyLimit: config.bodyLimit,
    trustProxy: false,
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' }),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }) as unknown as FastifyInstance;
  (app as FastifyInstance & { alianzaDemo?: boolean }).alianzaDemo = config.demo;
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.tls ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: () => new AlianzaError('RATE_LIMITED'),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: `Alianza node API`, version: VERSION, description: 'The API of one Alianza node. Errors are `{error: {code, message, issues}}` with stable codes; messages follow the user\'s language.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'alianza_session' }, csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' } } },
      security: [{ session: [], csrf: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
    uiConfig: { docExpansion: 'list', deepLinking: false, url: '/api/openapi.json' },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSessions(app, ctx, config);
  await registerRoutes(app, { ctx, config });
  for (const p of plugins) await p(app);

  if (existsSync(path.join(config.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: ['index.html'], maxAge: '1h' });
  }
  app.setNotFoundHandler(async (request, reply) => {
    // pages of the app fall back to index.html; a missing file (a path with an extension) is a 404
    const pathname = request.url.split('?')[0] ?? '';
    const isPage = !pathname.startsWith('/api/') && !pathname.startsWith('/federation/') && !pathname.startsWith('/assets/') && !/\.[a-z0-9]{1,8}$/i.test(pathname);
    if (request.method === 'GET' && isPage && existsSync(path.join(config.webDist, 'index.html'))) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    throw new AlianzaError('NOT_FOUND');
  });
  return app;
}
