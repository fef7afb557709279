import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiSchemaSource, schemaPath } from './api-schema.js';

/** `npm run generate:api`: rewrites console/src/api/schema.d.ts from the server's routes. */
writeFileSync(fileURLToPath(schemaPath), await apiSchemaSource());
process.stdout.write(`wrote ${fileURLToPath(schemaPath)}\n`);
