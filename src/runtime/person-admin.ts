/**
 * The console's first account: a person with login `admin`, made on start-up
 * when there is none. Its password is ADMIN_PASSWORD or, outside production, one
 * generated into DATA_DIR/admin-password (the log says where, never what).
 * An existing `admin` is left as it is: later changes go through the users API.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { hashPassword } from '../core/password.js';
import type { Queryable } from '../store/db.js';
import { addAccount, credentialsByLogin } from '../store/staff.js';
import { demoSecret } from './embedded-services.js';

export const ADMIN_LOGIN = 'admin';

export async function ensurePersonAdmin(config: Config, db: Queryable, log: Logger): Promise<void> {
  if (await credentialsByLogin(db, ADMIN_LOGIN)) return;
  if (!config.ADMIN_PASSWORD && config.NODE_ENV === 'production') {
    log.warn('no console account yet: set ADMIN_PASSWORD (at least 10 characters) to create the `admin` account, or add one with the users API');
    return;
  }
  const password = config.ADMIN_PASSWORD ?? (await demoSecret(config.DATA_DIR, 'admin-password', log));
  const created = await addAccount(db, { login: ADMIN_LOGIN, name: 'admin', role: 'admin', passwordHash: await hashPassword(password), liaisonId: null });
  if (created !== null) log.info({ login: ADMIN_LOGIN }, 'console account created');
}
