import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.httpPort).toBe(8080);
    expect(config.smtpPort).toBe(2525);
    expect(config.submissionPort).toBe(2587);
    expect(config.maxMessageSize).toBe(50 * 1024 * 1024);
    expect(config.databaseUrl).toMatch(/^sqlite:.*data\/congvan\.sqlite$/);
  });

  it('names the variable with a bad value', () => {
    expect(() => loadConfig({ CONGVAN_SMTP_PORT: 'hai nghìn' })).toThrow(ConfigError);
    expect(() => loadConfig({ CONGVAN_SMTP_PORT: 'hai nghìn' })).toThrow(/CONGVAN_SMTP_PORT/);
    expect(() => loadConfig({ CONGVAN_PUBLIC_URL: 'not a url' })).toThrow(/CONGVAN_PUBLIC_URL/);
    expect(() => loadConfig({ CONGVAN_MAX_MESSAGE_SIZE: '-5' })).toThrow(/CONGVAN_MAX_MESSAGE_SIZE/);
  });

  it('names a missing configuration file', () => {
    expect(() => loadConfig({ CONGVAN_CONFIG_FILE: '/nonexistent/congvan.env' })).toThrow(/CONGVAN_CONFIG_FILE.*not found/);
  });

  it('reads the scale-out settings', () => {
    const config = loadConfig({
      CONGVAN_DATABASE_URL: 'postgres://congvan@db.internal/congvan',
      CONGVAN_BLOB_STORE: 'pg',
      CONGVAN_DATABASE_POOL_MAX: '20',
      CONGVAN_NODE_ID: 'node-1',
      CONGVAN_MAINTENANCE_INTERVAL: '600',
    });

    expect(config.blobStore).toEqual({ kind: 'pg' });
    expect(config.databasePoolMax).toBe(20);
    expect(config.databaseStatementTimeoutMs).toBe(30_000);
    expect(config.nodeId).toBe('node-1');
    expect(config.maintenanceIntervalMs).toBe(600_000);
    expect(loadConfig({ CONGVAN_BLOB_STORE: 'fs:/srv/blobs' }).blobStore).toEqual({ kind: 'fs', path: '/srv/blobs' });
    expect(loadConfig({}).blobStore).toEqual({ kind: 'fs', path: expect.stringMatching(/data\/blobs$/) });
  });

  it('refuses blobs in PostgreSQL without PostgreSQL, and unknown stores', () => {
    expect(() => loadConfig({ CONGVAN_BLOB_STORE: 'pg' })).toThrow(/CONGVAN_BLOB_STORE: pg keeps blobs in PostgreSQL/);
    expect(() => loadConfig({ CONGVAN_BLOB_STORE: 's3://bucket' })).toThrow(/CONGVAN_BLOB_STORE.*use fs:\/path\/to\/folder or pg/);
    expect(() => loadConfig({ CONGVAN_NODE_ID: 'nút một' })).toThrow(/CONGVAN_NODE_ID/);
  });
});
