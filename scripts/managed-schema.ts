// Writes public/managed_schema.json from lib/settings/fields.ts: `npx tsx scripts/managed-schema.ts`.
import { writeFileSync } from 'node:fs';
import { buildManagedSchema } from '../lib/settings/managed-schema';

writeFileSync('public/managed_schema.json', `${JSON.stringify(buildManagedSchema(), null, 2)}\n`);
