import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Ruleset } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PRESET_NAMES, presetRules, presetRuleset } from '../../rulesets/presets.js';
import { profileDefinitions, profileRules } from '../../rulesets/profiles.js';
import { allRules } from '../../rulesets/registry.js';
import { lint } from '../../src/engine/lint.js';
import { runCli } from '../cli/helpers.js';

const severityOf = (name: string) => new Map(profileRules(name).map((e) => [e.rule.id, e.severity]));
const optionsOf = (name: string, id: string) => profileRules(name).find((e) => e.rule.id === id)?.options;
const SEVERITY = ['error', 'warn', 'info', 'hint'];

describe('profiles as data', () => {
  it('are the preset names, in order', () => {
    expect(profileDefinitions.map((p) => p.name)).toEqual([...PRESET_NAMES]);
  });

  it('recommended and all come from rule metadata', () => {
    expect(presetRules('recommended')).toEqual(allRules.filter((r) => r.definition.recommended));
    expect(presetRules('all')).toEqual([...allRules]);
    for (const e of profileRules('all')) expect(e.severity).toBe(e.rule.definition.severity);
  });

  it('pci and gdpr add their family to recommended and raise one rule each', () => {
    for (const [name, family, raised] of [
      ['pci', 'pci', 'fin-ratelimit-auth-endpoints'],
      ['gdpr', 'gdpr', 'fin-gdpr-no-personal-data-in-url'],
    ] as const) {
      const s = severityOf(name);
      for (const r of allRules.filter((x) => x.definition.extensions.category === family)) expect(s.has(r.id), r.id).toBe(true);
      for (const r of presetRules('recommended')) expect(s.has(r.id), r.id).toBe(true);
      expect(s.get(raised)).toBe('error');
      expect(s.size).toBe(new Set([...presetRules('recommended').map((r) => r.id), ...allRules.filter((x) => x.definition.extensions.category === family).map((r) => r.id)]).size);
    }
  });

  it('fapi2 adds the FAPI family with the catalogue severities', () => {
    const s = severityOf('fapi2');
    expect(allRules.filter((r) => r.definition.extensions.category === 'fapi').map((r) => s.get(r.id))).not.toContain(undefined);
    expect(s.get('fin-fapi-sender-constrained-tokens')).toBe('error');
    expect(s.get('fin-fapi-client-auth-methods')).toBe('error');
    expect(s.get('fin-fapi-code-flow-only')).toBe('error');
    expect(s.get('fin-fapi-mtls-scheme')).toBe('warn');
    expect(s.get('fin-fapi-interaction-id')).toBe('warn');
    expect(allRules.some((r) => r.definition.extensions.category === 'psd2' && s.has(r.id))).toBe(false);
  });

  it('the two open-banking profiles set their market header names as options', () => {
    const bg = severityOf('psd2-berlin-group');
    const uk = severityOf('uk-open-banking');
    expect(bg.get('fin-psd2-request-id')).toBe('warn');
    expect(optionsOf('psd2-berlin-group', 'fin-psd2-request-id')).toMatchObject({ header: 'X-Request-ID' });
    expect(bg.has('fin-fapi-interaction-id')).toBe(false);
    expect(uk.has('fin-psd2-request-id')).toBe(false);
    expect(uk.has('fin-psd2-consent-id-header')).toBe(false);
    expect(uk.get('fin-fapi-interaction-id')).toBe('warn');
    expect(optionsOf('uk-open-banking', 'fin-psd2-message-signing')).toEqual({ signatureHeaders: [['x-jws-signature']], required: true, responses: true });
    expect(optionsOf('uk-open-banking', 'fin-error-problem-details')).toMatchObject({ mediaTypes: ['application/json'] });
    for (const s of [bg, uk]) expect(s.get('fin-psd2-sca-user-flow-for-payment')).toBe('warn');
  });

  it('strict is every rule one step stricter', () => {
    const s = severityOf('strict');
    expect(s.size).toBe(allRules.length);
    for (const r of allRules) {
      const d = r.definition.severity;
      expect(s.get(r.id), r.id).toBe(d === 'warn' ? 'error' : d === 'info' ? 'warn' : d);
    }
  });

  it('build as Spectral rulesets whose enabled rules, severities and options are the profile (options validated)', () => {
    for (const name of PRESET_NAMES) {
      const ruleset = new Ruleset(presetRuleset(name), { severity: 'recommended' });
      const enabled = Object.entries(ruleset.rules).filter(([, r]) => r.enabled);
      const expected = profileRules(name);
      expect(enabled.map(([id]) => id).sort(), name).toEqual(expected.map((e) => e.rule.id).sort());
      for (const e of expected) {
        const rule = ruleset.rules[e.rule.id];
        expect(SEVERITY[rule.severity as number], `${name} ${e.rule.id}`).toBe(e.severity);
        if (e.options) for (const t of rule.then) expect(t.functionOptions, `${name} ${e.rule.id}`).toMatchObject(e.options);
      }
    }
  });
});

/** A FAPI-shaped 3.0 API with gaps every open-banking profile reports in its own terms. */
const API = {
  openapi: '3.0.3',
  info: { title: 'Payments', version: '1.0.0', contact: { email: 'api@bank.example' } },
  servers: [{ url: 'https://api.bank.example' }],
  components: {
    securitySchemes: {
      oauth: {
        type: 'oauth2',
        flows: {
          clientCredentials: { tokenUrl: 'https://auth.bank.example/token', scopes: { payments: 'Payments' } },
          authorizationCode: { authorizationUrl: 'https://auth.bank.example/authorize', tokenUrl: 'https://auth.bank.example/token', scopes: { payments: 'Payments' } },
        },
      },
    },
  },
  security: [{ oauth: ['payments'] }],
  paths: {
    '/v1/consents': {
      post: {
        operationId: 'createConsent',
        responses: { '201': { description: 'Created', content: { 'application/json': { schema: { type: 'object', properties: { consentId: { type: 'string', maxLength: 64 } } } } } } },
      },
    },
    '/v1/accounts': {
      get: {
        operationId: 'listAccounts',
        responses: { '200': { description: 'Accounts', content: { 'application/json': { schema: { type: 'object', properties: { count: { type: 'integer', maximum: 100 } } } } } } },
      },
    },
  },
};

function writeApi(): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'finlint-profiles-'));
  const file = path.join(dir, 'openapi.yaml');
  writeFileSync(file, stringify(API));
  return { dir, file };
}

describe('profiles when linting', () => {
  it('change what is reported and how severely', async () => {
    const { dir, file } = writeApi();
    const codes = async (preset: (typeof PRESET_NAMES)[number]) => {
      const r = await lint([file], { cwd: dir, preset, waivers: false, limits: { timeoutMs: 0 } });
      return new Map(r.findings.map((f) => [f.code, f.severity]));
    };
    const recommended = await codes('recommended');
    const fapi2 = await codes('fapi2');
    const all = await codes('all');
    expect(recommended.has('fin-fapi-sender-constrained-tokens')).toBe(false);
    expect(all.get('fin-fapi-sender-constrained-tokens')).toBe(1);
    expect(fapi2.get('fin-fapi-sender-constrained-tokens')).toBe(0);
    expect(fapi2.get('fin-fapi-interaction-id')).toBe(1);
    const bg = await codes('psd2-berlin-group');
    const uk = await codes('uk-open-banking');
    expect(bg.has('fin-fapi-interaction-id')).toBe(false);
    expect(bg.get('fin-psd2-request-id')).toBe(1);
    expect(uk.has('fin-psd2-request-id')).toBe(false);
    expect(uk.get('fin-fapi-interaction-id')).toBe(1);
  });

  it('are the same from --preset and from a configuration (extends: finlint:<name>), and --jobs does not matter', async () => {
    const { dir, file } = writeApi();
    for (const name of ['uk-open-banking', 'strict'] as const) {
      writeFileSync(path.join(dir, 'finlint.config.yaml'), `extends: finlint:${name}\n`);
      const fromConfig = await runCli(['lint', file, '--format', 'json', '--fail-severity', 'none'], { cwd: dir });
      const fromPreset = await runCli(['lint', file, '--format', 'json', '--fail-severity', 'none', '--preset', name, '--no-config'], { cwd: dir });
      expect(fromConfig.stderr).toBe('');
      expect(JSON.parse(fromConfig.stdout)).toEqual(JSON.parse(fromPreset.stdout));
      expect((JSON.parse(fromConfig.stdout) as unknown[]).length).toBeGreaterThan(3);
    }
  });

  it('a configuration can change a rule of the profile it extends', async () => {
    const { dir, file } = writeApi();
    writeFileSync(path.join(dir, 'finlint.config.yaml'), 'extends: finlint:psd2-berlin-group\nrules:\n  fin-psd2-request-id: error\n  fin-fapi-interaction-id: info\n');
    const r = await runCli(['lint', file, '--format', 'json', '--fail-severity', 'none'], { cwd: dir });
    const found = JSON.parse(r.stdout) as { code: string; severity: number }[];
    expect(found.find((f) => f.code === 'fin-psd2-request-id')?.severity).toBe(0);
    expect(found.find((f) => f.code === 'fin-fapi-interaction-id')?.severity).toBe(2);
  });

  it('finlint rules --preset lists the profile with its severities and options; an unknown preset is a usage error', async () => {
    const r = await runCli(['rules', '--preset', 'uk-open-banking', '--format', 'json']);
    const rows = JSON.parse(r.stdout) as { id: string; severity: string; options?: unknown }[];
    expect(rows.map((x) => x.id)).toEqual(profileRules('uk-open-banking').map((e) => e.rule.id));
    expect(rows.find((x) => x.id === 'fin-fapi-code-flow-only')?.severity).toBe('error');
    expect(rows.find((x) => x.id === 'fin-psd2-message-signing')?.options).toMatchObject({ signatureHeaders: [['x-jws-signature']] });
    const bad = await runCli(['lint', 'x.yaml', '--preset', 'uk']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/uk-open-banking/);
  });
});
