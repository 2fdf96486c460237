import { describe, expect, it } from 'vitest';

import { buildReport, readFieldGroups } from './report-parts.js';

const DELIVERY_STATUS = [
  'Reporting-MTA: dns; mx.lamdong.gov.vn',
  'Original-Envelope-Id: cv-1187+2B1@lamdong.gov.vn',
  'Arrival-Date: Fri, 04 Dec 2026 19:10:14 +0000',
  '',
  'Final-Recipient: rfc822; vanphong@lamdong.gov.vn',
  'Action: delivered',
  'Status: 2.0.0',
  '',
  'Final-Recipient: rfc822; khongton@lamdong.gov.vn',
  'Action: failed',
  'Status: 5.1.1 (mailbox unknown)',
  'Diagnostic-Code: smtp; 550 5.1.1 <khongton@lamdong.gov.vn>:',
  '    Recipient address rejected',
  '',
].join('\r\n');

describe('readFieldGroups', () => {
  it('splits groups and unfolds fields', () => {
    const groups = readFieldGroups(DELIVERY_STATUS);

    expect(groups).toHaveLength(3);
    expect(groups[2]!.get('diagnostic-code')).toBe('smtp; 550 5.1.1 <khongton@lamdong.gov.vn>: Recipient address rejected');
  });
});

describe('buildReport', () => {
  it('summarises the failed recipient of a delivery report', () => {
    const report = buildReport({
      kind: 'delivery-status',
      statusText: DELIVERY_STATUS,
      returnedMessageId: 'cv-1187@lamdong.gov.vn',
      inReplyTo: null,
      references: null,
    });

    expect(report.action).toBe('failed');
    expect(report.status).toBe('5.1.1');
    expect(report.recipient).toBe('khongton@lamdong.gov.vn');
    expect(report.diagnostic).toBe('550 5.1.1 <khongton@lamdong.gov.vn>: Recipient address rejected');
    expect(report.originalMessageId).toBe('cv-1187@lamdong.gov.vn');
    expect(report.originalEnvelopeId).toBe('cv-1187+1@lamdong.gov.vn');
    expect(report.recipients).toHaveLength(2);
  });

  it('falls back to References and the envelope id', () => {
    const withReferences = buildReport({
      kind: 'delivery-status',
      statusText: DELIVERY_STATUS,
      returnedMessageId: null,
      inReplyTo: null,
      references: '<a@x> <b@x>',
    });
    const withEnvelope = buildReport({
      kind: 'delivery-status',
      statusText: DELIVERY_STATUS,
      returnedMessageId: null,
      inReplyTo: null,
      references: null,
    });

    expect(withReferences.originalMessageId).toBe('b@x');
    expect(withEnvelope.originalMessageId).toBe('cv-1187+1@lamdong.gov.vn');
  });

  it('reads the disposition of a read receipt', () => {
    const text = [
      'Reporting-UA: Microsoft Outlook 16.0',
      'Final-Recipient: rfc822;vanphong@lamdong.gov.vn',
      'Original-Message-ID: <cv-1187@lamdong.gov.vn>',
      'Disposition: manual-action/MDN-sent-manually; displayed',
    ].join('\r\n');

    const report = buildReport({ kind: 'read-receipt', statusText: text, returnedMessageId: null, inReplyTo: null, references: null });

    expect(report.action).toBe('displayed');
    expect(report.recipient).toBe('vanphong@lamdong.gov.vn');
    expect(report.originalMessageId).toBe('cv-1187@lamdong.gov.vn');
    expect(report.status).toBeNull();
    expect(report.recipients).toEqual([]);
  });

  it('survives a missing status part', () => {
    const report = buildReport({ kind: 'read-receipt', statusText: null, returnedMessageId: null, inReplyTo: '<x@y>', references: null });

    expect(report.action).toBeNull();
    expect(report.originalMessageId).toBe('x@y');
  });
});
