/**
 * The mailing list's pages, served by `sitrep serve` under SITREP_PUBLIC_URL beside the API:
 *
 * - `POST /unsubscribe?u=…&t=…`: RFC 8058 one-click (body `List-Unsubscribe=One-Click`, form-
 *   urlencoded or multipart, no page, no login) → 200; the same POST from our own page's button
 *   → a page saying it is done. `GET` shows that button: mail scanners follow links, so a GET
 *   never changes anything.
 * - `GET/POST /preferences?u=…&t=…`: the signed settings page; it saves filters, time zone,
 *   hour and cadence, and has a Leave button.
 * - `GET/POST /subscribe`: the sign-up form; `GET/POST /confirm?u=…&e=…&t=…`: the double
 *   opt-in link, confirmed by a button for the same reason.
 *
 * Authority is the signed token alone (no cookies, no session), so a forged cross-site request
 * has nothing to ride on; a POST whose Origin is another site is refused all the same, and the
 * pages forbid framing (a click-jacked Unsubscribe) and send no Referer (the token is in the URL).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { MailingList } from '@sitrep/graphql/context';
import type { MailingListConfig } from '@sitrep/mailing-list/config';
import { subscriberQuery, verifyConfirmToken, verifySubscriberToken } from '@sitrep/mailing-list/link-tokens';
import { type Mailer, SIGN_UP_DONE, signUp } from '@sitrep/mailing-list/sign-up';
import { checkSubscriberFields } from '@sitrep/mailing-list/subscriber-fields';
import type { SitrepStore } from '@sitrep/store/store';
import { button, esc, type FormValues, page, preferencesForm, signUpForm, valuesOf } from './page-html.ts';
import { readForm } from './read-form.ts';

export interface SubscriberPagesOptions {
  store: SitrepStore;
  config: MailingListConfig & { linkSecret: string };
  mailer: Mailer | null;
  now?: () => Date;
}

interface Reply {
  status: number;
  html?: string;
  text?: string;
}

const BLANK: FormValues = {
  email: '',
  name: '',
  timezone: 'UTC',
  sendHour: 7,
  cadence: 'daily',
  kinds: [],
  countries: [],
  places: [],
  actors: [],
  minKilled: null,
};

const badLink = (what: string) => ({
  status: 403,
  html: page(
    'This link is not valid',
    `<p>This ${esc(what)} link is not one we made for this address: it may have been cut short or altered when it was copied.</p><p>Use the link in your latest Sitrep email, whole, or the unsubscribe address that email gives.</p>`,
  ),
});

export function subscriberPages(o: SubscriberPagesOptions, next: RequestListener): RequestListener {
  const base = new URL(o.config.publicUrl);
  const prefix = base.pathname.replace(/\/$/, '');
  const routes = new Set(['/subscribe', '/confirm', '/unsubscribe', '/preferences'].map((r) => prefix + r));
  const now = o.now ?? (() => new Date());
  const link = (path: string, query: string) => `${prefix}${path}${query ? `?${query}` : ''}`;

  async function handle(req: IncomingMessage, url: URL): Promise<Reply> {
    const route = url.pathname.slice(prefix.length);
    const post = req.method === 'POST';
    const form = post ? await readForm(req) : null;
    if (form === 'too-large')
      return { status: 413, html: page('Too much', '<p>That form was too large.</p>') };
    const oneClick = route === '/unsubscribe' && !!form && form.get('List-Unsubscribe') === 'One-Click';
    if (post && !oneClick && !sameOrigin(req, base))
      return {
        status: 403,
        html: page('Refused', '<p>This form can only be sent from Sitrep’s own pages.</p>'),
      };
    const u = url.searchParams.get('u') ?? '';
    const t = url.searchParams.get('t') ?? '';
    const q = url.search.slice(1);

    if (route === '/subscribe') {
      if (!post)
        return {
          status: 200,
          html: page('Subscribe to Sitrep', signUpForm(BLANK, [], link('/subscribe', ''))),
        };
      const fields = fieldsOf(form!, {});
      const result = await signUp({ store: o.store, config: o.config, mailer: o.mailer, now: now() }, fields);
      if (!result.ok)
        return {
          status: 400,
          html: page(
            'Subscribe to Sitrep',
            signUpForm(echo(fields), result.problems, link('/subscribe', '')),
          ),
        };
      return { status: 200, html: page('Check your inbox', `<p>${esc(SIGN_UP_DONE)}</p>`) };
    }

    if (route === '/confirm') {
      const check = verifyConfirmToken(u, url.searchParams.get('e') ?? '', t, o.config.linkSecret, now());
      if (check === 'invalid') return badLink('confirmation');
      if (check === 'expired')
        return {
          status: 410,
          html: page(
            'This confirmation link has expired',
            `<p>Confirmation links work for ${o.config.confirmHours} hours. <a href="${esc(link('/subscribe', ''))}">Sign up again</a> and we will send a fresh one.</p>`,
          ),
        };
      if (!post)
        return {
          status: 200,
          html: page(
            'Confirm your subscription',
            button(
              link('/confirm', q),
              'Confirm my subscription',
              `<p>Press the button to start getting Sitrep at <strong>${esc(u)}</strong>.</p>`,
            ),
          ),
        };
      const s = await o.store.subscribers.confirm(u, now().toISOString());
      if (!s)
        return {
          status: 404,
          html: page(
            'No sign-up for this address',
            `<p><a href="${esc(link('/subscribe', ''))}">Sign up</a> again.</p>`,
          ),
        };
      if (s.suppressed)
        return {
          status: 409,
          html: page(
            'We cannot send to this address',
            '<p>Mail to this address bounced or was reported, so we no longer send to it.</p>',
          ),
        };
      return {
        status: 200,
        html: page(
          'You are subscribed',
          `<p>Sitrep will come to <strong>${esc(s.email)}</strong> at ${String(s.sendHour).padStart(2, '0')}:00 ${esc(s.timezone)}. <a href="${esc(link('/preferences', subscriberQuery(s.email, o.config.linkSecret)))}">Change what you get</a>.</p>`,
        ),
      };
    }

    // /unsubscribe and /preferences: the subscriber's own signed link
    if (!verifySubscriberToken(u, t, o.config.linkSecret))
      return badLink(route === '/unsubscribe' ? 'unsubscribe' : 'preferences');

    if (route === '/unsubscribe') {
      if (!post)
        return {
          status: 200,
          html: page(
            'Unsubscribe',
            button(
              link('/unsubscribe', q),
              'Unsubscribe',
              `<p>Stop every Sitrep email to <strong>${esc(u)}</strong>?</p>`,
            ),
          ),
        };
      await o.store.subscribers.suppress(
        u,
        'unsubscribed',
        oneClick ? 'one-click' : 'page',
        now().toISOString(),
      );
      if (oneClick) return { status: 200, text: 'unsubscribed\n' };
      return {
        status: 200,
        html: page(
          'You are unsubscribed',
          `<p>No more Sitrep email will go to <strong>${esc(u)}</strong>.</p>`,
        ),
      };
    }

    // /preferences
    const s = await o.store.subscribers.get(u);
    if (s?.status !== 'confirmed')
      return {
        status: 404,
        html: page(
          'Not subscribed',
          `<p>${esc(u)} does not get Sitrep. <a href="${esc(link('/subscribe', ''))}">Subscribe</a>.</p>`,
        ),
      };
    if (s.suppressed)
      return {
        status: 200,
        html: page(
          'You are unsubscribed',
          `<p>${esc(u)} gets no Sitrep email. <a href="${esc(link('/subscribe', ''))}">Subscribe again</a>.</p>`,
        ),
      };
    const save = link('/preferences', q);
    const leave = link('/unsubscribe', q);
    if (!post)
      return {
        status: 200,
        html: page('Your Sitrep settings', preferencesForm(valuesOf(s), [], save, leave, '')),
      };
    const fields = fieldsOf(form!, { email: s.email });
    const checked = checkSubscriberFields(fields);
    if (!checked.ok)
      return {
        status: 400,
        html: page('Your Sitrep settings', preferencesForm(echo(fields), checked.problems, save, leave, '')),
      };
    const { name, timezone, sendHour, cadence, filters } = checked.subscriber;
    await o.store.subscribers.update(
      s.email,
      { name, timezone, sendHour, cadence, filters },
      now().toISOString(),
    );
    const saved = (await o.store.subscribers.get(s.email))!;
    return {
      status: 200,
      html: page(
        'Your Sitrep settings',
        preferencesForm(valuesOf(saved), [], save, leave, 'Saved. The next issue follows these settings.'),
      ),
    };
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!routes.has(url.pathname)) return next(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, HEAD, POST' }).end();
      return;
    }
    handle(req, url).then(
      (reply) => send(res, reply),
      (error: unknown) => {
        console.error('subscriber page failed:', error);
        send(res, {
          status: 500,
          html: page('Something went wrong', '<p>Please try again in a minute.</p>'),
        });
      },
    );
  };
}

function send(res: ServerResponse, reply: Reply): void {
  const body = reply.html ?? reply.text ?? '';
  res.writeHead(reply.status, {
    'content-type': reply.html ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** A browser's POST names its page's origin; refuse one from another site. No Origin (a mail provider's one-click, curl) passes: the token is the authority. */
function sameOrigin(req: IncomingMessage, base: URL): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return req.headers['sec-fetch-site'] !== 'cross-site';
  if (origin === base.origin) return true;
  const host = req.headers.host;
  return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}

function fieldsOf(form: URLSearchParams, fixed: { email?: string }) {
  return {
    email: fixed.email ?? form.get('email') ?? '',
    name: form.get('name') ?? '',
    timezone: form.get('timezone') ?? '',
    sendHour: form.get('sendHour') ?? '',
    cadence: form.get('cadence') ?? '',
    kinds: form.getAll('kinds'),
    countries: form.get('countries') ?? '',
    places: form.get('places') ?? '',
    actors: form.get('actors') ?? '',
    minKilled: form.get('minKilled') ?? '',
  };
}

/** What the person typed, back in the form beside the problems (not saved). */
function echo(f: ReturnType<typeof fieldsOf>): FormValues {
  const split = (v: string | string[]) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((x) => x.split(/[,;]/))
      .map((x) => x.trim())
      .filter(Boolean);
  const hour = Number(f.sendHour);
  return {
    email: f.email,
    name: f.name,
    timezone: f.timezone,
    sendHour: Number.isInteger(hour) ? hour : 7,
    cadence: f.cadence,
    kinds: split(f.kinds),
    countries: split(f.countries),
    places: split(f.places),
    actors: split(f.actors),
    minKilled: f.minKilled === '' || Number.isNaN(Number(f.minKilled)) ? null : Number(f.minKilled),
  };
}

/** `subscribe`'s view of the same sign-up the form runs. */
export function mailingListFor(
  store: SitrepStore,
  config: MailingListConfig & { linkSecret: string },
  mailer: Mailer | null,
): MailingList {
  return {
    async signUp(fields) {
      const r = await signUp({ store, config, mailer }, fields);
      return r.ok ? { ok: true, message: SIGN_UP_DONE } : r;
    },
  };
}
