import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

/** The deployment files users copy: checked against what the server really serves and reads. */
const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: manifests are free-form YAML, read as such
type Doc = { kind: string; metadata: { name: string }; spec: Record<string, any> };
const docs = ['deploy/kubernetes/bot.yaml', 'deploy/kubernetes/redis.yaml'].flatMap((file) =>
  parseAllDocuments(read(file)).map((d) => {
    expect(d.errors, file).toEqual([]);
    return d.toJS() as Doc;
  }),
);
const find = (kind: string, name: string) => docs.find((d) => d.kind === kind && d.metadata.name === name);

describe('Kubernetes manifests', () => {
  const deployment = find('Deployment', 'spark-or-pytorch');
  const container = deployment?.spec.template.spec.containers[0];
  const env = Object.fromEntries((container?.env ?? []).map((e: { name: string; value: string }) => [e.name, e.value]));

  it('run at least two replicas with readiness on /readyz and liveness on /healthz', () => {
    expect(deployment?.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.ports[0].containerPort).toBe(Number(env.PORT));
  });

  it('point REDIS_URL at the Redis Service, whose StatefulSet keeps its data on a volume', () => {
    const redisUrl = new URL(env.REDIS_URL);
    const service = find('Service', redisUrl.hostname);
    expect(service?.spec.ports[0].port).toBe(Number(redisUrl.port));
    const redis = find('StatefulSet', redisUrl.hostname);
    expect(redis?.spec.template.metadata.labels).toMatchObject(service?.spec.selector ?? { missing: true });
    expect(redis?.spec.volumeClaimTemplates).toHaveLength(1);
  });

  it('route the bot Service to the Deployment, run as non-root, and keep a replica through drains', () => {
    expect(deployment?.spec.template.metadata.labels).toMatchObject(find('Service', 'spark-or-pytorch')?.spec.selector);
    expect(deployment?.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(find('PodDisruptionBudget', 'spark-or-pytorch')?.spec.minAvailable).toBe(1);
    expect(container.lifecycle.preStop.exec.command[0]).toBe('sleep');
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const instructions = dockerfile.split('\n').filter((l) => /^[A-Z]+\s/.test(l));

  it('builds in one stage and runs from another, as a non-root user, with a health check on /healthz', () => {
    expect(instructions.filter((l) => l.startsWith('FROM '))).toHaveLength(2);
    expect(instructions.find((l) => l.startsWith('USER '))).toMatch(/^USER (node|\d{3,})$/);
    expect(dockerfile).toMatch(/HEALTHCHECK[^\n]*\\\n[^\n]*\/healthz/);
    expect(instructions.at(-1)).toBe('CMD ["node", "bin/spark-or-pytorch.js", "serve"]');
  });

  it('copies into the runtime image everything the server loads at start', () => {
    const copied = instructions.filter((l) => l.startsWith('COPY --from=build')).join('\n');
    for (const path of ['node_modules', 'dist', 'bin', 'knowledge', 'package.json'])
      expect(copied).toContain(`/app/${path}`);
  });
});
