/**
 * Fits the linear model the core decides with: multinomial logistic regression over the features
 * `featuresOf` reads (criteria that hold, plain facts, named products with their status), with an
 * L2 pull towards the hand-set criteria weights, so a criterion the data rarely sees keeps its
 * hand-set meaning. Full-batch gradient descent from the prior, a fixed number of steps, fixed
 * order: the same data always gives the same weights.
 */
import {
  type CompiledModel,
  extractFacts,
  featuresOf,
  type KnowledgeBase,
  modelOutcomes,
  PRIOR,
  predict,
  priorModel,
} from '../../src/index.js';

export type Example = { readonly text: string; readonly verdict: string; readonly weight: number };
export type Encoded = { readonly features: readonly number[]; readonly label: number; readonly weight: number };
export type FitOptions = { readonly lambda: number; readonly steps: number; readonly rate: number };

export const outcomesOf = modelOutcomes;

export function featureIdsOf(kb: KnowledgeBase, text: string): string[] {
  return [...featuresOf(kb, extractFacts(text, kb)).features.keys()];
}

export function encode(kb: KnowledgeBase, examples: readonly Example[], vocabulary: Map<string, number>): Encoded[] {
  const outcomes = outcomesOf(kb);
  return examples.map((e) => {
    const features = featureIdsOf(kb, e.text).map((f) => {
      let i = vocabulary.get(f);
      if (i === undefined) {
        i = vocabulary.size;
        vocabulary.set(f, i);
      }
      return i;
    });
    return { features, label: outcomes.indexOf(e.verdict), weight: e.weight };
  });
}

export type Fitted = { readonly bias: Float64Array; readonly weights: Float64Array[]; readonly names: string[] };

export function fitWeights(
  kb: KnowledgeBase,
  data: readonly Encoded[],
  vocabulary: Map<string, number>,
  o: FitOptions,
): Fitted {
  const outcomes = outcomesOf(kb);
  const K = outcomes.length;
  const names = [...vocabulary.keys()];
  const prior = priorModel(kb, outcomes);
  const priorOf = (name: string) => {
    const p = prior.weights.get(name);
    return p ? Float64Array.from(p) : new Float64Array(K);
  };
  const priors = names.map(priorOf);
  const weights = priors.map((p) => Float64Array.from(p));
  const bias = Float64Array.from(prior.bias);
  const total = data.reduce((a, d) => a + d.weight, 0);
  const gradW = names.map(() => new Float64Array(K));
  const gradB = new Float64Array(K);
  const logits = new Float64Array(K);
  for (let step = 0; step < o.steps; step++) {
    for (const g of gradW) g.fill(0);
    gradB.fill(0);
    for (const d of data) {
      logits.set(bias);
      for (const f of d.features) {
        const w = weights[f] as Float64Array;
        for (let k = 0; k < K; k++) logits[k] = (logits[k] as number) + (w[k] as number);
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, logits[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        logits[k] = Math.exp((logits[k] as number) - max);
        sum += logits[k] as number;
      }
      for (let k = 0; k < K; k++) {
        const err = (d.weight * ((logits[k] as number) / sum - (k === d.label ? 1 : 0))) / total;
        gradB[k] = (gradB[k] as number) + err;
        for (const f of d.features) {
          const g = gradW[f] as Float64Array;
          g[k] = (g[k] as number) + err;
        }
      }
    }
    for (let k = 0; k < K; k++) bias[k] = (bias[k] as number) - o.rate * (gradB[k] as number);
    for (let f = 0; f < names.length; f++) {
      const w = weights[f] as Float64Array;
      const g = gradW[f] as Float64Array;
      const p = priors[f] as Float64Array;
      for (let k = 0; k < K; k++) {
        w[k] = (w[k] as number) - o.rate * ((g[k] as number) + o.lambda * ((w[k] as number) - (p[k] as number)));
      }
    }
  }
  return { bias, weights, names };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000 + 0;

/** The fitted weights as a compiled model (rounded as they will be written), for evaluation. */
export function toModel(kb: KnowledgeBase, fitted: Fitted, temperature: number): CompiledModel {
  const outcomes = outcomesOf(kb);
  return {
    outcomes,
    temperature,
    priorScale: PRIOR.scale,
    bias: Float64Array.from(fitted.bias, round3),
    weights: new Map(fitted.names.map((n, i) => [n, Float64Array.from(fitted.weights[i] as Float64Array, round3)])),
    size: outcomes.length,
  };
}

/** Share of examples whose most probable outcome is the label, and their mean log-loss. */
export function score(model: CompiledModel, data: readonly Encoded[], names: readonly string[]) {
  let right = 0;
  let loss = 0;
  for (const d of data) {
    const p = predict(
      model,
      d.features.map((f) => names[f] as string),
    );
    let top = 0;
    for (let k = 1; k < model.size; k++) if ((p[k] as number) > (p[top] as number)) top = k;
    if (top === d.label) right++;
    loss -= Math.log(Math.max(1e-9, p[d.label] as number));
  }
  return { accuracy: right / Math.max(1, data.length), loss: loss / Math.max(1, data.length) };
}
