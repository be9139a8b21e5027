/** Which language a request speaks: the signed-in user's, else Accept-Language, else English. */
import type { FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../domain/model';

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: (tag ?? '').slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const r of ranked) if ((LOCALES as readonly string[]).includes(r.lang)) return r.lang as Locale;
  return 'en';
}

export function requestLocale(request: FastifyRequest): Locale {
  const user = (request as FastifyRequest & { user?: { locale: Locale } }).user;
  if (user) return user.locale;
  const q = (request.query as Record<string, unknown> | undefined)?.lang;
  if (typeof q === 'string' && (LOCALES as readonly string[]).includes(q)) return q as Locale;
  return pickLocale(request.headers['accept-language']);
}
