/** The published JSON Schema of scenario files, generated from the zod schema so the two cannot drift. */
import { z } from 'zod';
import { ScenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12' }),
    $id: 'https://tokens-per-watt.example/schemas/scenario.schema.json',
    title: 'Tokens per Watt scenario',
    description: 'A scenario for Tokens per Watt. Validate with `npm run tpw -- scenario validate <file>`.',
  };
}
