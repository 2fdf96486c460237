import { describe, expect, test } from 'vitest';

import { maskPassword } from './mask-password.js';

describe('maskPassword', () => {
  test.each([
    ['postgres://congvan:secret@db.internal:5432/congvan', 'postgres://congvan:***@db.internal:5432/congvan'],
    ['postgres://congvan:se%40cret@db.internal/congvan?sslmode=require', 'postgres://congvan:***@db.internal/congvan?sslmode=require'],
    ['postgres://congvan@db.internal/congvan?password=secret', 'postgres://congvan@db.internal/congvan?password=***'],
    ['postgres://congvan:secret@/congvan?host=/run/postgresql', 'postgres://congvan:***@/congvan?host=/run/postgresql'],
    ['postgres://congvan@db.internal/congvan', 'postgres://congvan@db.internal/congvan'],
    ['sqlite:/var/lib/congvan/congvan.sqlite', 'sqlite:/var/lib/congvan/congvan.sqlite'],
  ])('masks %s', (url, masked) => {
    expect(maskPassword(url)).toBe(masked);
  });
});
