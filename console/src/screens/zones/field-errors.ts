/**
 * The API names the field it refuses (`phoneNumbers.1`, `parentCode`): put its
 * message under that field of the form, so the user sees it where they typed.
 * What names no field of the form is returned for an alert above it.
 */
import type { FormInstance } from 'antd';
import { CallError } from '../../api/client';

export async function withFieldErrors<T>(
  form: FormInstance,
  fields: readonly string[],
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const field = error instanceof CallError ? error.body.field?.split('.')[0] : undefined;
    if (error instanceof CallError && field && fields.includes(field)) {
      form.setFields([{ name: field, errors: [error.body.message] }]);
      return { ok: false, error: null };
    }
    return { ok: false, error };
  }
}
