// Docker cannot run on the build machines, so this checks that the compose file wires together:
// services, health checks, volumes, ports, and env vars that point at the right services.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeConfig } from '../server/index.ts';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const { services } = compose;

function containerPort(service: Service): number[] {
  return (service.ports ?? []).map((p) => Number(p.split(':').at(-1)));
}

describe('docker-compose.yml', () => {
  it('has the scale-out stack: event store, read models, Redis, server and worker', () => {
    expect(Object.keys(services).sort()).toEqual(['kurrentdb', 'mongodb', 'redis', 'server', 'worker']);
    expect(services.kurrentdb.image).toMatch(/kurrentdb|eventstore/);
    expect(services.mongodb.command?.join(' ')).toContain('--replSet');
    expect(JSON.stringify(services.mongodb.healthcheck)).toContain('rs.initiate');
  });

  it('gives every backing service and the server a health check and a volume', () => {
    for (const name of ['kurrentdb', 'mongodb', 'redis', 'server']) {
      expect(services[name].healthcheck, name).toBeDefined();
      expect(services[name].volumes?.length, name).toBeGreaterThan(0);
      for (const v of services[name].volumes ?? []) expect(Object.keys(compose.volumes)).toContain(v.split(':')[0]);
    }
  });

  it('points the server and worker at the backing services by name and port', () => {
    for (const name of ['server', 'worker']) {
      const env = services[name].environment ?? {};
      const known = describeConfig().map((c) => c.env);
      for (const key of Object.keys(env)) expect(known, `${name} sets unknown ${key}`).toContain(key);

      const esdb = new URL(env.EVENTSTORE_URL);
      expect(esdb.hostname).toBe('kurrentdb');
      expect(containerPort(services.kurrentdb)).toContain(Number(esdb.port));
      expect(services.kurrentdb.environment?.KURRENTDB_NODE_PORT).toBe(esdb.port);

      const mongo = new URL(env.MONGO_URL);
      expect(mongo.hostname).toBe('mongodb');
      expect(containerPort(services.mongodb)).toContain(Number(mongo.port));
      expect(mongo.searchParams.get('replicaSet')).toBe('rs0');
      expect(JSON.stringify(services.mongodb.healthcheck)).toContain(`_id: 'rs0'`);

      const redis = new URL(env.REDIS_URL);
      expect(redis.hostname).toBe('redis');
      expect(containerPort(services.redis)).toContain(Number(redis.port));

      for (const dep of ['kurrentdb', 'mongodb', 'redis']) expect(services[name].depends_on?.[dep]?.condition).toBe('service_healthy');
      expect(services[name].build).toBeDefined();
    }
    expect(services.server.command).toEqual(['start']);
    expect(services.worker.command).toEqual(['worker']);
    expect(services.server.ports).toContain(`5678:${services.server.environment?.PORT}`);
    expect(JSON.stringify(services.server.healthcheck)).toContain('/readyz');
  });
});
