/** The data a request runs on: the compensation model and the law (src/answer.ts re-exports it). */
import type { Law } from './law-schema.js';
import type { Model } from './model.js';

export interface Data {
  model: Model;
  law: Law;
  /**
   * The data with a `cities` option laid over it (a path or an object, as the face
   * allows). Faces that take the option set it; without it the option is refused.
   */
  withCities?: (value: unknown) => Data;
}
