import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CodedError } from '../../src-shared/result';
import type { Sql } from '../db/client';
import { sha256Hex } from '../crypto';
import { consoleNav, consoleSession, escapeHtml, page, type ConsoleRole } from './console';
import { CONSOLE_TEXT as T } from './text';

/**
 * Every state-changing form of the console (approvals, alarms, offices, users, feed, logout):
 * session, the role check, a per-session CSRF token, and for the users and feed pages
 * POST-redirect-GET with a one-time message shown on the page. `post` is the one path every
 * console POST but the login goes through.
 *
 * CSRF: the session cookie is SameSite=Strict already; every form also carries `_csrf`, the SHA-256
 * of the session token under a label (unguessable without the HttpOnly cookie, nothing stored),
 * compared in constant time. A POST without it, or with another session's, is refused 403
 * CSRF_MISMATCH before the form is acted on: nothing changes.
 */
export const CONSOLE_FORM_CODES = [
  'CSRF_MISMATCH',
  'CONSOLE_ADMIN_ONLY',
  'UNKNOWN_USER',
  'BAD_ROLE',
  'ORDER_REF_REQUIRED',
  'BAD_PLACE',
  'UNKNOWN_PLACE',
  'BAD_NAME',
  'BAD_STATE',
  'NOTHING_CHANGED',
  'BAD_JSON',
  'BAD_VERSION',
  'BAD_YEAR',
  'BAD_BOOK_NO',
  'BAD_LEAF',
  'BAD_SLOT',
  'FEED_ITEM_INVALID',
] as const;
export type ConsoleFormCode = (typeof CONSOLE_FORM_CODES)[number];

export const CONSOLE_FORM_ERROR_TEXT: Readonly<Record<ConsoleFormCode, string>> = {
  CSRF_MISMATCH: T.errorCsrf,
  CONSOLE_ADMIN_ONLY: T.errorAdminOnly,
  UNKNOWN_USER: T.errorUnknownUser,
  BAD_ROLE: T.errorBadRole,
  ORDER_REF_REQUIRED: T.errorOrderRef,
  BAD_PLACE: T.errorBadPlace,
  UNKNOWN_PLACE: T.errorUnknownPlace,
  BAD_NAME: T.errorBadName,
  BAD_STATE: T.errorBadState,
  NOTHING_CHANGED: T.errorNothingChanged,
  BAD_JSON: T.errorBadJson,
  BAD_VERSION: T.errorBadVersion,
  BAD_YEAR: T.errorBadYear,
  BAD_BOOK_NO: T.errorBadBookNo,
  BAD_LEAF: T.errorBadLeaf,
  BAD_SLOT: T.errorBadSlot,
  FEED_ITEM_INVALID: T.errorFeedItem,
};

/** A refused console form: its code, and a detail in English (a validator's message) or ''. */
export class ConsoleFormError extends CodedError<ConsoleFormCode> {
  constructor(code: ConsoleFormCode, detail = '') {
    super(code, detail);
    this.name = 'ConsoleFormError';
  }
}

export interface FlashMessage {
  readonly kind: 'ok' | 'error';
  readonly code?: ConsoleFormCode;
  readonly text: string;
  readonly detail?: string;
}

export interface ConsoleUser {
  readonly username: string;
  readonly nameTh: string;
  readonly role: ConsoleRole;
  readonly token: string;
}

/** The hidden field every console form that changes something carries. */
export const csrfTokenOf = (sessionToken: string): string => sha256Hex(`ebill-console-csrf\u0000${sessionToken}`);
export const csrfField = (user: Pick<ConsoleUser, 'token'>): string => `<input type="hidden" name="_csrf" value="${escapeHtml(csrfTokenOf(user.token))}">`;
/** Whether a form carries this session's token (constant time). */
export function hasCsrfToken(user: Pick<ConsoleUser, 'token'>, form: Readonly<Record<string, string>>): boolean {
  const given = Buffer.from(typeof form['_csrf'] === 'string' ? form['_csrf'] : '');
  const expected = Buffer.from(csrfTokenOf(user.token));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
/** The log-out button at the top of every page (a POST, so it carries the token too). */
export const logoutForm = (user: Pick<ConsoleUser, 'token'>): string =>
  `<form method="post" action="/console/logout">${csrfField(user)}<button>${escapeHtml(T.logout)}</button></form>`;

/** One console POST route: who may send it, where a refusal links back to, its body limit. */
export interface ConsolePostOptions {
  readonly returnTo: string;
  readonly bodyLimit: number;
  /** The roles that may send it; every signed-in console user when omitted. */
  readonly roles?: readonly ConsoleRole[];
  /** The 403 page another role gets (the CONSOLE_ADMIN_ONLY refusal when omitted). */
  readonly forbidden?: (reply: FastifyReply, user: ConsoleUser) => Promise<FastifyReply> | FastifyReply;
}

const MAX_FLASHES = 1000;

export interface ConsoleForms {
  /** The signed-in console user, or a redirect to the login page was sent (undefined). */
  userOrLogin(request: FastifyRequest, reply: FastifyReply): Promise<ConsoleUser | undefined>;
  /** The message left for this session by its last POST, once. */
  takeFlash(user: ConsoleUser): FlashMessage | undefined;
  /**
   * Any console POST but the login: session (else 303 to the login page) → role (403, `forbidden`)
   * → CSRF (403 CSRF_MISMATCH) → `handle`, which answers. Nothing is changed before the
   * three checks pass.
   */
  post(
    fastify: FastifyInstance,
    path: string,
    options: ConsolePostOptions,
    handle: (request: FastifyRequest, reply: FastifyReply, form: Readonly<Record<string, string>>, user: ConsoleUser) => Promise<FastifyReply>,
  ): void;
  /**
   * An administrator-only POST (through `post`): session → role (403 CONSOLE_ADMIN_ONLY) → CSRF (403 CSRF_MISMATCH)
   * → `act`, whose ConsoleFormError becomes the message; then 303 back to `returnTo` (with the
   * page's office filter when the form carries `returnPlace`).
   */
  adminPost(fastify: FastifyInstance, path: string, returnTo: string, bodyLimit: number, act: (form: Readonly<Record<string, string>>, user: ConsoleUser) => Promise<FlashMessage>): void;
  html(reply: FastifyReply, status: number, body: string): FastifyReply;
}

export function consoleForms(db: Sql, nowMs: () => number): ConsoleForms {
  const flashes = new Map<string, FlashMessage>();
  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  const userOrLogin = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleUser | undefined> => {
    const user = await consoleSession(db, request, nowMs());
    if (user === undefined) await reply.code(303).header('location', '/console/login').send();
    return user;
  };
  const refusal = (reply: FastifyReply, returnTo: string, code: ConsoleFormCode) =>
    html(reply, 403, page(T.title, `${consoleNav(returnTo)}<p class="alarm" role="alert" data-code="${code}">${escapeHtml(code)}: ${escapeHtml(CONSOLE_FORM_ERROR_TEXT[code])}</p><p><a href="${returnTo}">${escapeHtml(T.navLabel)}</a></p>`));
  const post: ConsoleForms['post'] = (fastify, path, options, handle) => {
    fastify.post(path, { bodyLimit: options.bodyLimit }, async (request, reply) => {
      const user = await userOrLogin(request, reply);
      if (user === undefined) return reply;
      if (options.roles !== undefined && !options.roles.includes(user.role)) {
        return options.forbidden === undefined ? refusal(reply, options.returnTo, 'CONSOLE_ADMIN_ONLY') : options.forbidden(reply, user);
      }
      const form = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, string>) : {};
      if (!hasCsrfToken(user, form)) {
        request.log.info({ path }, 'console form refused: CSRF_MISMATCH');
        return refusal(reply, options.returnTo, 'CSRF_MISMATCH');
      }
      return handle(request, reply, form, user);
    });
  };
  return {
    html,
    userOrLogin,
    takeFlash(user) {
      const key = sha256Hex(user.token);
      const message = flashes.get(key);
      flashes.delete(key);
      return message;
    },
    post,
    adminPost(fastify, path, returnTo, bodyLimit, act) {
      post(fastify, path, { returnTo, bodyLimit, roles: ['admin'] }, async (request, reply, form, user) => {
        let message: FlashMessage;
        try {
          message = await act(form, user);
        } catch (error) {
          if (!(error instanceof ConsoleFormError)) throw error;
          request.log.info({ code: error.code }, 'console form refused');
          message = { kind: 'error', code: error.code, text: CONSOLE_FORM_ERROR_TEXT[error.code], detail: error.message };
        }
        if (flashes.size >= MAX_FLASHES) flashes.clear();
        flashes.set(sha256Hex(user.token), message);
        const returnPlace = form['returnPlace'] ?? '';
        return reply.code(303).header('location', /^\d{4}$/.test(returnPlace) ? `${returnTo}?place=${returnPlace}` : returnTo).send();
      });
    },
  };
}

/** Rows a page lists at most; an office filter narrows them. */
export const MAX_LISTED_ROWS = 500;

/** The `?place=` filter of a page: a 4-digit office, none, or a refusal shown on the page. */
export function placeFilterOf(query: unknown): { place: string | null; message?: FlashMessage } {
  const value = typeof query === 'object' && query !== null ? (query as Record<string, unknown>)['place'] : undefined;
  if (value === undefined || value === '') return { place: null };
  if (typeof value === 'string' && /^\d{4}$/.test(value)) return { place: value };
  return { place: null, message: { kind: 'error', code: 'BAD_PLACE', text: CONSOLE_FORM_ERROR_TEXT.BAD_PLACE } };
}

/** The office filter of a page (GET, so no token), and the hidden field that brings a form back to it. */
export function placeFilterForm(action: string, place: string | null): string {
  return `<form method="get" action="${action}" class="filter"><label>${escapeHtml(T.filterPlace)} <input name="place" size="4" inputmode="numeric" value="${escapeHtml(place ?? '')}"></label><button>${escapeHtml(T.filter)}</button>${place === null ? '' : ` <a href="${action}">${escapeHtml(T.filterClear)}</a>`}</form>`;
}
export const returnPlaceField = (place: string | null): string => (place === null ? '' : `<input type="hidden" name="returnPlace" value="${escapeHtml(place)}">`);

/** The message of the last POST, at the top of the page. */
export function flashHtml(message: FlashMessage | undefined): string {
  if (message === undefined) return '';
  const detail = message.detail === undefined || message.detail === '' ? '' : ` — ${escapeHtml(message.detail)}`;
  if (message.kind === 'ok') return `<p class="notice" role="status">${escapeHtml(message.text)}${detail}</p>`;
  return `<p class="alarm" role="alert" data-code="${escapeHtml(message.code ?? '')}">${escapeHtml(message.code ?? '')}: ${escapeHtml(message.text)}${detail}</p>`;
}
