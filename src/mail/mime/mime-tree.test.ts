import { describe, expect, it } from 'vitest';

import { FlagList } from './flag-list.js';
import { MAX_NESTING_DEPTH } from './limits.js';
import { readMessageTree, type MimeEntity } from './mime-tree.js';
import { eml, fixture } from './test-support/eml.js';

function tree(raw: Buffer) {
  const flags = new FlagList();
  const root = readMessageTree(raw, { flags, parts: 0, deadline: Number.POSITIVE_INFINITY, timedOut: false });

  return { root, flags: flags.toArray() };
}

function paths(entity: MimeEntity): string[] {
  const own = `${entity.path}=${entity.contentType.value}`;
  const nested = [...entity.children, ...(entity.message ? [entity.message] : [])].flatMap(paths);

  return [own, ...nested];
}

const FORWARD = eml(`From: a@x.vn
Subject: Fwd
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain

text
--alt
Content-Type: text/html

<p>html</p>
--alt--
--outer
Content-Type: message/rfc822

From: b@x.vn
Subject: original
Content-Type: multipart/mixed; boundary="inner"

--inner
Content-Type: text/plain

inner text
--inner
Content-Type: multipart/mixed; boundary="deep"

--deep
Content-Type: application/pdf

%PDF-1.4
--deep--
--inner--
--outer--
`);

describe('readMessageTree', () => {
  it('numbers parts and forwarded parts', () => {
    const { root } = tree(FORWARD);

    expect(paths(root)).toEqual([
      '=multipart/mixed',
      '1=multipart/alternative',
      '1.1=text/plain',
      '1.2=text/html',
      '2=message/rfc822',
      '2=multipart/mixed',
      '2/1=text/plain',
      '2/2=multipart/mixed',
      '2/2.1=application/pdf',
    ]);
  });

  it('marks parts inside message/rfc822 as forwarded', () => {
    const { root } = tree(FORWARD);
    const embedded = root.children[1]!.message!;

    expect(root.children[0]!.forwarded).toBe(false);
    expect(embedded.forwarded).toBe(true);
    expect(embedded.children[1]!.children[0]!.forwarded).toBe(true);
  });

  it('numbers a single-part message as part 1', () => {
    const { root } = tree(eml('Subject: x\n\nbody'));

    expect(root.path).toBe('1');
    expect(root.contentType.value).toBe('text/plain');
  });

  it('unwraps opaque S/MIME signed data in place', () => {
    const { root } = tree(fixture('mime/smime-opaque-signed.eml'));

    expect(paths(root)).toEqual([
      '1=application/x-pkcs7-mime',
      '1=multipart/mixed',
      '1.1=text/plain',
      '1.2=application/octet-stream',
    ]);
  });

  it('reads boundary-less multipart as text', () => {
    const { root, flags } = tree(eml('Content-Type: multipart/mixed\n\nbody'));

    expect(root.contentType.value).toBe('text/plain');
    expect(flags.map((flag) => flag.code)).toEqual(['boundary-missing']);
  });

  it('defaults parts of multipart/digest to message/rfc822', () => {
    const { root } = tree(eml('Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nx\n--d--\n'));

    expect(root.children[0]!.contentType.value).toBe('message/rfc822');
    expect(root.children[0]!.message?.path).toBe('1/1');
  });

  it('stops following nesting beyond the limit', () => {
    const depth = MAX_NESTING_DEPTH + 5;
    let body = 'Content-Type: text/plain\n\nleaf';
    for (let level = depth; level > 0; level--) {
      body = `Content-Type: multipart/mixed; boundary="b${level}"\n\n--b${level}\n${body}\n--b${level}--`;
    }

    const { flags } = tree(eml(`Subject: deep\n${body}`));

    expect(flags.map((flag) => flag.code)).toContain('structure-too-complex');
  });

  it('stops at the time budget', () => {
    const flags = new FlagList();
    const context = { flags, parts: 0, deadline: 0, timedOut: false };

    const root = readMessageTree(FORWARD, context);

    expect(root.skipped).toBe(true);
    expect(context.timedOut).toBe(true);
    expect(flags.toArray().map((flag) => flag.code)).toEqual(['parse-timeout']);
  });
});
