import { UsageError } from '../../errors.js';
import type { Io } from '../io.js';
import type { RawOptions } from '../request.js';

export async function compareCommand(_a: string, _b: string, _o: RawOptions, _io: Io): Promise<number> {
  throw new UsageError('compare is not built yet.');
}
