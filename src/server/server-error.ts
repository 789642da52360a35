// The errors the server answers with: an HTTP status and a JSON body {code, message}, where code
// is stable for programs and message says in words what was wrong and what to do.
import type { Problem } from '../store/problem.ts';

export class ServerError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly problems: readonly Problem[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(statusCode: number, code: string, message: string, options: { problems?: readonly Problem[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'ServerError';
    this.statusCode = statusCode;
    this.code = code;
    this.problems = options.problems;
    this.headers = options.headers ?? {};
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  problems?: readonly Problem[];
}

export const unauthenticated = (message = 'log in first: send the session token as "Authorization: Bearer <token>"'): ServerError =>
  new ServerError(401, 'unauthenticated', message, { headers: { 'www-authenticate': 'Bearer' } });

/** Another programme's existence is not revealed: not a member reads as not found. */
export const programmeNotFound = (id: string): ServerError => new ServerError(404, 'not_found', `programme ${id} does not exist or you are not a member of it`);

export const invalid = (message: string, problems?: readonly Problem[]): ServerError =>
  new ServerError(400, 'invalid_request', message, problems ? { problems } : {});
