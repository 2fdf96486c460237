import type { z } from 'zod';
import { parseOrThrow } from '../platform/validation-issues.js';
import { API_FIELD_LABELS } from './field-labels.js';

/**
 * Parses a request's params, query or body, or throws a ValidationError that names each invalid
 * field by its label in Vietnamese and English.
 */
export function parseRequestInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  return parseOrThrow(schema, value, API_FIELD_LABELS);
}
