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
});
