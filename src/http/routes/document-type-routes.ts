import type { FastifyInstance } from 'fastify';
import { DOCUMENT_TYPES } from '../../documents/document-types.js';

export function registerDocumentTypeRoutes(app: FastifyInstance): void {
  app.get('/api/v1/document-types', { schema: { tags: ['documents'], summary: 'The document type catalogue (Decree 30/2020 codes)' } }, async () => ({
    items: DOCUMENT_TYPES.map((type) => ({ code: type.code, name: type.nameVi, nameEn: type.nameEn })),
  }));
}
