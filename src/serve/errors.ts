// API errors and input parsing. Every bad input becomes an ApiError: a 4xx status and a JSON
// body `{ "error": "..." }` that names the parameter and what was wrong with it.

export type ClientStatus = 400 | 404 | 405 | 409 | 413 | 415 | 422;

export class ApiError extends Error {
  constructor(readonly status: ClientStatus, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, message);
}

export function notFound(message: string): ApiError {
  return new ApiError(404, message);
}

/** A whole number within bounds; `undefined` gives the fallback. */
export function intParam(value: string | undefined, name: string, opts: { min: number; max: number; fallback?: number }): number {
  if (value === undefined || value === '') {
    if (opts.fallback === undefined) throw badRequest(`${name} is required`);
    return opts.fallback;
  }
  if (!/^-?\d+$/.test(value.trim())) throw badRequest(`${name} must be a whole number, got "${clip(value)}"`);
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < opts.min || n > opts.max) {
    throw badRequest(`${name} must be between ${opts.min} and ${opts.max}, got ${clip(value)}`);
  }
  return n;
}

/** A path id: a positive whole number. */
export function idParam(value: string | undefined, name: string): number {
  return intParam(value, name, { min: 1, max: Number.MAX_SAFE_INTEGER });
}

/** A date as YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const valid = m && (!m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 12)) &&
    (!m[3] || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));
  if (!valid) throw badRequest(`${name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${clip(value)}"`);
  return value;
}

/** A comma-separated list whose items must each be one of `allowed` (case-insensitive). */
export function listParam<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T[] | undefined {
  if (value === undefined || value === '') return undefined;
  const out: T[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    const match = allowed.find((a) => a.toLowerCase() === item.toLowerCase());
    if (!match) throw badRequest(`${name}: "${clip(item)}" is not one of ${allowed.join(', ')}`);
    if (!out.includes(match)) out.push(match);
  }
  return out;
}

/** A comma-separated list of positive ids. */
export function idListParam(value: string | undefined, name: string, max: number): number[] {
  if (value === undefined || value.trim() === '') throw badRequest(`${name} is required: a comma-separated list of ids`);
  const parts = value.split(',');
  if (parts.length > max) throw badRequest(`${name}: at most ${max} ids at once, got ${parts.length}`);
  return [...new Set(parts.map((p) => idParam(p.trim(), name)))];
}

export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
