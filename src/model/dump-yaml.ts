/** A value as YAML text (`rules --format yaml`); its own module, so yaml loads only when asked. */
import { stringify } from 'yaml';

export function dumpYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
