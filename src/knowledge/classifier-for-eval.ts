/**
 * The classifier the intake would use, for scripts: the model of the shipped
 * examples, from the model cache (trained and cached on first use).
 */
import { gunzipSync } from 'node:zlib';
import { TextClassifier } from '../router/classifier.js';
import { cachedShippedModel } from '../router/model-store.js';
import { RouterModel, type SerializedRouterModel } from '../router/router-model.js';

export async function shippedClassifier(cacheDir: string): Promise<TextClassifier> {
  const classifier = new TextClassifier([]);
  classifier.useModel(RouterModel.fromJSON(JSON.parse(gunzipSync(await cachedShippedModel(cacheDir)).toString('utf8')) as SerializedRouterModel), 0);
  return classifier;
}
