import { defineConfig } from 'prisma/config';

// Only `prisma generate` is used on machines without the native schema engine;
// `prisma migrate deploy` also works where the engine can be downloaded.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/minqing' },
});
