import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from './openapi-document.js';

/** Where the console's typed client reads the API's types from (committed; a test keeps it fresh). */
export const schemaPath = new URL('../console/src/api/schema.d.ts', import.meta.url);

const header = `/**
 * Generated from Roster's OpenAPI document by \`npm run generate:api\`. Do not edit by hand:
 * test/console/api-schema.test.ts fails when this file no longer matches the server's routes.
 */

`;

/** The TypeScript source of the API's types, from the document the server would serve. */
export async function apiSchemaSource(): Promise<string> {
  const document = await openApiDocument();
  // openapi-typescript wants a plain JSON value; the document holds only JSON.
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)));
  return header + astToString(ast);
}
