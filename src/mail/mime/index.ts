export { parseMessage, type ParseOptions } from './parse-message.js';
export { isDocumentType, sniffContentType } from './sniff-type.js';
export * from './types.js';
