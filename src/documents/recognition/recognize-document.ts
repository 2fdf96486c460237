import type { ExtractedText, TextLine } from '../../archive/text-extraction/extracted-text.js';
import { findDocumentTypeByCode } from '../document-types.js';

import { toIsoDate, type DateLine } from './date-line.js';
import {
  defaulted,
  recognized,
  type DocumentMetadata,
  type RecognitionFlag,
  type RecognizedDocument,
  type RecognizedField,
  type RecognizedFields,
} from './document-metadata.js';
import { analyseLayout, type DocumentLayout } from './document-layout.js';
import { decideDocumentType, UNKNOWN_TYPE } from './document-type-decision.js';
import { cleanMailSubject, fileNameSubject } from './fallback-sources.js';
import { readDate, readNumberNotation } from './header-fields.js';
import { readIssuerBlock } from './issuer-block.js';
import { findMarks, isStampLine } from './marks.js';
import { readMeeting } from './meeting.js';
import { matchOrganization, type DirectoryOrganization } from './organization-match.js';
import { readSignatureBlock } from './signature-block.js';
import { readLetterSubject, readTitledSubject } from './subject.js';
import { findTitleLine, type TitleLine } from './title-line.js';

export type {
  Confidentiality,
  DocumentMetadata,
  FieldSource,
  Meeting,
  RecognitionFlag,
  RecognitionFlagCode,
  RecognizedDocument,
  RecognizedField,
  RecognizedFields,
  SignerAuthority,
  Urgency,
} from './document-metadata.js';
export type { DirectoryOrganization } from './organization-match.js';

export type RecognitionInput = {
  extracted: ExtractedText;
  mailSubject?: string;
  fileName?: string;
  /** Directory to resolve the issuer against. Without it `issuerCode` stays null. */
  organizations?: readonly DirectoryOrganization[];
};

/**
 * Recognises the metadata of an administrative document from its text, following the layout of
 * Decree 30/2020/NĐ-CP Appendix I: the header blocks, the title, the signature block and the
 * stamps. Each field records where it was read and how sure the reading is. What could not be
 * read falls back to the mail subject or the file name, or stays empty, with a flag for the clerk.
 */
export function recognizeDocument(input: RecognitionInput): RecognizedDocument {
  const lines = input.extracted.lines;
  const mailSubject = cleanMailSubject(input.mailSubject);
  const fileSubject = fileNameSubject(input.fileName);
  const flags: RecognitionFlag[] = [];

  if (lines.length === 0) {
    flags.push({ code: 'no-text', message: 'Tệp không có chữ đọc được, thông tin chỉ lấy từ tiêu đề thư và tên tệp.' });
  }

  const layout = analyseLayout(lines);
  const numberNotation = readNumberNotation(layout, mailSubject, fileSubject);
  const dateLine = readDate(layout, flags);
  const title = findTitleLine(lines, layout.bodyStart, (line) => isStampLine(line.text));
  const letterSubject = title === null ? readLetterSubject(layout.headerLeft) : null;

  // A notation from the mail subject or file name says what the sender claims, not what the
  // document shows, so it does not decide the type.
  const notationInDocument = numberNotation.source === 'header-block' || numberNotation.source === 'body';
  const typeDecision = decideDocumentType({
    title,
    letterSubject,
    notation: notationInDocument ? (numberNotation.value?.notation ?? null) : null,
  });
  flags.push(...typeDecision.flags);
  const type = typeDecision.type;

  const subject = readSubject(lines, title, letterSubject, mailSubject, fileSubject);
  const { issuer, issuerCode } = readIssuer(layout, input.organizations, flags);
  const signature = readSignatureBlock(lines, layout.bodyStart);
  const marks = readMarks(lines, flags);
  const meeting = readMeetingField(type.value, layout, dateLine, flags);

  const fields: RecognizedFields = {
    type,
    number: withValue(numberNotation, numberNotation.value?.number ?? null),
    notation: withValue(numberNotation, numberNotation.value?.notation ?? null),
    issuedOn: dateLine.value?.valid ? recognized(toIsoDate(dateLine.value.date), dateLine.confidence, 'date-line') : defaulted(null),
    place: dateLine.value?.place ? recognized(dateLine.value.place, dateLine.confidence, 'date-line') : defaulted(null),
    issuer,
    issuerCode,
    subject,
    signer: signature?.signer ? recognized(signature.signer, 0.85, 'signature-block') : defaulted(null),
    signerPosition: signature?.position ? recognized(signature.position, 0.85, 'signature-block') : defaulted(null),
    signerAuthority: signature?.authority ? recognized(signature.authority, 0.9, 'signature-block') : defaulted(null),
    urgency: marks.urgency,
    confidentiality: marks.confidentiality,
    meeting,
  };

  return { metadata: metadataOf(fields), fields, flags };
}

function readSubject(
  lines: readonly TextLine[],
  title: TitleLine | null,
  letterSubject: string | null,
  mailSubject: string | null,
  fileSubject: string | null,
): RecognizedField<string | null> {
  const titled = title === null ? null : readTitledSubject(lines, title.index, title.rest);

  if (titled !== null) {
    return recognized(titled, 0.9, 'title-line');
  }
  if (letterSubject !== null) {
    return recognized(letterSubject, 0.9, 'header-block');
  }
  if (mailSubject !== null) {
    return recognized(mailSubject, 0.4, 'mail-subject');
  }
  if (fileSubject !== null) {
    return recognized(fileSubject, 0.2, 'file-name');
  }

  return defaulted(null);
}

function readIssuer(
  layout: DocumentLayout,
  organizations: readonly DirectoryOrganization[] | undefined,
  flags: RecognitionFlag[],
): { issuer: RecognizedField<string | null>; issuerCode: RecognizedField<string | null> } {
  const block = readIssuerBlock(layout.headerLeft);
  if (block === null) {
    return { issuer: defaulted(null), issuerCode: defaulted(null) };
  }

  const printed = recognized<string | null>(block.issuer, 0.85, 'header-block');
  if (organizations === undefined || organizations.length === 0) {
    return { issuer: printed, issuerCode: defaulted(null) };
  }

  const match = matchOrganization(block.directoryNames, organizations);
  if (match.kind === 'matched') {
    return {
      issuer: recognized(match.organization.name, 0.95, 'header-block'),
      issuerCode: recognized(match.organization.code, 0.95, 'header-block'),
    };
  }

  if (match.kind === 'ambiguous') {
    const codes = match.organizations.map((organization) => organization.code).join(', ');
    flags.push({ code: 'issuer-ambiguous', message: `Cơ quan ban hành "${block.issuer}" trùng tên với nhiều cơ quan trong danh bạ: ${codes}.` });
  } else {
    flags.push({ code: 'issuer-not-in-directory', message: `Cơ quan ban hành "${block.issuer}" không có trong danh bạ.` });
  }

  return { issuer: printed, issuerCode: defaulted(null) };
}

function readMarks(lines: readonly TextLine[], flags: RecognitionFlag[]): Pick<RecognizedFields, 'urgency' | 'confidentiality'> {
  const firstPage = lines.filter((line) => line.page === lines[0]?.page);
  const marks = findMarks(firstPage);
  // Without any text a missing stamp is no evidence of a normal document.
  const absentConfidence = lines.length === 0 ? 0 : 0.7;

  for (const note of marks.circulationNotes) {
    flags.push({ code: 'circulation-note', message: `Văn bản có ghi chú "${note}".` });
  }
  if (marks.confidentiality !== null) {
    flags.push({ code: 'classified', message: 'Văn bản có dấu chỉ độ mật. Văn bản mật không được gửi hay lưu trên hệ thống này.' });
  }

  return {
    urgency: marks.urgency === null ? defaulted('normal', absentConfidence) : recognized(marks.urgency, 0.9, 'header-block'),
    confidentiality:
      marks.confidentiality === null ? defaulted('none', absentConfidence) : recognized(marks.confidentiality, 0.9, 'header-block'),
  };
}

function readMeetingField(
  type: string,
  layout: DocumentLayout,
  dateLine: RecognizedField<DateLine | null>,
  flags: RecognitionFlag[],
): RecognizedField<DocumentMetadata['meeting']> {
  const carriesMeeting = type !== UNKNOWN_TYPE && findDocumentTypeByCode(type)?.carriesMeeting === true;
  if (!carriesMeeting) {
    return defaulted(null, type === UNKNOWN_TYPE ? 0 : 0.9);
  }

  const reading = readMeeting(layout.lines.slice(layout.bodyStart), dateLine.value?.date ?? null);
  if (reading === null) {
    flags.push({ code: 'meeting-not-recognised', message: `Không đọc được thời gian họp trong ${(findDocumentTypeByCode(type)?.nameVi ?? type).toLocaleLowerCase('vi')}.` });

    return defaulted(null);
  }

  return recognized(reading.meeting, reading.labelled ? 0.85 : 0.6, 'body');
}

function withValue<T>(field: RecognizedField<unknown>, value: T): RecognizedField<T> {
  return value === null ? defaulted(value) : { ...field, value };
}

function metadataOf(fields: RecognizedFields): DocumentMetadata {
  return {
    type: fields.type.value,
    number: fields.number.value,
    notation: fields.notation.value,
    issuedOn: fields.issuedOn.value,
    place: fields.place.value,
    issuer: fields.issuer.value,
    issuerCode: fields.issuerCode.value,
    subject: fields.subject.value,
    signer: fields.signer.value,
    signerPosition: fields.signerPosition.value,
    signerAuthority: fields.signerAuthority.value,
    urgency: fields.urgency.value,
    confidentiality: fields.confidentiality.value,
    meeting: fields.meeting.value,
  };
}
