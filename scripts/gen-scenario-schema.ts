// Writes schemas/scenario.schema.json from the zod scenario schema (the one source of truth).
// `npm run schema` after changing engine/scenario/schema.ts; a test fails while the file is stale.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../engine/scenario/jsonSchema';

writeFileSync('schemas/scenario.schema.json', JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log('wrote schemas/scenario.schema.json');
