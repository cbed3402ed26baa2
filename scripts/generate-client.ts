// postinstall: generates the Prisma client (lib/db/generated) if the schema changed.
import { ensurePrismaClient } from './lib/prepare-build';

ensurePrismaClient();
