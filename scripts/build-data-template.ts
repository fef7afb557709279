import { dataTemplateDir, writeDataTemplate } from '../src/db/data-template.js';

/**
 * `npm run build`: a migrated, empty embedded database in dist/data-template/, so that a new data
 * directory starts from it instead of paying the database's creation and every migration at first start.
 */
await writeDataTemplate(dataTemplateDir);
console.log(`Wrote the migrated data template to ${dataTemplateDir}`);
