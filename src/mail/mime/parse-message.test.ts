import { createHash, randomBytes } from 'node:crypto';

import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';

import { parseMessage } from './parse-message.js';
import { DOCX_TYPE } from './sniff-type.js';
import { buildTnef } from './test-support/build-tnef.js';
import { base64Lines, eml, fixture } from './test-support/eml.js';
import type { ParsedMessage } from './types.js';

const PDF = fixture('documents/cv-1187-snv.pdf');
const DOCX = fixture('documents/cv-1187-snv.docx');

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// Deterministic noise, so that a run never happens to start with a header-like line.
function seededBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 2214;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[index] = state >> 23;
  }

  return bytes;
}

function codes(message: ParsedMessage): string[] {
  return message.flags.map((flag) => flag.code);
}

const HEAD = `From: Van thu <vanthu@lamdong.gov.vn>
To: vanphong@lamdong.gov.vn
Date: Fri, 04 Dec 2026 19:10:14 +0700
Message-ID: <test@lamdong.gov.vn>
MIME-Version: 1.0
`;

const REAL_MAILS = [
  ['utf8-cv-1187.eml', 'cv-1187-snv', 'V/v cử công chức tham dự lớp bồi dưỡng kỹ năng văn thư số', 'cv-1187-snv.pdf'],
  ['split-subject-cv-2214.eml', 'cv-2214-syt-dklh', 'Đăng ký lịch làm việc với lãnh đạo UBND tỉnh', 'cv-2214-syt-dklh.pdf'],
  ['cp1258-bc-57.eml', 'bc-57-ubnd-xa', 'Báo cáo kết quả chuyển đổi số quý IV', 'bc-57-ubnd-xa.pdf'],
  ['nfd-gm-88.eml', 'gm-88-ubnd', 'Giấy mời hội nghị tổng kết chuyển đổi số', 'Văn bản gm-88-ubnd.pdf'],
  ['bare-lf-tb-61.eml', 'tb-61-ubnd', 'Thông báo lịch công tác tuần', 'tb-61-ubnd.pdf'],
] as const;

describe('parseMessage on real mails', () => {
  it.each(REAL_MAILS)('%s has an NFC subject and the exact PDF', async (file, document, subject, filename) => {
    const raw = fixture(`mail/${file}`);
    const pdf = fixture(`documents/${document}.pdf`);

    const message = await parseMessage(raw);

    expect(message.subject).toBe(subject.normalize('NFC'));
    expect(message.subject).toBe(message.subject.normalize('NFC'));
    expect(message.text).toBe('Kính gửi quý cơ quan,\nVăn thư xin gửi văn bản đính kèm.\nTrân trọng.');
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment!.filename).toBe(filename.normalize('NFC'));
    expect(attachment!.size).toBe(pdf.length);
    expect(attachment!.sha256).toBe(sha256(pdf));
    expect(attachment!.content.equals(pdf)).toBe(true);
    expect(attachment!.isDocument).toBe(true);
    expect(attachment!.partPath).toBe('2');
  });

  it.each(REAL_MAILS)('%s agrees with mailparser on subject and PDF', async (file) => {
    const raw = fixture(`mail/${file}`);

    const [ours, reference] = await Promise.all([parseMessage(raw), simpleParser(raw)]);

    expect(ours.subject).toBe((reference.subject ?? '').normalize('NFC'));
    expect(ours.attachments[0]!.sha256).toBe(sha256(reference.attachments[0]!.content));
    expect(ours.messageId).toBe(reference.messageId?.replace(/^<|>$/g, ''));
    expect(ours.date).toBe(reference.date?.toISOString());
  });

  it('keeps the undecoded NFD file name of nfd-gm-88', async () => {
    const message = await parseMessage(fixture('mail/nfd-gm-88.eml'));

    expect(message.attachments[0]!.filenameOriginal).toBe("utf-8''Va%CC%86n%20ba%CC%89n%20gm-88-ubnd.pdf");
  });

  it('reads the envelope of utf8-cv-1187', async () => {
    const message = await parseMessage(fixture('mail/utf8-cv-1187.eml'));

    expect(message.from).toEqual({ name: 'Van thu So Noi vu', address: 'vanthu.snv@lamdong.gov.vn' });
    expect(message.to).toEqual([{ name: '', address: 'vanphong@lamdong.gov.vn' }]);
    expect(message.date).toBe('2026-12-04T19:10:14.000Z');
    expect(message.messageId).toBe('179641141497.12976.11284597967499669003@lamdong.gov.vn');
    expect(message.kind).toBe('message');
    expect(message.flags).toEqual([]);
    expect(message.headers[0]).toEqual({ name: 'From', value: 'Van thu So Noi vu <vanthu.snv@lamdong.gov.vn>' });
  });
});

describe('parseMessage encoded words', () => {
  it('joins split words in every header', async () => {
    const raw = eml(`From: =?UTF-8?B?Vmnhuw==?=
 =?UTF-8?B?h3QgTmFt?= <vn@lamdong.gov.vn>
To: a@lamdong.gov.vn
Subject: =?UTF-8?B?xJDEg25nIGvDvSBs4buLY2ggbMOgbSB2aeG7h2MgduE=?=
 =?UTF-8?B?u5tpIGzDo25oIMSR4bqhbyBVQk5EIHThu4luaA==?=
Message-ID: <split@x>
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

x
--b
Content-Type: application/pdf; name="=?UTF-8?B?Vmnhuw==?= =?UTF-8?B?h3QucGRm?="
Content-Disposition: attachment; filename="=?UTF-8?B?Vmnhuw==?= =?UTF-8?B?h3QucGRm?="
Content-Transfer-Encoding: base64

${base64Lines(PDF)}
--b--
`);

    const message = await parseMessage(raw);

    expect(message.subject).toBe('Đăng ký lịch làm việc với lãnh đạo UBND tỉnh');
    expect(message.from?.name).toBe('Việt Nam');
    expect(message.attachments[0]!.filename).toBe('Việt.pdf');
    expect(message.headers.find((header) => header.name === 'Subject')?.value).toBe(message.subject);
  });
});

describe('parseMessage charsets', () => {
  const single = (contentType: string, body: Uint8Array, extraHead = '') =>
    eml(`${HEAD}Subject: x\n${extraHead}Content-Type: ${contentType}\nContent-Transfer-Encoding: 8bit\n\n`, body);

  it.each([
    ['text/plain; charset=gb2312', [0x81, 0x40, 0xd6, 0xd0], '丂中', 'charset-relabelled'],
    ['text/plain; charset=iso-8859-1', [0x80, 0x20, 0xe9], '€ é', 'charset-relabelled'],
    ['text/plain; charset=latin1', [0x63, 0x61, 0x66, 0xe9], 'café', null],
    ['text/plain; charset=us-ascii', [0x63, 0x61, 0x66, 0xe9], 'café', 'charset-relabelled'],
    ['text/plain; charset=ks_c_5601-1987', [0xc7, 0xd1, 0xb1, 0xb9], '한국', null],
    ['text/plain; charset="UTF_8"', [...Buffer.from('Việt', 'utf8')], 'Việt', null],
    ['text/plain; charset=x-cp1258', [0x56, 0x69, 0xea, 0xf2, 0x74], 'Việt', null],
    ['text/plain; charset=windows1258', [0x54, 0x69, 0xea, 0xec, 0x6e, 0x67], 'Tiếng', null],
    ['text/plain; charset=x-unknown', [...Buffer.from('Việt', 'utf8')], 'Việt', 'charset-unknown'],
    ['text/plain; charset=x-unknown', [0x63, 0x61, 0x66, 0xe9], 'café', 'charset-unknown'],
    ['text/plain', [0x56, 0x69, 0xea, 0xf2, 0x74], 'Việt', 'charset-missing'],
  ])('decodes %s %j', async (contentType, bytes, text, flag) => {
    const message = await parseMessage(single(contentType, Buffer.from(bytes)));

    expect(message.text).toBe(text);
    expect(message.text).toBe(message.text.normalize('NFC'));
    expect(codes(message)).toEqual(flag === null ? [] : [flag]);
  });

  it('composes NFD UTF-8 text', async () => {
    const message = await parseMessage(single('text/plain; charset=utf-8', Buffer.from('Việt Nam'.normalize('NFD'), 'utf8')));

    expect(message.text).toBe('Việt Nam'.normalize('NFC'));
  });

  it('prefers MIME charset over meta', async () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'),
      Buffer.from('Việt', 'utf8'),
      Buffer.from('</p></body></html>'),
    ]);

    const message = await parseMessage(single('text/html; charset=utf-8', html));

    expect(message.text).toBe('Việt');
    expect(message.html).toContain('Việt');
  });

  it('uses the HTML meta charset when MIME names none', async () => {
    const html = Buffer.concat([
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258"><p>'),
      Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74]),
      Buffer.from('</p>'),
    ]);

    const message = await parseMessage(single('text/html', html));

    expect(message.text).toBe('Việt');
    expect(codes(message)).toEqual(['html-sanitised']);
  });

  it('keeps raw 8-bit header bytes and states the guess', async () => {
    const subject = Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74, 0x20, 0x4e, 0x61, 0x6d]);
    const raw = eml(`${HEAD}Subject: `, subject, '\nContent-Type: text/plain\n\nx');

    const message = await parseMessage(raw);

    expect(message.subject).toBe('Việt Nam');
    const flag = message.flags.find((candidate) => candidate.code === 'header-8bit');
    expect(flag?.message).toBe('raw 8-bit bytes in Subject, decoded as windows-1258');
    expect(flag?.detail).toBe('message: Subject: Vi\\xea\\xf2t Nam');
  });

  it('decodes raw UTF-8 in a From name', async () => {
    const raw = eml('From: Sở Nội vụ <snv@lamdong.gov.vn>\nSubject: x\nMessage-ID: <a@b>\n\nx');

    const message = await parseMessage(raw);

    expect(message.from).toEqual({ name: 'Sở Nội vụ', address: 'snv@lamdong.gov.vn' });
    expect(codes(message)).toEqual(['header-8bit']);
  });
});

describe('parseMessage documents', () => {
  it('detects documents by content', async () => {
    const raw = eml(`${HEAD}Subject: docs
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Kèm theo văn bản.
--b
Content-Type: application/octet-stream
Content-Disposition: inline; filename="cv.pdf"
Content-Transfer-Encoding: base64

${base64Lines(PDF)}
--b
Content-Type: application/octet-stream; name="cv.docx"
Content-Transfer-Encoding: base64

${base64Lines(DOCX)}
--b--
`);

    const message = await parseMessage(raw);
    const [pdf, docx] = message.attachments;

    expect(pdf).toMatchObject({ declaredType: 'application/octet-stream', detectedType: 'application/pdf', disposition: 'inline', isDocument: true });
    expect(pdf!.size).toBe(PDF.length);
    expect(pdf!.sha256).toBe(sha256(PDF));
    expect(docx).toMatchObject({ detectedType: DOCX_TYPE, disposition: null, isDocument: true, filename: 'cv.docx' });
    expect(docx!.sha256).toBe(sha256(DOCX));
    expect(message.text).toBe('Kèm theo văn bản.');
  });

  it('keeps binary and quoted-printable attachments byte-exact', async () => {
    const bytes = randomBytes(3000);
    const qp = [...bytes].map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('').match(/.{1,72}/g)!.join('=\r\n');
    const raw = eml(
      `${HEAD}Subject: binary\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: binary\n\n`,
      bytes,
      `\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: quoted-printable\n\n${qp}\n--b--\n`,
    );

    const message = await parseMessage(raw);

    expect(message.attachments.map((attachment) => attachment.sha256)).toEqual([sha256(bytes), sha256(bytes)]);
  });

  it('never charset-converts a text attachment', async () => {
    const bytes = Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74, 0x0d, 0x0a]);
    const raw = eml(
      `${HEAD}Subject: t\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=windows-1258; name="note.txt"\nContent-Disposition: attachment; filename="note.txt"\nContent-Transfer-Encoding: 8bit\n\n`,
      bytes,
      '\n--b--\n',
    );

    const message = await parseMessage(raw);

    expect(message.attachments[0]!.content.equals(bytes)).toBe(true);
    expect(message.attachments[0]!.detectedType).toBe('text/plain');
    expect(message.text).toBe('');
  });

  it('decodes raw file names without the part charset', async () => {
    const raw = eml(
      `${HEAD}Subject: n\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=windows-1258\nContent-Disposition: attachment; filename="`,
      Buffer.from('Báo cáo.txt', 'utf8'),
      '"\nContent-Transfer-Encoding: 8bit\n\n',
      Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74]),
      '\n--b\nContent-Type: application/pdf; name="',
      Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74, 0x2e, 0x70, 0x64, 0x66]),
      `"\nContent-Transfer-Encoding: base64\n\n${base64Lines(PDF)}\n--b--\n`,
    );

    const message = await parseMessage(raw);

    expect(message.attachments.map((attachment) => attachment.filename)).toEqual(['Báo cáo.txt', 'Việt.pdf']);
    expect(codes(message)).toEqual(['header-8bit', 'header-8bit']);
  });

  it('generates a name for a nameless attachment', async () => {
    const raw = eml(`${HEAD}Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n${base64Lines(PDF)}\n--b--\n`);

    const message = await parseMessage(raw);

    expect(message.attachments[0]!.filename).toBe('part-1.pdf');
    expect(message.attachments[0]!.filenameOriginal).toBe('');
  });
});

describe('parseMessage reports', () => {
  it('reads a failed delivery report without counting documents', async () => {
    const raw = eml(`From: Mail Delivery System <MAILER-DAEMON@mx.lamdong.gov.vn>
To: vanthu@lamdong.gov.vn
Subject: Undelivered Mail Returned to Sender
Message-ID: <bounce-1@mx.lamdong.gov.vn>
Content-Type: multipart/report; report-type=delivery-status; boundary="r"

--r
Content-Type: text/plain; charset=utf-8

Thư không gửi được.
--r
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.lamdong.gov.vn
Original-Envelope-Id: cv-1187

Final-Recipient: rfc822; khongton@lamdong.gov.vn
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown

--r
Content-Type: message/rfc822

From: vanthu@lamdong.gov.vn
Message-ID: <cv-1187@lamdong.gov.vn>
Subject: CV 1187
Content-Type: multipart/mixed; boundary="o"

--o
Content-Type: application/pdf; name="cv.pdf"
Content-Transfer-Encoding: base64

${base64Lines(PDF)}
--o--

--r--
`);

    const message = await parseMessage(raw);

    expect(message.kind).toBe('delivery-status');
    expect(message.report).toMatchObject({
      originalMessageId: 'cv-1187@lamdong.gov.vn',
      originalEnvelopeId: 'cv-1187',
      action: 'failed',
      status: '5.1.1',
      recipient: 'khongton@lamdong.gov.vn',
      diagnostic: '550 5.1.1 User unknown',
    });
    expect(message.text).toBe('Thư không gửi được.');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ forwarded: true, isDocument: false, partPath: '3/1', detectedType: 'application/pdf' });
  });

  it('reads a delayed delivery report with returned headers', async () => {
    const raw = eml(`From: MAILER-DAEMON@mx.example
Subject: Delayed Mail (still being retried)
Message-ID: <delay@mx>
Content-Type: multipart/report; report-type=delivery-status; boundary="r"

--r
Content-Type: text/plain

Delayed.
--r
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example

Final-Recipient: rfc822; slow@example.vn
Action: delayed
Status: 4.4.1
Will-Retry-Until: Sat, 05 Dec 2026 19:10:14 +0000

--r
Content-Type: text/rfc822-headers

From: vanthu@lamdong.gov.vn
Message-ID: <gm-88@lamdong.gov.vn>
Subject: GM 88
--r--
`);

    const message = await parseMessage(raw);

    expect(message.kind).toBe('delivery-status');
    expect(message.report).toMatchObject({ action: 'delayed', status: '4.4.1', originalMessageId: 'gm-88@lamdong.gov.vn' });
    expect(message.attachments).toEqual([]);
  });

  it('reads a read receipt', async () => {
    const raw = eml(`From: vanphong@lamdong.gov.vn
To: vanthu@lamdong.gov.vn
Subject: =?utf-8?Q?=C4=90=C3=A3_xem:_CV_1187?=
Message-ID: <mdn-1@lamdong.gov.vn>
In-Reply-To: <other@lamdong.gov.vn>
Content-Type: multipart/report; report-type=disposition-notification; boundary="m"

--m
Content-Type: text/plain; charset=utf-8

Thư đã được mở.
--m
Content-Type: message/disposition-notification

Reporting-UA: vanphong.lamdong.gov.vn; Thunderbird
Final-Recipient: rfc822;vanphong@lamdong.gov.vn
Original-Message-ID: <cv-1187@lamdong.gov.vn>
Disposition: manual-action/MDN-sent-manually; displayed

--m--
`);

    const message = await parseMessage(raw);

    expect(message.kind).toBe('read-receipt');
    expect(message.subject).toBe('Đã xem: CV 1187');
    expect(message.report).toMatchObject({ action: 'displayed', originalMessageId: 'cv-1187@lamdong.gov.vn', recipient: 'vanphong@lamdong.gov.vn' });
  });

  it('takes In-Reply-To when a receipt names no original', async () => {
    const raw = eml(`From: a@x
Message-ID: <m@x>
In-Reply-To: <cv-2214@lamdong.gov.vn>
Content-Type: multipart/report; report-type=disposition-notification; boundary="m"

--m
Content-Type: message/disposition-notification

Disposition: automatic-action/MDN-sent-automatically; deleted
--m--
`);

    const message = await parseMessage(raw);

    expect(message.report).toMatchObject({ action: 'deleted', originalMessageId: 'cv-2214@lamdong.gov.vn' });
  });
});

describe('parseMessage calendar, forwards and winmail.dat', () => {
  it('keeps calendar parts with and without method', async () => {
    const calendar = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Hội nghị tổng kết\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const raw = eml(`${HEAD}Subject: GM 88
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: multipart/alternative; boundary="a"

--a
Content-Type: text/plain; charset=utf-8

Giấy mời
--a
Content-Type: text/calendar; charset=utf-8; method=REQUEST

${calendar}
--a--
--b
Content-Type: text/calendar; charset=utf-8; name="invite.ics"
Content-Disposition: attachment; filename="invite.ics"
Content-Transfer-Encoding: base64

${base64Lines(Buffer.from(calendar.replace('METHOD:REQUEST\r\n', '')))}
--b--
`);

    const message = await parseMessage(raw);

    expect(message.calendar.map((part) => part.method)).toEqual(['REQUEST', null]);
    expect(message.calendar[0]!.content).toContain('SUMMARY:Hội nghị tổng kết');
    expect(message.calendar[0]!.partPath).toBe('1.2');
    expect(message.attachments.map((attachment) => attachment.filename)).toEqual(['invite.ics']);
    expect(message.text).toBe('Giấy mời');
  });

  it('lists attachments of forwarded messages', async () => {
    const raw = eml(`${HEAD}Subject: Fwd: CV 1187
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Chuyển tiếp.
--b
Content-Type: message/rfc822

From: =?utf-8?Q?S=E1=BB=9F_N=E1=BB=99i_v=E1=BB=A5?= <snv@lamdong.gov.vn>
Subject: =?utf-8?Q?C=C3=B4ng_v=C4=83n_1187?=
Date: Wed, 25 Nov 2026 08:00:00 +0700
Message-ID: <cv-1187@lamdong.gov.vn>
Content-Type: multipart/mixed; boundary="inner"

--inner
Content-Type: text/plain

Original text.
--inner
Content-Type: application/pdf; name="cv-1187.pdf"
Content-Transfer-Encoding: base64

${base64Lines(PDF)}
--inner--
--b--
`);

    const message = await parseMessage(raw);

    expect(message.text).toBe('Chuyển tiếp.');
    expect(message.forwarded).toEqual([
      {
        partPath: '2',
        messageId: 'cv-1187@lamdong.gov.vn',
        subject: 'Công văn 1187',
        from: { name: 'Sở Nội vụ', address: 'snv@lamdong.gov.vn' },
        date: '2026-11-25T01:00:00.000Z',
      },
    ]);
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ filename: 'cv-1187.pdf', forwarded: true, isDocument: true, partPath: '2/2' });
    expect(message.attachments[0]!.sha256).toBe(sha256(PDF));
  });

  it('keeps winmail.dat and unpacks its files', async () => {
    const tnef = buildTnef([{ longName: 'Công văn 1187.pdf', mimeType: 'application/pdf', content: PDF }]);
    const raw = eml(`${HEAD}Subject: Outlook
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain

See attachment.
--b
Content-Type: application/ms-tnef; name="winmail.dat"
Content-Disposition: attachment; filename="winmail.dat"
Content-Transfer-Encoding: base64

${base64Lines(tnef)}
--b--
`);

    const message = await parseMessage(raw);
    const [container, unpacked] = message.attachments;

    expect(container).toMatchObject({ filename: 'winmail.dat', detectedType: 'application/ms-tnef', isDocument: false, partPath: '2' });
    expect(container!.sha256).toBe(sha256(tnef));
    expect(unpacked).toMatchObject({ filename: 'Công văn 1187.pdf', detectedType: 'application/pdf', isDocument: true, partPath: '2:1' });
    expect(unpacked!.sha256).toBe(sha256(PDF));
    expect(codes(message)).toEqual(['winmail-dat', 'winmail-dat-unpacked']);
  });

  it('flags a winmail.dat without files', async () => {
    const tnef = buildTnef([]);
    const raw = eml(`${HEAD}Subject: x\nContent-Type: application/ms-tnef\nContent-Transfer-Encoding: base64\n\n${base64Lines(tnef)}\n`);

    const message = await parseMessage(raw);

    expect(message.attachments).toHaveLength(1);
    expect(codes(message)).toEqual(['winmail-dat']);
  });
});

describe('parseMessage signatures', () => {
  it('reads S/MIME multipart/signed content', async () => {
    const message = await parseMessage(fixture('mime/smime-multipart-signed.eml'));

    expect(message.signature).toMatchObject({ kind: 'smime', verified: null });
    expect(message.signature!.detail).toContain('micalg=sha-256');
    expect(message.text).toBe('Kính gửi Văn phòng UBND tỉnh,\nSở Nội vụ gửi văn bản ký số đính kèm.\n');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ filename: 'cv-1187-snv.docx', isDocument: true, partPath: '1.2' });
    expect(message.attachments[0]!.sha256).toBe(sha256(DOCX));
    expect(codes(message)).toEqual(['signature-unverified']);
  });

  it('reads opaque S/MIME signed-data content', async () => {
    const message = await parseMessage(fixture('mime/smime-opaque-signed.eml'));

    expect(message.signature).toMatchObject({ kind: 'smime', verified: null });
    expect(message.signature!.detail).toContain('1 signer');
    expect(message.text).toContain('Sở Nội vụ gửi văn bản ký số đính kèm.');
    expect(message.attachments.map((attachment) => attachment.sha256)).toEqual([sha256(DOCX)]);
    expect(codes(message)).toEqual(['signature-unverified']);
  });

  it('reads PGP/MIME signed content', async () => {
    const message = await parseMessage(fixture('mime/pgp-multipart-signed.eml'));

    expect(message.signature).toMatchObject({ kind: 'pgp', verified: null });
    expect(message.subject).toBe('Công văn 1187 ký PGP');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ disposition: 'inline', isDocument: true });
    expect(message.attachments[0]!.sha256).toBe(sha256(PDF));
    expect(codes(message)).toEqual(['signature-unverified']);
  });

  it('ignores the signature of a forwarded message', async () => {
    const raw = eml(`${HEAD}Subject: Fwd: signed\nContent-Type: multipart/mixed; boundary=f\n\n--f\nContent-Type: message/rfc822\n\n`, fixture('mime/smime-multipart-signed.eml'), '\n--f--\n');

    const message = await parseMessage(raw);

    expect(message.signature).toBeNull();
    expect(message.flags).toEqual([]);
    expect(message.attachments[0]).toMatchObject({ filename: 'cv-1187-snv.docx', forwarded: true, partPath: '1/1.2' });
  });

  it('flags multipart/signed without its signature part', async () => {
    const raw = eml(`${HEAD}Subject: s\nContent-Type: multipart/signed; protocol="application/pkcs7-signature"; boundary=s\n\n--s\nContent-Type: text/plain\n\nsigned\n--s--\n`);

    const message = await parseMessage(raw);

    expect(message.text).toBe('signed');
    expect(codes(message)).toEqual(['signature-invalid', 'signature-unverified']);
  });

  it('flags encrypted S/MIME and keeps it as an attachment', async () => {
    const raw = eml(`${HEAD}Subject: e\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\nContent-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHA6CAMIACAQAx\n`);

    const message = await parseMessage(raw);

    expect(message.signature).toBeNull();
    expect(message.attachments[0]!.filename).toBe('smime.p7m');
    expect(codes(message)).toEqual(['message-encrypted']);
  });
});

describe('parseMessage damaged input', () => {
  it('reads bare LF line ends', async () => {
    const raw = Buffer.from(eml(`${HEAD}Subject: lf\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=utf-8\n\nmột\nhai\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n${base64Lines(PDF)}\n--b--\n`).toString('latin1').replace(/\r\n/g, '\n'), 'latin1');

    const message = await parseMessage(raw);

    expect(message.text).toBe('một\nhai');
    expect(message.attachments[0]!.sha256).toBe(sha256(PDF));
  });

  it('reads lines of several thousand characters and flags them', async () => {
    const html = `<p>${'Văn bản '.repeat(2000)}</p>`;
    const base64 = PDF.toString('base64');
    const raw = eml(`${HEAD}Subject: long\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/html; charset=utf-8\n\n${html}\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n${base64}\n--b--\n`);

    const message = await parseMessage(raw);

    expect(message.text).toBe('Văn bản '.repeat(2000).trim());
    expect(message.attachments[0]!.sha256).toBe(sha256(PDF));
    expect(codes(message)).toEqual(['line-too-long']);
    expect(message.flags[0]!.message).toContain(`the longest has ${base64.length}`);
  });

  it('reads a header section of more than 100 KB', async () => {
    const received = Array.from({ length: 1500 }, (_, index) => `Received: from relay${index}.example.vn (relay${index}.example.vn [10.0.${index % 250}.1])\n\tby mx.lamdong.gov.vn with ESMTPS id ${index}; Fri, 04 Dec 2026 19:10:14 +0700`).join('\n');
    const raw = eml(`${received}\n${HEAD}Subject: =?utf-8?Q?Nhi=E1=BB=81u_header?=\nContent-Type: text/plain\n\nbody`);

    const message = await parseMessage(raw);

    expect(message.subject).toBe('Nhiều header');
    expect(message.text).toBe('body');
    expect(message.headers.length).toBeGreaterThan(1500);
    expect(codes(message)).toEqual(['header-too-large']);
  });

  it('reads a multipart missing its closing boundary', async () => {
    const raw = eml(`${HEAD}Subject: cut\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nfirst\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n${base64Lines(PDF)}\n`);

    const message = await parseMessage(raw);

    expect(message.text).toBe('first');
    expect(message.attachments[0]!.sha256).toBe(sha256(PDF));
    expect(codes(message)).toEqual(['boundary-missing']);
  });

  it('decodes broken base64 and quoted-printable', async () => {
    const brokenPdf = `${base64Lines(PDF.subarray(0, 300))}\n!!##\n`;
    const raw = eml(`${HEAD}Subject: broken\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nVi=E1=BB=87t =3 Nam=\n ok\n--b\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n${brokenPdf}\n--b--\n`);

    const message = await parseMessage(raw);

    expect(message.text).toBe('Việt =3 Nam ok');
    expect(message.attachments[0]!.content.equals(PDF.subarray(0, 300))).toBe(true);
    expect(codes(message).sort()).toEqual(['base64-invalid', 'quoted-printable-invalid']);
    expect(message.flags.find((flag) => flag.code === 'base64-invalid')?.detail).toBe('part 2');
  });

  it('derives text from an HTML-only body and sanitises it', async () => {
    const raw = eml(`${HEAD}Subject: html\nContent-Type: text/html; charset=utf-8\n\n<p>Kính gửi</p><img src="https://tracker.example/x.gif"><script>x()</script><p>Trân trọng</p>`);

    const message = await parseMessage(raw);

    expect(message.text).toBe('Kính gửi\n\nTrân trọng');
    expect(message.html).toBe('<p>Kính gửi</p><img /><p>Trân trọng</p>');
    expect(message.flags).toEqual([{ code: 'html-sanitised', message: 'active or remote HTML content was removed', detail: 'remote image, script' }]);
  });

  it('flags a missing Message-ID and an unreadable date', async () => {
    const message = await parseMessage(eml('From: a@x\nDate: Thứ Sáu\nSubject: x\n\nbody'));

    expect(message.messageId).toBeNull();
    expect(message.date).toBeNull();
    expect(codes(message)).toEqual(['header-8bit', 'message-id-missing', 'date-invalid']);
  });

  it.each([
    ['empty input', Buffer.alloc(0)],
    ['random bytes', seededBytes(5000)],
    ['text without headers', Buffer.from('hello world, this is not a message\n')],
  ])('returns parse-failed for %s', async (_name, raw) => {
    const message = await parseMessage(raw);

    expect(codes(message)).toContain('parse-failed');
    expect(message.attachments).toEqual([]);
    expect(message.text).toBe('');
  });

  it('never rejects on mutated messages', async () => {
    const source = fixture('mail/utf8-cv-1187.eml');
    let seed = 1187;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };

    for (let round = 0; round < 200; round++) {
      const mutated = Buffer.from(source.subarray(0, Math.floor(random() * source.length)));
      for (let flip = 0; flip < 20; flip++) {
        mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256);
      }

      const message = await parseMessage(mutated);

      expect(Array.isArray(message.flags)).toBe(true);
    }
  });

  it('stops at the time budget', async () => {
    const message = await parseMessage(fixture('mail/utf8-cv-1187.eml'), { timeBudgetMs: -1 });

    expect(codes(message)).toEqual(['parse-timeout']);
    expect(message.subject).toBe('V/v cử công chức tham dự lớp bồi dưỡng kỹ năng văn thư số');
    expect(message.attachments).toEqual([]);
  });

  it.each([
    ['RFC 2231 continuations', `Content-Disposition: attachment; ${Array.from({ length: 30_000 }, (_, index) => `filename*${index}*=%41`).join('; ')}`],
    ['semicolons', `Content-Disposition: attachment${';'.repeat(300_000)}; filename=a.pdf`],
    ['unclosed quoted value', `Content-Disposition: attachment; filename="${'\\x'.repeat(200_000)}`],
  ])('parses a header of many %s in linear time', async (_name, disposition) => {
    const raw = eml(`${HEAD}Subject: p\nContent-Type: application/pdf\n${disposition}\nContent-Transfer-Encoding: base64\n\n${base64Lines(PDF)}\n`);

    const started = performance.now();
    const message = await parseMessage(raw);

    expect(performance.now() - started).toBeLessThan(3_000);
    expect(message.attachments[0]!.sha256).toBe(sha256(PDF));
  });

  it('bounds thousands of parts', async () => {
    const parts = Array.from({ length: 5000 }, (_, index) => `--b\nContent-Type: application/octet-stream\n\n${index}`).join('\n');
    const raw = eml(`${HEAD}Subject: many\nContent-Type: multipart/mixed; boundary=b\n\n${parts}\n--b--\n`);

    const started = performance.now();
    const message = await parseMessage(raw);

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(codes(message)).toContain('structure-too-complex');
    expect(message.attachments.length).toBeLessThan(2_000);
  });
});
