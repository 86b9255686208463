import { z } from 'zod';
import { ROLES } from '../domain/roles';

/** Field schemas reused across contract slices. Messages are specific: they name what is wrong. */
export const placeCode = z.string().regex(/^\d{4}$/, 'place code must be 4 digits');
export const terminalSlot = z.number().int('slot must be a whole number').min(1, 'slot is 1–9').max(9, 'slot is 1–9');
export const costCentre = z.string().regex(/^\d{10}$/, 'cost centre must be 10 digits');
export const billerId = z.string().regex(/^\d{15}$/, 'biller id must be 15 digits (tax id 13 + suffix 2)');
export const companyCode = z.string().regex(/^\d{3,10}$/, 'company code must be 3–10 digits');
export const username = z
  .string()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'username: 3–32 characters, lower-case letters, digits, . _ -, starting with a letter');
export const password = z.string().min(8, 'password must have at least 8 characters').max(128, 'password is longer than 128 characters');
export const thaiText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is longer than ${max} characters`)
    // No control characters: they break printed documents and logs.
    .regex(/^[^\p{Cc}]*$/u, `${what} contains control characters`);
export const role = z.enum(ROLES);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
